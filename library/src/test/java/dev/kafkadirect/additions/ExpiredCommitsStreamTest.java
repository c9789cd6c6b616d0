package dev.kafkadirect.additions;

import dev.kafkadirect.testing.CapturedOutput;
import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Committed offsets that retention removed while no stream ran: the broker's retention deletes the segment that
 * holds them (records an hour old, retention.ms of 30 minutes), and each stream follows its auto.offset.reset.
 */
@Tag("faults")
class ExpiredCommitsStreamTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
    private static final String TOPIC = "expired-commits";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private JavaStreamingContext ssc;

    @AfterEach
    void stopStreaming() {
        if (ssc != null) {
            ssc.stop(true, false);
        }
        SEEN.clear();
    }

    @Test
    void eachStreamFollowsAutoOffsetResetAndSaysWhatItSkipped(KafkaCluster kafka) throws Exception {
        kafka.createTopic(TOPIC, 1, 1, Map.of("retention.ms", "1800000", "segment.ms", "60000"));
        long anHourAgo = System.currentTimeMillis() - 3_600_000;
        kafka.produce(10, i -> new ProducerRecord<>(TOPIC, 0, anHourAgo + i, null, "old-" + i));
        for (String reset : List.of("earliest", "none", "latest")) {
            kafka.admin().alterConsumerGroupOffsets("expired-" + reset, Map.of(PARTITION, new OffsetAndMetadata(5)))
                    .all().get();
        }
        // Their timestamps are an hour past the first segment's, so these records roll a new segment.
        kafka.produce(5, i -> new ProducerRecord<>(TOPIC, 0, null, "new-" + i));
        await().atMost(Duration.ofSeconds(120)).until(() -> earliestOffset(kafka) == 10);

        try (CapturedOutput output = CapturedOutput.start()) {
            startStream(kafka, "earliest");
            await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 5);
            assertThat(SEEN).containsExactly("new-0", "new-1", "new-2", "new-3", "new-4");
            assertThat(output.text()).contains("the committed offset 5 of expired-commits-0 is no longer in the log,"
                    + " which starts at 10 (retention or deleteRecords removed it); auto.offset.reset=earliest starts"
                    + " it at 10, skipping 5 offsets");
        }
        ssc.stop(true, false);
        SEEN.clear();

        assertThatThrownBy(() -> startStream(kafka, "none"))
                .hasStackTraceContaining("The committed offset 5 of expired-commits-0 is no longer in the log, which"
                        + " starts at offset 10 (retention or deleteRecords removed offsets 5 to 9 before this stream read"
                        + " them), and auto.offset.reset is 'none'.");
        ssc.stop(true, false);

        startStream(kafka, "latest");
        kafka.produce(1, i -> new ProducerRecord<>(TOPIC, 0, null, "after-start"));
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.contains("after-start"));
        assertThat(SEEN).containsExactly("after-start");
    }

    private static long earliestOffset(KafkaCluster kafka) {
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(kafka.stringConsumerConfig("expired-probe"))) {
            return consumer.beginningOffsets(List.of(PARTITION)).get(PARTITION);
        }
    }

    private void startStream(KafkaCluster kafka, String reset) {
        ssc = new JavaStreamingContext(LocalSpark.conf("local[2]", "ExpiredCommitsStreamTest", Map.of()),
                Durations.milliseconds(500));
        Map<String, Object> kafkaParams = new HashMap<>(kafka.stringConsumerConfig("expired-" + reset));
        kafkaParams.put("auto.offset.reset", reset);
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(), ConsumerStrategies.<String, String>Subscribe(List.of(TOPIC), kafkaParams));
        stream.foreachRDD(rdd -> SEEN.addAll(rdd.map(ConsumerRecord::value).collect()));
        ssc.start();
    }
}
