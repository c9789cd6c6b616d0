package dev.kafkadirect.additions;

import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.streaming.kafka010.PerPartitionConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * dev.kafkadirect.maxRecordsPerBatch on a real broker in local Spark Streaming, with maxRatePerPartition, and with a
 * PerPartitionConfig under backpressure.
 */
class BatchCapStreamTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    /** Each batch's ranges; static because foreachRDD closures run on the driver of this JVM. */
    static final List<List<OffsetRange>> BATCHES = new CopyOnWriteArrayList<>();
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private JavaStreamingContext ssc;

    @AfterEach
    void stopStreaming() {
        if (ssc != null) {
            ssc.stop(true, false);
        }
        BATCHES.clear();
        SEEN.clear();
    }

    @Test
    void eachBatchReadsAtMostTheCapSharedByLagWithinMaxRatePerPartition(KafkaCluster kafka) {
        produce(kafka, "batch-cap", 600, 300, 100);
        // 0.5 s batches at 200 records/s per partition: at most 100 from each partition, and 250 in all.
        ssc = new JavaStreamingContext(conf().set("spark.streaming.kafka.maxRatePerPartition", "200"),
                Durations.milliseconds(500));
        Map<String, Object> kafkaParams = new HashMap<>(kafka.stringConsumerConfig("batch-cap"));
        kafkaParams.put("dev.kafkadirect.maxRecordsPerBatch", 250);
        start(KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of("batch-cap"), kafkaParams)));

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 1_000);
        // Shares of 250 by lag 600:300:100 are 150, 75, 25; partition 0 may read 100, the 150 left go
        // 112.5 : 37.5 to partitions 1 and 2, and partition 1 may read 100 too.
        assertThat(BATCHES.get(0)).extracting(OffsetRange::count).containsExactly(100L, 100L, 50L);
        assertThat(BATCHES.get(1)).extracting(OffsetRange::count).containsExactly(100L, 100L, 50L);
        assertThat(BATCHES).allSatisfy(batch -> assertThat(batch.stream().mapToLong(OffsetRange::count).sum())
                .isLessThanOrEqualTo(250));
        assertThat(BATCHES).allSatisfy(batch -> assertThat(batch).allSatisfy(range ->
                assertThat(range.count()).isLessThanOrEqualTo(100)));
        assertThat(SEEN).hasSize(1_000);
        assertThat(new HashSet<>(SEEN)).hasSize(1_000);
    }

    @Test
    void theCapComposesWithAPerPartitionConfigAndBackpressure(KafkaCluster kafka) {
        produce(kafka, "batch-cap-composed", 120, 60, 20);
        ssc = new JavaStreamingContext(conf().set("spark.streaming.backpressure.enabled", "true")
                .set("spark.streaming.backpressure.initialRate", "300"), Durations.milliseconds(500));
        Map<String, Object> kafkaParams = new HashMap<>(kafka.stringConsumerConfig("batch-cap-composed"));
        kafkaParams.put("dev.kafkadirect.maxRecordsPerBatch", "50");
        PerPartitionConfig partitionZeroAt40 = new PerPartitionConfig() {
            @Override
            public long maxRatePerPartition(TopicPartition topicPartition) {
                return topicPartition.partition() == 0 ? 40 : 0;
            }
        };
        start(KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of("batch-cap-composed"), kafkaParams), partitionZeroAt40));

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 200);
        // First batch: backpressure's 300 records/s shared by lag 120:60:20 is 180, 90 and 30 records/s; partition 0
        // is held to 40/s: 20, 45 and 15 records in 0.5 s. The cap of 50 by lag is 30, 15, 5: partition 0 keeps
        // its 20, and the 30 left go 22.5 : 7.5 to partitions 1 and 2 (the half to partition 1, which lags more).
        assertThat(BATCHES.get(0)).extracting(OffsetRange::count).containsExactly(20L, 23L, 7L);
        assertThat(BATCHES).allSatisfy(batch -> assertThat(batch.stream().mapToLong(OffsetRange::count).sum())
                .isLessThanOrEqualTo(50));
        assertThat(BATCHES).allSatisfy(batch -> assertThat(batch.get(0).count()).isLessThanOrEqualTo(20));
        assertThat(SEEN).hasSize(200);
        assertThat(new HashSet<>(SEEN)).hasSize(200);
    }

    private static void produce(KafkaCluster kafka, String topic, int... perPartition) {
        kafka.createTopic(topic, perPartition.length);
        for (int partition = 0; partition < perPartition.length; partition++) {
            int p = partition;
            kafka.produce(perPartition[p], i -> new ProducerRecord<>(topic, p, null, p + "-" + i));
        }
    }

    private static SparkConf conf() {
        return LocalSpark.conf("local[2]", "BatchCapStreamTest", Map.of());
    }

    private void start(JavaInputDStream<ConsumerRecord<String, String>> stream) {
        stream.foreachRDD(rdd -> {
            BATCHES.add(List.of(((HasOffsetRanges) rdd.rdd()).offsetRanges()));
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
        });
        ssc.start();
    }
}
