package dev.kafkadirect.offsets;

import dev.kafkadirect.testing.TestDatabase;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The two documented exactly-once patterns on a real broker, local Spark and real databases, with tasks
 * failing on their first attempt: results collected to the driver and stored with the batch's offsets in
 * one transaction; and one transaction per partition on the executors.
 */
class ExactlyOnceJdbcStreamTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    /** Failed attempts seen by tasks; static because Spark does not report accumulators of failed tasks. */
    static final AtomicInteger FAILED_ATTEMPTS = new AtomicInteger();

    private JavaStreamingContext ssc;

    @AfterEach
    void stopStreaming() {
        if (ssc != null) {
            ssc.stop(true, false);
        }
        FAILED_ATTEMPTS.set(0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void resultsCollectedToTheDriverAreStoredOnceThroughFailedTasksAndARestart(TestDatabase database, KafkaCluster kafka)
            throws Exception {
        String topic = "eos-driver-" + database.name().toLowerCase();
        String url = database.newDatabaseUrl();
        TestDatabase.execute(url, "CREATE TABLE seen (record_value VARCHAR(50) NOT NULL)");
        JdbcOffsetStore store = JdbcOffsetStore.create(url);
        kafka.createTopic(topic, 3);
        kafka.produce(600, i -> new ProducerRecord<>(topic, i % 3, null, "a" + i));

        startDriverPatternStream(kafka, topic, store);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(url) >= 600);
        ssc.stop(true, true);
        ssc = null;
        assertThat(FAILED_ATTEMPTS).as("tasks failed on their first attempt").hasPositiveValue();

        kafka.produce(300, i -> new ProducerRecord<>(topic, i % 3, null, "b" + i));
        startDriverPatternStream(kafka, topic, store);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(url) >= 900);
        ssc.stop(true, true);
        ssc = null;

        assertThat(rows(url)).isEqualTo(900);
        assertThat(TestDatabase.queryLong(url, "SELECT COUNT(DISTINCT record_value) FROM seen")).isEqualTo(900);
        assertThat(store.load(topic)).isEqualTo(kafka.endOffsets(topic));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void perPartitionTransactionsStoreEachRecordOnceWhenTheExecutorFailsAfterWritingBeforeCommitting(
            TestDatabase database, KafkaCluster kafka) throws Exception {
        String topic = "eos-partition-" + database.name().toLowerCase();
        String url = database.newDatabaseUrl();
        TestDatabase.execute(url, "CREATE TABLE seen (record_value VARCHAR(50) NOT NULL)");
        JdbcOffsetStore store = JdbcOffsetStore.create(url);
        kafka.createTopic(topic, 3);
        kafka.produce(600, i -> new ProducerRecord<>(topic, i % 3, null, "v" + i));

        ssc = streamingContext();
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                OffsetStoreStrategies.<String, String>subscribe(store, topic, List.of(topic), kafka.stringConsumerConfig(topic)));
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            rdd.foreachPartition(records -> {
                OffsetRange range = offsetRanges[TaskContext.get().partitionId()];
                store.runInTransaction(topic, new OffsetRange[] {range}, connection -> {
                    insertValues(connection, records);
                    if (range.count() > 0 && TaskContext.get().attemptNumber() == 0) {
                        FAILED_ATTEMPTS.incrementAndGet();
                        throw new IllegalStateException("injected: the executor fails after writing, before the commit");
                    }
                });
            });
        });
        ssc.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(url) >= 600);
        kafka.produce(300, i -> new ProducerRecord<>(topic, i % 3, null, "w" + i));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(url) >= 900);
        ssc.stop(true, true);
        ssc = null;

        assertThat(FAILED_ATTEMPTS).hasPositiveValue();
        assertThat(rows(url)).isEqualTo(900);
        assertThat(TestDatabase.queryLong(url, "SELECT COUNT(DISTINCT record_value) FROM seen")).isEqualTo(900);
        assertThat(store.load(topic)).isEqualTo(kafka.endOffsets(topic));
    }

    private void startDriverPatternStream(KafkaCluster kafka, String topic, JdbcOffsetStore store) {
        ssc = streamingContext();
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                OffsetStoreStrategies.<String, String>subscribe(store, topic, List.of(topic), kafka.stringConsumerConfig(topic)));
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            List<String> values = rdd.map(record -> {
                if (TaskContext.get().attemptNumber() == 0) {
                    FAILED_ATTEMPTS.incrementAndGet();
                    throw new IllegalStateException("injected: the task fails on its first attempt");
                }
                return record.value();
            }).collect();
            store.runInTransaction(topic, offsetRanges, connection -> insertValues(connection, values.iterator()));
        });
        ssc.start();
    }

    private static JavaStreamingContext streamingContext() {
        // local[2,4]: two cores, and each task may run four times.
        SparkConf conf = new SparkConf().setMaster("local[2,4]").setAppName("ExactlyOnceJdbcStreamTest")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.streaming.kafka.maxRatePerPartition", "400");
        return new JavaStreamingContext(conf, Durations.milliseconds(500));
    }

    private static void insertValues(Connection connection, Iterator<?> values) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO seen VALUES (?)")) {
            while (values.hasNext()) {
                Object value = values.next();
                insert.setString(1, value instanceof ConsumerRecord ? (String) ((ConsumerRecord<?, ?>) value).value()
                        : (String) value);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static long rows(String url) throws Exception {
        return TestDatabase.queryLong(url, "SELECT COUNT(*) FROM seen");
    }
}
