package dev.kafkadirect.internal.rdd;

import dev.kafkadirect.internal.consumer.ConsumerCache;
import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testing.SparkEvents;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Reading through the executor consumer cache in real local Spark jobs. */
class KafkaRDDTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    /** Lets the two tasks of one job meet, to prove they hold consumers at the same time. */
    static volatile CountDownLatch bothTasksReading;

    private static JavaSparkContext spark;
    private static SparkEvents events;

    @BeforeAll
    static void startSpark() {
        // local[2,2]: two cores, and a failed task is retried once.
        // Kryo, so that take() can bring ConsumerRecords (not java.io.Serializable) to the driver.
        spark = LocalSpark.start("local[2,2]", "KafkaRDDTest", Map.of("spark.streaming.kafka.consumer.poll.ms", "5000",
                "spark.serializer", "org.apache.spark.serializer.KryoSerializer"));
        events = new SparkEvents();
        spark.sc().addSparkListener(events);
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @BeforeEach
    void emptyTheCache() {
        ConsumerCache.instance().closeAll();
    }

    @Test
    void consecutiveBatchesOfOnePartitionReuseOneConsumerAndReadExactly(KafkaCluster kafka) {
        kafka.createTopic("rdd-reuse", 1);
        kafka.produce(300, i -> new ProducerRecord<>("rdd-reuse", 0, null, "v" + i));
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("rdd-reuse");
        long createdBefore = ConsumerCache.consumersCreated();

        for (int batch = 0; batch < 3; batch++) {
            OffsetRange[] ranges = {OffsetRange.create("rdd-reuse", 0, batch * 100, batch * 100 + 100)};
            List<String> values = KafkaUtils.<String, String>createRDD(spark, kafkaParams, ranges,
                    LocationStrategies.PreferConsistent()).map(ConsumerRecord::value).collect();
            int first = batch * 100;
            assertThat(values).containsExactlyElementsOf(
                    IntStream.range(first, first + 100).mapToObj(i -> "v" + i).collect(Collectors.toList()));
        }

        assertThat(ConsumerCache.consumersCreated() - createdBefore).isEqualTo(1);
    }

    @Test
    void twoTasksReadingOnePartitionAtOnceEachGetTheirOwnConsumerAndBothAreKept(KafkaCluster kafka) {
        kafka.createTopic("rdd-concurrent", 1);
        kafka.produce(100, i -> new ProducerRecord<>("rdd-concurrent", 0, null, "v" + i));
        OffsetRange[] ranges = {OffsetRange.create("rdd-concurrent", 0, 0, 50), OffsetRange.create("rdd-concurrent", 0, 50, 100)};
        bothTasksReading = new CountDownLatch(2);
        long createdBefore = ConsumerCache.consumersCreated();

        List<String> seen = KafkaUtils.<String, String>createRDD(spark, kafka.stringConsumerConfig("rdd-concurrent"), ranges,
                LocationStrategies.PreferConsistent()).mapPartitions(records -> {
                    ConsumerRecord<String, String> firstRecord = records.next();
                    bothTasksReading.countDown();
                    boolean met = bothTasksReading.await(30, TimeUnit.SECONDS);
                    int count = 1;
                    while (records.hasNext()) {
                        records.next();
                        count++;
                    }
                    return List.of(firstRecord.offset() + "+" + count + (met ? "" : " (never met)")).iterator();
                }).collect();

        assertThat(seen).containsExactly("0+50", "50+50");
        assertThat(ConsumerCache.consumersCreated() - createdBefore).isEqualTo(2);
        assertThat(ConsumerCache.instance().size()).as("both stay cached: a pool per partition").isEqualTo(2);
    }

    @Test
    void aRetriedTaskReadsItsRangeAgainWithAFreshConsumer(KafkaCluster kafka) {
        kafka.createTopic("rdd-retry", 1);
        kafka.produce(40, i -> new ProducerRecord<>("rdd-retry", 0, null, "v" + i));
        OffsetRange[] ranges = {OffsetRange.create("rdd-retry", 0, 0, 40)};
        long createdBefore = ConsumerCache.consumersCreated();

        List<Long> counts = KafkaUtils.<String, String>createRDD(spark, kafka.stringConsumerConfig("rdd-retry"), ranges,
                LocationStrategies.PreferConsistent()).mapPartitions(records -> {
                    long count = 0;
                    while (records.hasNext()) {
                        records.next();
                        if (++count == 20 && TaskContext.get().attemptNumber() == 0) {
                            throw new IllegalStateException("first attempt fails half way");
                        }
                    }
                    return List.of(count).iterator();
                }).collect();

        assertThat(counts).containsExactly(40L);
        assertThat(ConsumerCache.consumersCreated() - createdBefore).isEqualTo(2);
    }

    @Test
    void countIsEmptyAndTakeAreAnsweredFromTheRangesWhenExact(KafkaCluster kafka) throws Exception {
        kafka.createTopic("rdd-count", 2);
        kafka.produce(20, i -> new ProducerRecord<>("rdd-count", i % 2, null, "v" + i));
        OffsetRange[] ranges = {OffsetRange.create("rdd-count", 0, 2, 6), OffsetRange.create("rdd-count", 1, 0, 10)};
        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(spark, kafka.stringConsumerConfig("rdd-count"),
                ranges, LocationStrategies.PreferConsistent());
        JavaRDD<ConsumerRecord<String, String>> empty = KafkaUtils.createRDD(spark, kafka.stringConsumerConfig("rdd-count"),
                new OffsetRange[] {OffsetRange.create("rdd-count", 0, 3, 3)}, LocationStrategies.PreferConsistent());
        int jobsBefore = events.jobsStarted();

        assertThat(rdd.count()).isEqualTo(14);
        assertThat(rdd.isEmpty()).isFalse();
        assertThat(empty.isEmpty()).isTrue();
        spark.sc().listenerBus().waitUntilEmpty();
        assertThat(events.jobsStarted()).as("no job ran").isEqualTo(jobsBefore);

        assertThat(rdd.take(6)).extracting(ConsumerRecord::value).containsExactly("v4", "v6", "v8", "v10", "v1", "v3");
    }

    @Test
    void deletedRecordsFailTheReadNamingTheEarliestOffsetAndTheOptionToSkip(KafkaCluster kafka) throws Exception {
        kafka.createTopic("rdd-retention", 1);
        kafka.produce(10, i -> new ProducerRecord<>("rdd-retention", 0, null, "v" + i));
        kafka.admin().deleteRecords(Map.of(new TopicPartition("rdd-retention", 0), RecordsToDelete.beforeOffset(5)))
                .all().get();
        OffsetRange[] ranges = {OffsetRange.create("rdd-retention", 0, 0, 10)};

        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(spark,
                kafka.stringConsumerConfig("rdd-retention"), ranges, LocationStrategies.PreferConsistent());

        assertThatThrownBy(() -> rdd.map(ConsumerRecord::value).collect())
                .isInstanceOf(SparkException.class)
                .hasMessageContaining("Offset 0 of rdd-retention-0 (reading OffsetRange(topic: 'rdd-retention',"
                        + " partition: 0, range: [0 -> 10])) is no longer available: the partition now holds offsets 5 to 10.")
                .hasMessageContaining("set dev.kafkadirect.failOnDataLoss=false in kafkaParams");
    }

    @Test
    void withFailOnDataLossFalseDeletedRecordsAreSkippedAndCounted(KafkaCluster kafka) throws Exception {
        kafka.createTopic("rdd-skip-lost", 2);
        kafka.produce(20, i -> new ProducerRecord<>("rdd-skip-lost", i % 2, null, "v" + i));
        kafka.admin().deleteRecords(Map.of(new TopicPartition("rdd-skip-lost", 0), RecordsToDelete.beforeOffset(4),
                new TopicPartition("rdd-skip-lost", 1), RecordsToDelete.beforeOffset(10))).all().get();
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("rdd-skip-lost");
        kafkaParams.put("dev.kafkadirect.failOnDataLoss", "false");
        OffsetRange[] ranges = {OffsetRange.create("rdd-skip-lost", 0, 0, 10), OffsetRange.create("rdd-skip-lost", 1, 2, 10)};

        JavaRDD<ConsumerRecord<String, String>> rdd =
                KafkaUtils.createRDD(spark, kafkaParams, ranges, LocationStrategies.PreferConsistent());

        assertThat(rdd.map(ConsumerRecord::value).collect()).containsExactly("v8", "v10", "v12", "v14", "v16", "v18");
        await().untilAsserted(() -> assertThat(events.accumulators())
                .containsEntry("kafka-direct offsets lost (dev.kafkadirect.failOnDataLoss=false)", 12L));
        assertThat(rdd.count()).as("counted by reading, not from the ranges").isEqualTo(6);
    }

    @Test
    void unknownKafkaDirectOptionsAreNamed(KafkaCluster kafka) {
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("rdd-unknown-option");
        kafkaParams.put("dev.kafkadirect.failOnDataloss", "false");

        assertThatThrownBy(() -> KafkaUtils.createRDD(spark, kafkaParams,
                new OffsetRange[] {OffsetRange.create("t", 0, 0, 1)}, LocationStrategies.PreferConsistent()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown option dev.kafkadirect.failOnDataloss in kafkaParams; Kafka Direct knows"
                        + " [dev.kafkadirect.failOnDataLoss, dev.kafkadirect.offsetJournal,"
                        + " dev.kafkadirect.maxRecordsPerPartition, dev.kafkadirect.minPartitions,"
                        + " dev.kafkadirect.lagWarningBatches, dev.kafkadirect.groupJoinTimeoutMs,"
                        + " dev.kafkadirect.maxRecordsPerBatch, dev.kafkadirect.consumerCache.idleTimeout,"
                        + " dev.kafkadirect.boundedRun, dev.kafkadirect.clientRackEnv,"
                        + " dev.kafkadirect.clientRackResolver]");
    }
}
