package dev.kafkadirect.internal.journal;

import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A stream with the offset journal on: what it records after completed and after failed batches. */
class JournalStreamTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    static final Map<TopicPartition, Long> FAILED_BATCH_START = new ConcurrentHashMap<>();

    private JavaStreamingContext ssc;

    @AfterEach
    void stopStreaming() {
        if (ssc != null) {
            ssc.stop(true, false);
        }
        SEEN.clear();
        FAILED_BATCH_START.clear();
    }

    @Test
    void theJournalHoldsTheEndOffsetsOfTheLastCompletedBatch(KafkaCluster kafka, @TempDir Path journal) {
        kafka.createTopic("journal-complete", 2);
        kafka.produce(400, i -> new ProducerRecord<>("journal-complete", i % 2, null, "v" + i));
        JavaInputDStream<ConsumerRecord<String, String>> stream = journaledStream(kafka, "journal-complete", journal);
        stream.foreachRDD(rdd -> SEEN.addAll(rdd.map(ConsumerRecord::value).collect()));
        ssc.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(latest(journal).map(JournalEntry::offsets))
                .contains(kafka.endOffsets("journal-complete")));
        assertThat(SEEN).hasSize(400);
    }

    @Test
    void afterAFailedBatchTheJournalStaysAtTheBatchBeforeIt(KafkaCluster kafka, @TempDir Path journal) {
        kafka.createTopic("journal-failed", 2);
        // 200 records per batch (maxRatePerPartition 200, 0.5 s batches, 2 partitions): v250 is in the second batch.
        kafka.produce(1000, i -> new ProducerRecord<>("journal-failed", i % 2, null, "v" + i));
        JavaInputDStream<ConsumerRecord<String, String>> stream = journaledStream(kafka, "journal-failed", journal);
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            List<String> values = rdd.map(ConsumerRecord::value).collect();
            if (values.contains("v250")) {
                for (OffsetRange range : offsetRanges) {
                    FAILED_BATCH_START.put(range.topicPartition(), range.fromOffset());
                }
                throw new IllegalStateException("injected: the batch holding v250 fails");
            }
            SEEN.addAll(values);
        });
        ssc.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.contains("v999") && SEEN.contains("v998"));
        assertThat(FAILED_BATCH_START).isNotEmpty();
        assertThat(latest(journal).map(JournalEntry::offsets)).contains(FAILED_BATCH_START);
    }

    private JavaInputDStream<ConsumerRecord<String, String>> journaledStream(KafkaCluster kafka, String topic, Path journal) {
        ssc = JournalAppSupport.newContext("JournalStreamTest");
        Map<String, Object> kafkaParams = new HashMap<>(kafka.stringConsumerConfig(topic));
        kafkaParams.put("dev.kafkadirect.offsetJournal", journal.toString());
        return KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of(topic), kafkaParams));
    }

    private static Optional<JournalEntry> latest(Path journal) {
        return new OffsetJournal(journal.toString()).latest(new Configuration());
    }
}
