package dev.kafkadirect.sink;

import dev.kafkadirect.internal.sink.ProducerCache;
import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The exactly-once Kafka sink on a real broker: failed attempts, repeated batches, zombies and bad offsets. */
class TransactionalKafkaSinkTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    /** Failed attempts seen by tasks; static because Spark does not report accumulators of failed tasks. */
    static final AtomicInteger FAILED_ATTEMPTS = new AtomicInteger();

    @Test
    void aStreamWhoseTasksFailOnTheirFirstAttemptWritesEveryInputRecordOnceAndCommitsTheGroup(KafkaCluster kafka) {
        kafka.createTopic("eos-in", 3);
        kafka.createTopic("eos-out", 2);
        kafka.produce(600, i -> new ProducerRecord<>("eos-in", i % 3, null, "a" + i));
        JavaStreamingContext ssc = new JavaStreamingContext(sparkConf("local[2,4]"), Durations.milliseconds(500));
        try {
            writeEachBatch(ssc, kafka, "eos-in", "eos-in-group", "eos-test", record -> {
                if (TaskContext.get().attemptNumber() == 0 && record.offset() % 50 == 7) {
                    FAILED_ATTEMPTS.incrementAndGet();
                    throw new IllegalStateException("injected: the task fails after writing part of its range");
                }
                return List.of(new ProducerRecord<>("eos-out", record.value().toUpperCase()));
            });
            ssc.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> committedTotal(kafka, "eos-in-group") >= 600);
            kafka.produce(300, i -> new ProducerRecord<>("eos-in", i % 3, null, "b" + i));
            await().atMost(Duration.ofSeconds(60)).until(() -> committedTotal(kafka, "eos-in-group") >= 900);
        } finally {
            ssc.stop(true, true);
        }

        List<String> expected = IntStream.range(0, 600).mapToObj(i -> "A" + i).collect(Collectors.toList());
        IntStream.range(0, 300).forEach(i -> expected.add("B" + i));
        assertThat(kafka.readAll("eos-out", "read_committed")).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(FAILED_ATTEMPTS).hasPositiveValue();
        assertThat(kafka.committedOffsets("eos-in-group")).isEqualTo(kafka.endOffsets("eos-in"));
    }

    @Test
    void anRddWrittenAgainAfterItCommittedWritesNothingAndReusesTheProducers(KafkaCluster kafka) {
        kafka.createTopic("again-in", 3);
        kafka.createTopic("again-out", 1);
        kafka.produce(300, i -> new ProducerRecord<>("again-in", i % 3, null, "v" + i));
        TransactionalKafkaSink<String, String> sink =
                TransactionalKafkaSink.create(KafkaSinkTest.producerParams(kafka), "again-group", "again");
        JavaSparkContext spark = LocalSpark.start("TransactionalKafkaSinkTest", Map.of());
        try {
            JavaRDD<ConsumerRecord<String, String>> first = kafkaRdd(spark, kafka, "again-in", 0, 60);
            long producersBefore = ProducerCache.transactionalProducersCreated();

            assertThat(sink.write(first, TransactionalKafkaSinkTest::copyTo)).isEqualTo(new SinkReport(180, 3, 0));
            assertThat(sink.write(first, TransactionalKafkaSinkTest::copyTo)).isEqualTo(new SinkReport(0, 0, 3));
            assertThat(sink.write(kafkaRdd(spark, kafka, "again-in", 60, 100), TransactionalKafkaSinkTest::copyTo))
                    .isEqualTo(new SinkReport(120, 3, 0));

            assertThat(ProducerCache.transactionalProducersCreated() - producersBefore)
                    .as("one producer per input partition, reused by later writes").isEqualTo(3);
        } finally {
            spark.stop();
        }
        assertThat(kafka.readAll("again-out", "read_committed")).hasSize(300)
                .extracting(ConsumerRecord::value).doesNotHaveDuplicates();
        assertThat(kafka.committedOffsets("again-group").values()).containsOnly(100L);
    }

    @Test
    void aRangeThatDoesNotStartAtTheGroupsOffsetFailsNamingThePartitionAndBothOffsets(KafkaCluster kafka) {
        kafka.createTopic("gap-in", 1);
        kafka.createTopic("gap-out", 1);
        kafka.produce(200, i -> new ProducerRecord<>("gap-in", 0, null, "v" + i));
        TransactionalKafkaSink<String, String> sink =
                TransactionalKafkaSink.create(KafkaSinkTest.producerParams(kafka), "gap-group", "gap");
        JavaSparkContext spark = LocalSpark.start("TransactionalKafkaSinkTest", Map.of());
        try {
            sink.write(kafkaRdd(spark, kafka, "gap-in", 0, 100), record -> List.of(new ProducerRecord<>("gap-out", record.value())));

            assertThatThrownBy(() -> sink.write(kafkaRdd(spark, kafka, "gap-in", 150, 200),
                    record -> List.of(new ProducerRecord<>("gap-out", record.value()))))
                    .isInstanceOf(SparkException.class)
                    .hasMessageContaining("Consumer group 'gap-group' holds offset 100 for gap-in-0, but the batch's"
                            + " range for gap-in-0 starts at 150")
                    .hasMessageContaining("offsets 100 to 149 were never applied and would be skipped");
        } finally {
            spark.stop();
        }
        assertThat(kafka.readAll("gap-out", "read_committed")).hasSize(100);
        assertThat(kafka.committedOffsets("gap-group")).isEqualTo(Map.of(new TopicPartition("gap-in", 0), 100L));
    }

    @Test
    void anRddThatSplitsAPartitionIsRefusedNamingTheOptionsBeforeAnythingIsWritten(KafkaCluster kafka) {
        TransactionalKafkaSink<String, String> sink =
                TransactionalKafkaSink.create(KafkaSinkTest.producerParams(kafka), "split-group", "split");
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("split-reader");
        kafkaParams.put("dev.kafkadirect.maxRecordsPerPartition", 10);
        JavaSparkContext spark = LocalSpark.start("TransactionalKafkaSinkTest", Map.of());
        try {
            JavaRDD<ConsumerRecord<String, String>> split = KafkaUtils.createRDD(spark, kafkaParams,
                    new OffsetRange[] {OffsetRange.create("split-in", 0, 0, 30)}, LocationStrategies.PreferConsistent());

            assertThatThrownBy(() -> sink.write(split, record -> List.of(new ProducerRecord<>("split-out", record.value()))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The exactly-once sink writes one transaction per Kafka partition, but this RDD splits"
                            + " split-in-0 into several ranges: remove dev.kafkadirect.maxRecordsPerPartition and"
                            + " dev.kafkadirect.minPartitions from the kafkaParams of the stream the sink writes");
        } finally {
            spark.stop();
        }
    }

    @Test
    void aZombieWithTheSameTransactionalIdIsFencedAndItsOpenTransactionAborted(KafkaCluster kafka) {
        kafka.createTopic("zombie-in", 1);
        kafka.createTopic("zombie-out", 1);
        kafka.produce(50, i -> new ProducerRecord<>("zombie-in", 0, null, "v" + i));
        Map<String, Object> zombieParams = KafkaSinkTest.producerParams(kafka);
        zombieParams.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "zombie-zombie-in-0");
        TransactionalKafkaSink<String, String> sink =
                TransactionalKafkaSink.create(KafkaSinkTest.producerParams(kafka), "zombie-group", "zombie");
        JavaSparkContext spark = LocalSpark.start("TransactionalKafkaSinkTest", Map.of());
        try (KafkaProducer<String, String> zombie = new KafkaProducer<>(zombieParams)) {
            zombie.initTransactions();
            zombie.beginTransaction();
            zombie.send(new ProducerRecord<>("zombie-out", "from the zombie"));
            zombie.flush();

            assertThat(sink.write(kafkaRdd(spark, kafka, "zombie-in", 0, 50),
                    record -> List.of(new ProducerRecord<>("zombie-out", record.value()))))
                    .isEqualTo(new SinkReport(50, 1, 0));

            assertThatThrownBy(zombie::commitTransaction).isInstanceOf(ProducerFencedException.class);
        } finally {
            spark.stop();
        }
        assertThat(kafka.readAll("zombie-out", "read_committed")).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> "v" + i).collect(Collectors.toList()));
    }

    @Test
    void aTransactionLeftOpenOnTheGroupByAKilledRunIsAbortedSoTheStreamStartsAtOnce(KafkaCluster kafka) {
        kafka.createTopic("open-in", 1);
        kafka.createTopic("open-out", 1);
        kafka.produce(100, i -> new ProducerRecord<>("open-in", 0, null, "v" + i));
        Map<String, Object> killedRunParams = KafkaSinkTest.producerParams(kafka);
        killedRunParams.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "open-open-in-0");
        // transaction.timeout.ms stays at its 60 s default: the stream must not wait for it.
        KafkaProducer<String, String> killedRun = new KafkaProducer<>(killedRunParams);
        killedRun.initTransactions();
        killedRun.beginTransaction();
        killedRun.send(new ProducerRecord<>("open-out", "from the killed run"));
        killedRun.sendOffsetsToTransaction(Map.of(new TopicPartition("open-in", 0),
                new OffsetAndMetadata(40)), new ConsumerGroupMetadata("open-group"));
        killedRun.flush();
        JavaStreamingContext ssc = new JavaStreamingContext(sparkConf("local[2]"), Durations.milliseconds(500));
        try {
            writeEachBatch(ssc, kafka, "open-in", "open-group", "open", TransactionalKafkaSinkTest::copyTo);
            ssc.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> committedTotal(kafka, "open-group") >= 100);
        } finally {
            ssc.stop(true, true);
            killedRun.close(Duration.ZERO);
        }

        assertThat(kafka.readAll("open-out", "read_committed")).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 100).mapToObj(i -> "v" + i).collect(Collectors.toList()));
    }

    /** A stream of the topic in the group, written through a transactional sink with the prefix. */
    private static void writeEachBatch(JavaStreamingContext ssc, KafkaCluster kafka, String topic, String groupId,
                                       String prefix, RecordTransform<String, String, String, String> transform) {
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of(topic), kafka.stringConsumerConfig(groupId)));
        TransactionalKafkaSink.<String, String>create(KafkaSinkTest.producerParams(kafka), groupId, prefix)
                .writeEachBatch(stream, transform);
    }

    private static Iterable<ProducerRecord<String, String>> copyTo(ConsumerRecord<String, String> record) {
        return List.of(new ProducerRecord<>(record.topic().replace("-in", "-out"), record.value()));
    }

    private static JavaRDD<ConsumerRecord<String, String>> kafkaRdd(JavaSparkContext spark, KafkaCluster kafka,
                                                                    String topic, long from, long until) {
        int partitions = kafka.endOffsets(topic).size();
        OffsetRange[] ranges = IntStream.range(0, partitions)
                .mapToObj(partition -> OffsetRange.create(topic, partition, from, until)).toArray(OffsetRange[]::new);
        return KafkaUtils.createRDD(spark, kafka.stringConsumerConfig(topic + "-reader"), ranges,
                LocationStrategies.PreferConsistent());
    }

    private static long committedTotal(KafkaCluster kafka, String groupId) {
        return kafka.committedOffsets(groupId).values().stream().mapToLong(Long::longValue).sum();
    }

    private static SparkConf sparkConf(String master) {
        return new SparkConf().setMaster(master).setAppName("TransactionalKafkaSinkTest")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.streaming.kafka.maxRatePerPartition", "400");
    }
}
