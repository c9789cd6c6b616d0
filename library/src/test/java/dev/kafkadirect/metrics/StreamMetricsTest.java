package dev.kafkadirect.metrics;

import dev.kafkadirect.internal.metrics.BatchReport;
import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.SparkEnv;
import org.apache.spark.metrics.source.Source;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.scheduler.StreamInputInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import scala.collection.JavaConverters;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Lag, records and bytes per batch: through listeners, the metrics source and the UI description. */
class StreamMetricsTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    private JavaStreamingContext ssc;

    @AfterEach
    void stop() {
        if (ssc != null) {
            ssc.stop(true, false);
        }
    }

    @Test
    void listenersHearEveryBatchWithTheLagRecordsAndBytesObserved(KafkaCluster kafka) {
        kafka.createTopic("metrics-listen", 2);
        kafka.produce(300, i -> new ProducerRecord<>("metrics-listen", i % 2, null, "v" + i));
        ssc = new JavaStreamingContext(LocalSpark.start("StreamMetricsTest", Map.of(
                "spark.streaming.kafka.maxRatePerPartition", "100",
                "spark.streaming.kafka.consumer.poll.ms", "10000")), Durations.milliseconds(500));
        List<BatchMetrics> heard = new CopyOnWriteArrayList<>();
        KafkaStreamMetrics.addListener(ssc, heard::add);
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(), ConsumerStrategies.<String, String>Subscribe(
                        List.of("metrics-listen"), kafka.stringConsumerConfig("metrics-listen")));
        stream.foreachRDD(rdd -> {
            rdd.count();
            rdd.foreach(record -> { });
        });

        ssc.start();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> heard.stream().mapToLong(BatchMetrics::recordsRead).sum() >= 300);

        List<BatchMetrics> withRecords = heard.stream().filter(metrics -> metrics.plannedRecords() > 0).toList();
        assertThat(withRecords).hasSize(3);
        for (BatchMetrics metrics : withRecords) {
            assertThat(metrics.partitions()).hasSize(2);
            for (PartitionMetrics partition : metrics.partitions()) {
                assertThat(partition.latestOffset()).isEqualTo(150);
                assertThat(partition.plannedRecords()).isEqualTo(50);
                assertThat(partition.recordsRead()).isEqualTo(50);
                assertThat(partition.lag()).isEqualTo(150 - partition.untilOffset());
                assertThat(partition.bytesRead()).isEqualTo(valueBytes(partition));
            }
            assertThat(metrics.lagGrowthStreak()).isZero();
        }
        assertThat(withRecords).extracting(BatchMetrics::maxLag).containsExactly(100L, 50L, 0L);
        assertThat(withRecords.get(0).maxLagPartition().orElseThrow().partition())
                .isEqualTo(new TopicPartition("metrics-listen", 0));
        assertThat(withRecords.get(0).consumersCreated()).isEqualTo(2);
        assertThat(withRecords.get(2).consumersCreated()).as("later batches reuse the cached consumers").isZero();
    }

    @Test
    void theMetricsSourceTheUiAndTheLagStreakFollowEachPlannedBatch(KafkaCluster kafka) {
        kafka.createTopic("metrics-plan", 2);
        kafka.produce(300, i -> new ProducerRecord<>("metrics-plan", i % 2, null, "v" + i));
        // One offset per second per partition and 100 s batches: 100 offsets per partition per batch.
        ssc = new JavaStreamingContext(LocalSpark.start("StreamMetricsTest", Map.of(
                "spark.streaming.kafka.maxRatePerPartition", "1")), Durations.seconds(100));
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("metrics-plan");
        kafkaParams.put("dev.kafkadirect.lagWarningBatches", "2");
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(), ConsumerStrategies.<String, String>Subscribe(
                        List.of("metrics-plan"), kafkaParams));
        stream.foreachRDD(rdd -> { });
        ssc.start();
        long base = System.currentTimeMillis();

        BatchMetrics first = plan(stream, base + 100_000);
        Source source = sourceOf(stream);
        assertThat(first.totalLag()).isEqualTo(100);
        assertThat(gauges(source)).isEqualTo(Map.of("maxLag", 50L, "averageLag", 50.0, "totalLag", 100L, "records", 200L));
        assertThat(description(stream, base + 100_000))
                .contains("topic: metrics-plan\tpartition: 0\toffsets: 0 to 100\tcount: 100\tlag: 50");

        BatchMetrics second = plan(stream, base + 200_000);
        assertThat(gauges(source)).isEqualTo(Map.of("maxLag", 0L, "averageLag", 0.0, "totalLag", 0L, "records", 100L));
        assertThat(second.lagGrowthStreak()).isZero();

        kafka.produce(400, i -> new ProducerRecord<>("metrics-plan", 0, null, "more" + i));
        BatchMetrics third = plan(stream, base + 300_000);
        kafka.produce(400, i -> new ProducerRecord<>("metrics-plan", 0, null, "even-more" + i));
        BatchMetrics fourth = plan(stream, base + 400_000);

        assertThat(third.partition(new TopicPartition("metrics-plan", 0)).orElseThrow().lag()).isEqualTo(300);
        assertThat(fourth.partition(new TopicPartition("metrics-plan", 0)).orElseThrow().lag()).isEqualTo(600);
        assertThat(List.of(third.lagGrowthStreak(), fourth.lagGrowthStreak())).containsExactly(1, 2);
        assertThat(gauges(source)).containsEntry("maxLag", 600L).containsEntry("records", 100L);
    }

    private BatchMetrics plan(JavaInputDStream<ConsumerRecord<String, String>> stream, long batchTime) {
        stream.inputDStream().compute(new Time(batchTime));
        Object report = streamInputInfo(stream, batchTime).metadata().get(BatchReport.METADATA_KEY).get();
        return ((BatchReport) report).metrics();
    }

    private String description(JavaInputDStream<ConsumerRecord<String, String>> stream, long batchTime) {
        return streamInputInfo(stream, batchTime).metadata().get(StreamInputInfo.METADATA_KEY_DESCRIPTION()).get().toString();
    }

    private StreamInputInfo streamInputInfo(JavaInputDStream<ConsumerRecord<String, String>> stream, long batchTime) {
        return ssc.ssc().scheduler().inputInfoTracker().getInfo(new Time(batchTime)).get(stream.inputDStream().id()).get();
    }

    private static Source sourceOf(JavaInputDStream<ConsumerRecord<String, String>> stream) {
        List<Source> sources = JavaConverters.seqAsJavaList(SparkEnv.get().metricsSystem()
                .getSourcesByName("kafka-direct.stream-" + stream.inputDStream().id()));
        assertThat(sources).hasSize(1);
        return sources.get(0);
    }

    private static Map<String, Object> gauges(Source source) {
        Map<String, Object> values = new java.util.HashMap<>();
        source.metricRegistry().getGauges().forEach((name, gauge) -> values.put(name, gauge.getValue()));
        return values;
    }

    /** Records at offset k of partition p hold "v" + (2k + p): count their bytes. */
    private static long valueBytes(PartitionMetrics partition) {
        long bytes = 0;
        for (long offset = partition.fromOffset(); offset < partition.untilOffset(); offset++) {
            bytes += ("v" + (2 * offset + partition.partition().partition())).length();
        }
        return bytes;
    }
}
