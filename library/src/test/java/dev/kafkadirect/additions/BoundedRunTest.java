package dev.kafkadirect.additions;

import dev.kafkadirect.bounded.GroupBacklog;
import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Bounded reads on a real broker: a stream that stops by itself at the end offsets it saw, and a group's backlog. */
class BoundedRunTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final List<Integer> BATCH_SIZES = new CopyOnWriteArrayList<>();

    private JavaStreamingContext ssc;

    @AfterEach
    void stopStreaming() {
        if (ssc != null) {
            ssc.stop(true, false);
        }
        SEEN.clear();
        BATCH_SIZES.clear();
    }

    @Test
    void aBoundedStreamReadsToTheEndOffsetsSeenAtStartCommitsAndStopsByItself(KafkaCluster kafka) throws Exception {
        kafka.createTopic("bounded-run", 2);
        kafka.produce(60, i -> new ProducerRecord<>("bounded-run", i % 2, null, "v" + i));
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("bounded-run");
        kafkaParams.put("dev.kafkadirect.boundedRun", true);
        // 10 records per partition per batch, so the run takes three batches.
        ssc = new JavaStreamingContext(LocalSpark.conf("local[2]", "BoundedRunTest",
                Map.of("spark.streaming.kafka.maxRatePerPartition", "20")), Durations.milliseconds(500));
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of("bounded-run"), kafkaParams));
        stream.foreachRDD(rdd -> {
            OffsetRange[] ranges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            List<String> values = rdd.map(ConsumerRecord::value).collect();
            BATCH_SIZES.add(values.size());
            SEEN.addAll(values);
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(ranges);
        });
        ssc.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !SEEN.isEmpty());
        kafka.produce(10, i -> new ProducerRecord<>("bounded-run", i % 2, null, "late" + i));

        assertThat(ssc.awaitTerminationOrTimeout(60_000)).as("the stream stopped its context").isTrue();
        assertThat(SEEN).hasSize(60);
        assertThat(new HashSet<>(SEEN)).isEqualTo(IntStream.range(0, 60).mapToObj(i -> "v" + i).collect(Collectors.toSet()));
        assertThat(BATCH_SIZES.stream().filter(size -> size > 0)).containsExactly(20, 20, 20);
        assertThat(kafka.committedOffsets("bounded-run"))
                .isEqualTo(Map.of(new TopicPartition("bounded-run", 0), 30L, new TopicPartition("bounded-run", 1), 30L));
    }

    @Test
    void aGroupsBacklogRunsFromItsCommittedOffsetsToTheLatestAndCommitsItsEnds(KafkaCluster kafka) throws Exception {
        kafka.createTopic("group-backlog", 2);
        kafka.produce(20, i -> new ProducerRecord<>("group-backlog", i % 2, null, "v" + i));
        TopicPartition p0 = new TopicPartition("group-backlog", 0);
        TopicPartition p1 = new TopicPartition("group-backlog", 1);
        kafka.admin().alterConsumerGroupOffsets("group-backlog", Map.of(p0, new OffsetAndMetadata(3))).all().get();
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("group-backlog");
        JavaSparkContext sc = LocalSpark.start("BoundedRunTest", Map.of());
        try {
            GroupBacklog backlog = GroupBacklog.of(kafkaParams, List.of("group-backlog"));
            assertThat(backlog.offsetRanges()).as("partition 1 has no commit: auto.offset.reset=earliest")
                    .containsExactly(OffsetRange.create(p0, 3, 10), OffsetRange.create(p1, 0, 10));

            List<String> read = KafkaUtils.<String, String>createRDD(sc, kafkaParams, backlog.offsetRanges(),
                    LocationStrategies.PreferConsistent()).map(ConsumerRecord::value).collect();
            backlog.commit();

            assertThat(read).hasSize(17).doesNotContain("v0", "v2", "v4");
            assertThat(kafka.committedOffsets("group-backlog")).isEqualTo(Map.of(p0, 10L, p1, 10L));
            assertThat(GroupBacklog.of(kafkaParams, List.of("group-backlog")).offsetRanges())
                    .containsExactly(OffsetRange.create(p0, 10, 10), OffsetRange.create(p1, 10, 10));
        } finally {
            sc.stop();
        }
        kafkaParams.put("group.id", "group-backlog-none");
        kafkaParams.put("auto.offset.reset", "none");
        assertThatThrownBy(() -> GroupBacklog.of(kafkaParams, List.of("group-backlog")))
                .hasMessage("Group 'group-backlog-none' has no committed offset for [group-backlog-0, group-backlog-1]"
                        + " and auto.offset.reset is 'none'. Set auto.offset.reset to earliest to read those partitions"
                        + " from their beginning, or to latest to skip them.");
    }
}
