package dev.kafkadirect.faults;

import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What a direct stream does when its topic changes under it: deleted mid-stream, or records deleted (by
 * retention or deleteRecords) before the stream read them. Partitions added while it runs are in
 * {@code DirectStreamTest.partitionsAddedWhileRunningAreReadFromTheirBeginning}.
 */
@Tag("faults")
class TopicChangesTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private JavaSparkContext spark;
    private JavaStreamingContext ssc;

    @BeforeEach
    void startSpark() {
        spark = LocalSpark.start("TopicChangesTest", Map.of());
    }

    @AfterEach
    void stopSpark() {
        if (ssc != null) {
            ssc.stop(false, false);
        }
        spark.close();
        SEEN.clear();
    }

    @Test
    void recordsDeletedBeforeTheStreamReadThemFailTheBatchNamingTheOffsets(KafkaCluster kafka) throws Exception {
        String topic = deletedBeforeRead(kafka, "retention-fails");
        ssc = startAssignedAtZero(topic, kafka.stringConsumerConfig(topic));

        assertThatThrownBy(() -> ssc.awaitTerminationOrTimeout(60_000))
                .hasMessageContaining("Offset 0 of " + topic + "-0")
                .hasMessageContaining("is no longer available: the partition now holds offsets 5 to 10.")
                .hasMessageContaining("set dev.kafkadirect.failOnDataLoss=false in kafkaParams");
        assertThat(SEEN).isEmpty();
    }

    @Test
    void withFailOnDataLossFalseTheStreamSkipsDeletedRecordsAndReadsTheRest(KafkaCluster kafka) throws Exception {
        String topic = deletedBeforeRead(kafka, "retention-skips");
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig(topic);
        kafkaParams.put("dev.kafkadirect.failOnDataLoss", "false");
        ssc = startAssignedAtZero(topic, kafkaParams);

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 5);
        assertThat(SEEN).containsExactly("v5", "v6", "v7", "v8", "v9");
    }

    /** A topic of one partition holding offsets 0 to 9, of which 0 to 4 are deleted. */
    private static String deletedBeforeRead(KafkaCluster kafka, String topic) throws Exception {
        kafka.createTopic(topic, 1);
        kafka.produce(10, i -> new ProducerRecord<>(topic, 0, null, "v" + i));
        kafka.admin().deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(5))).all().get();
        return topic;
    }

    private JavaStreamingContext startAssignedAtZero(String topic, Map<String, Object> kafkaParams) {
        JavaStreamingContext context = new JavaStreamingContext(spark, Durations.milliseconds(500));
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(context,
                LocationStrategies.PreferConsistent(), ConsumerStrategies.<String, String>Assign(
                        List.of(new TopicPartition(topic, 0)), kafkaParams, Map.of(new TopicPartition(topic, 0), 0L)));
        stream.foreachRDD(rdd -> {
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
        });
        context.start();
        return context;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Subscribe", "Assign"})
    void aTopicDeletedMidStreamStopsTheStreamNamingTheTopic(String strategy, KafkaCluster kafka) {
        String topic = "deleted-" + strategy.toLowerCase();
        kafka.createTopic(topic, 2);
        kafka.produce(100, i -> new ProducerRecord<>(topic, i % 2, null, "v-" + i));
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig(topic);
        kafkaParams.put("default.api.timeout.ms", 5_000);
        ConsumerStrategy<String, String> consumerStrategy = strategy.equals("Subscribe")
                ? ConsumerStrategies.Subscribe(List.of(topic), kafkaParams)
                : ConsumerStrategies.Assign(List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1)), kafkaParams);
        ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(), consumerStrategy);
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
        });
        ssc.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 100);

        kafka.deleteTopic(topic);

        assertThatThrownBy(() -> ssc.awaitTerminationOrTimeout(60_000))
                // The driver's consumer may have created the topic again, with the broker's default of 1 partition.
                .hasMessageContaining("reads partitions that no longer exist: [")
                .hasMessageContaining(topic + "-1=50")
                .hasMessageContaining("records it had not read are gone with the topic");
        assertThat(SEEN).hasSize(100);
    }
}
