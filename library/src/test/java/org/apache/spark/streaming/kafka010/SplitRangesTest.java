package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.internal.consumer.ConsumerCache;
import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hot partitions split into several Spark partitions: the guide's offset-range contract still holds. */
class SplitRangesTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    /** Batches seen by the stream test's foreachRDD, which runs on the driver of this JVM. */
    static final List<OffsetRange[]> BATCH_RANGES = new CopyOnWriteArrayList<>();
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private JavaSparkContext spark;
    private JavaStreamingContext ssc;

    @AfterEach
    void stop() {
        if (ssc != null) {
            ssc.stop(true, false);
        } else if (spark != null) {
            spark.close();
        }
        BATCH_RANGES.clear();
        SEEN.clear();
    }

    @Test
    void splitRangesReadExactlyTheRecordsOfTheUnsplitRangesAndEachTaskReadsItsOwnRange(KafkaCluster kafka) {
        kafka.createTopic("split-rdd", 2);
        kafka.produce(1_010, i -> new ProducerRecord<>("split-rdd", i < 1_000 ? 0 : 1, null, "v" + i));
        spark = LocalSpark.start("SplitRangesTest", Map.of());
        OffsetRange[] ranges = {OffsetRange.create("split-rdd", 0, 0, 1_000), OffsetRange.create("split-rdd", 1, 0, 10)};
        Map<String, Object> unsplit = kafka.stringConsumerConfig("split-rdd");
        Map<String, Object> split = kafka.stringConsumerConfig("split-rdd");
        split.put("dev.kafkadirect.maxRecordsPerPartition", 300);

        List<String> expected = KafkaUtils.<String, String>createRDD(spark, unsplit, ranges,
                LocationStrategies.PreferConsistent()).map(ConsumerRecord::value).collect();
        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(spark, split, ranges,
                LocationStrategies.PreferConsistent());
        OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
        List<String> taskViews = rdd.mapPartitions(records -> {
            OffsetRange own = offsetRanges[TaskContext.get().partitionId()];
            long first = -1;
            long last = -1;
            long count = 0;
            while (records.hasNext()) {
                long offset = records.next().offset();
                first = first < 0 ? offset : first;
                last = offset;
                count++;
            }
            return List.of(own.partition() + ":" + own.fromOffset() + "-" + own.untilOffset()
                    + " read " + first + ".." + last + " (" + count + ")").iterator();
        }).collect();

        assertThat(offsetRanges).containsExactly(
                OffsetRange.create("split-rdd", 0, 0, 250), OffsetRange.create("split-rdd", 0, 250, 500),
                OffsetRange.create("split-rdd", 0, 500, 750), OffsetRange.create("split-rdd", 0, 750, 1_000),
                OffsetRange.create("split-rdd", 1, 0, 10));
        assertThat(rdd.getNumPartitions()).isEqualTo(5);
        assertThat(taskViews).containsExactly("0:0-250 read 0..249 (250)", "0:250-500 read 250..499 (250)",
                "0:500-750 read 500..749 (250)", "0:750-1000 read 750..999 (250)", "1:0-10 read 0..9 (10)");
        assertThat(rdd.map(ConsumerRecord::value).collect()).containsExactlyElementsOf(expected).hasSize(1_010);
        assertThat(rdd.count()).isEqualTo(1_010);
    }

    @Test
    void aStreamSplittingItsBatchesCommitsTheEndOfEachPartitionAndReadsEveryRecordOnce(KafkaCluster kafka) {
        kafka.createTopic("split-stream", 2);
        kafka.produce(600, i -> new ProducerRecord<>("split-stream", i % 3 == 0 ? 1 : 0, null, "v" + i));
        spark = LocalSpark.start("SplitRangesTest", Map.of("spark.streaming.kafka.consumer.poll.ms", "10000"));
        ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("split-stream");
        kafkaParams.put("dev.kafkadirect.minPartitions", "6");
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of("split-stream"), kafkaParams));
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
            BATCH_RANGES.add(offsetRanges);
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
        });
        long createdBefore = ConsumerCache.consumersCreated();

        ssc.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 600);
        ssc.stop(false, true);
        ssc = null;

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            expected.add("v" + i);
        }
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(BATCH_RANGES.get(0)).as("the first batch: 400 + 200 records in 6 sub-ranges").containsExactly(
                OffsetRange.create("split-stream", 0, 0, 100), OffsetRange.create("split-stream", 0, 100, 200),
                OffsetRange.create("split-stream", 0, 200, 300), OffsetRange.create("split-stream", 0, 300, 400),
                OffsetRange.create("split-stream", 1, 0, 100), OffsetRange.create("split-stream", 1, 100, 200));
        assertThat(kafka.committedOffsets("split-stream")).isEqualTo(kafka.endOffsets("split-stream"));
        assertThat(ConsumerCache.consumersCreated() - createdBefore)
                .as("one consumer per sub-range at most, reused by later batches").isLessThanOrEqualTo(6);
        spark.close();
        spark = null;
    }
}
