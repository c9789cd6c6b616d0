package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import dev.kafkadirect.testkit.TransactionOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Topics whose offsets have gaps, read with spark.streaming.kafka.allowNonConsecutiveOffsets=true. */
class NonConsecutiveOffsetsTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("NonConsecutiveOffsetsTest", Map.of(
                "spark.streaming.kafka.allowNonConsecutiveOffsets", "true",
                "spark.streaming.kafka.consumer.poll.ms", "5000"));
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void abortedTransactionsAreSkippedUnderReadCommitted(KafkaCluster kafka) {
        kafka.createTopic("gaps-transactions", 1);
        kafka.produceInTransaction(List.of(new ProducerRecord<>("gaps-transactions", 0, "k", "ok-1"),
                new ProducerRecord<>("gaps-transactions", 0, "k", "ok-2")), TransactionOutcome.COMMIT);
        kafka.produceInTransaction(List.of(new ProducerRecord<>("gaps-transactions", 0, "k", "aborted")),
                TransactionOutcome.ABORT);
        kafka.produceInTransaction(List.of(new ProducerRecord<>("gaps-transactions", 0, "k", "ok-3")),
                TransactionOutcome.COMMIT);
        long end = kafka.endOffsets("gaps-transactions").get(new TopicPartition("gaps-transactions", 0));
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("gaps-transactions");
        kafkaParams.put("isolation.level", "read_committed");
        OffsetRange[] wholeTopic = {OffsetRange.create("gaps-transactions", 0, 0, end)};

        JavaRDD<ConsumerRecord<String, String>> rdd =
                KafkaUtils.createRDD(spark, kafkaParams, wholeTopic, LocationStrategies.PreferConsistent());

        assertThat(rdd.map(record -> record.offset() + "=" + record.value()).collect())
                .containsExactly("0=ok-1", "1=ok-2", "5=ok-3");
        assertThat(rdd.count()).as("counted by reading: the range spans 7 offsets").isEqualTo(3);
        assertThat(rdd.isEmpty()).isFalse();
    }

    @Test
    void aCompactedTopicReadsExactlyTheRecordsCompactionKept(KafkaCluster kafka) {
        kafka.createTopic("gaps-compacted", 1, 1, Map.of("cleanup.policy", "compact", "segment.ms", "100",
                "min.cleanable.dirty.ratio", "0.01", "delete.retention.ms", "100"));
        kafka.produce(60, i -> new ProducerRecord<>("gaps-compacted", 0, "key-" + (i % 6), "value-" + i));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            // A new record rolls the segment so the cleaner may compact the ones before it.
            kafka.produce(List.of(new ProducerRecord<>("gaps-compacted", 0, "roller", "roll")));
            assertThat(kafka.readAll("gaps-compacted", "read_uncommitted").stream()
                    .filter(record -> record.key().startsWith("key-"))).hasSize(6);
        });
        List<ConsumerRecord<String, String>> kept = kafka.readAll("gaps-compacted", "read_uncommitted");
        long end = kafka.endOffsets("gaps-compacted").get(new TopicPartition("gaps-compacted", 0));
        OffsetRange[] wholeTopic = {OffsetRange.create("gaps-compacted", 0, 0, end)};

        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(spark,
                kafka.stringConsumerConfig("gaps-compacted"), wholeTopic, LocationStrategies.PreferConsistent());

        assertThat(rdd.map(record -> record.offset() + ":" + record.key() + "=" + record.value()).collect())
                .containsExactlyElementsOf(kept.stream()
                        .map(record -> record.offset() + ":" + record.key() + "=" + record.value())
                        .collect(Collectors.toList()));
        assertThat(rdd.filter(record -> record.key().startsWith("key-")).map(ConsumerRecord::value).collect())
                .containsExactlyInAnyOrder("value-54", "value-55", "value-56", "value-57", "value-58", "value-59");
    }
}
