package dev.kafkadirect.examples.demo;

import dev.kafkadirect.offsets.JdbcOffsetStore;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WordCountJobTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("WordCountJobTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void countsEveryWordAcrossBatchesAndStoresTheEndOffsetsWithTheCounts(KafkaCluster kafka) {
        kafka.createTopic("words-known", 2);
        kafka.produce(List.of(
                new ProducerRecord<>("words-known", 0, null, "to be or not to be"),
                new ProducerRecord<>("words-known", 1, null, "be quick"),
                new ProducerRecord<>("words-known", 0, null, "not  now"),
                new ProducerRecord<>("words-known", 1, null, "to")));
        List<BatchReport> batches = new ArrayList<>();

        JdbcOffsetStore store = newStore();
        Map<String, Long> counts = new WordCountJob(spark, kafkaParams(kafka, "words-known-group"), "words-known", 1,
                store, "known", batches::add).runUntilCaughtUp();

        assertThat(counts).containsExactly(Map.entry("be", 3L), Map.entry("not", 2L), Map.entry("now", 1L),
                Map.entry("or", 1L), Map.entry("quick", 1L), Map.entry("to", 3L));
        assertThat(batches).extracting(BatchReport::records).containsExactly(2L, 2L);
        assertThat(batches).extracting(BatchReport::lag).containsExactly(2L, 0L);
        assertThat(store.load("known")).containsOnly(Map.entry(new TopicPartition("words-known", 0), 2L),
                Map.entry(new TopicPartition("words-known", 1), 2L));
    }

    @Test
    void aSecondRunContinuesFromTheStoredOffsetsAndAddsToTheStoredCounts(KafkaCluster kafka) {
        kafka.createTopic("words-rerun", 1);
        kafka.produce(List.of(new ProducerRecord<>("words-rerun", 0, null, "first run")));
        JdbcOffsetStore store = newStore();
        new WordCountJob(spark, kafkaParams(kafka, "words-rerun-group"), "words-rerun", 100, store, "rerun", batch -> { })
                .runUntilCaughtUp();
        kafka.produce(List.of(new ProducerRecord<>("words-rerun", 0, null, "second run")));
        List<BatchReport> secondRun = new ArrayList<>();

        Map<String, Long> counts = new WordCountJob(spark, kafkaParams(kafka, "words-rerun-group"), "words-rerun", 100,
                store, "rerun", secondRun::add).runUntilCaughtUp();

        assertThat(counts).containsExactly(Map.entry("first", 1L), Map.entry("run", 2L), Map.entry("second", 1L));
        assertThat(secondRun).extracting(BatchReport::records).containsExactly(1L);
    }

    @Test
    void sampleTextCountsMatchWhatTheDemoChecksAgainst(KafkaCluster kafka) {
        kafka.createTopic("words-sample", 3);
        kafka.produceBulk(1_000, index -> new ProducerRecord<>("words-sample", (int) (index % 3), null,
                SampleText.line(index)), acknowledged -> { });

        Map<String, Long> counts = new WordCountJob(spark, kafkaParams(kafka, "words-sample-group"), "words-sample", 100,
                newStore(), "sample", batch -> { }).runUntilCaughtUp();

        assertThat(counts).isEqualTo(SampleText.expectedCounts(1_000));
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3_000L);
    }

    private static JdbcOffsetStore newStore() {
        return JdbcOffsetStore.create("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private static Map<String, Object> kafkaParams(KafkaCluster kafka, String groupId) {
        return kafka.stringConsumerConfig(groupId);
    }
}
