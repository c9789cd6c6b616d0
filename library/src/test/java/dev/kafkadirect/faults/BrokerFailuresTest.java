package dev.kafkadirect.faults;

import dev.kafkadirect.PlanningFailedException;
import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Direct streams on three brokers (replication factor 3, min.insync.replicas 2) while brokers fail: a
 * partition's leader killed mid-stream, and every broker down at once.
 */
@Tag("faults")
@Tag("long")
class BrokerFailuresTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ReplicatedBrokers.extension();
    private static final Map<String, String> REPLICATED = Map.of("min.insync.replicas", "2");

    /** What the batches saw; static because foreachRDD closures run on the driver of this JVM. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final List<OffsetRange> RANGES = new CopyOnWriteArrayList<>();

    private JavaSparkContext spark;
    private JavaStreamingContext ssc;

    @BeforeEach
    void startSpark() {
        spark = LocalSpark.start("BrokerFailuresTest", Map.of(
                // 100 records per partition per 500 ms batch: a backlog takes several batches.
                "spark.streaming.kafka.maxRatePerPartition", "200"));
    }

    @AfterEach
    void stopSpark(KafkaCluster kafka) {
        kafka.restartStoppedBrokers();
        if (ssc != null) {
            ssc.stop(false, false);
        }
        spark.close();
        SEEN.clear();
        RANGES.clear();
    }

    @Test
    void killingAPartitionsLeaderMidStreamLosesNothing(KafkaCluster kafka) {
        String topic = "leader-killed";
        kafka.createTopic(topic, 3, 3, REPLICATED);
        kafka.produce(1_800, i -> new ProducerRecord<>(topic, i % 3, null, "before-" + i));
        ssc = startStream(kafka, topic, "leader-killed", Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 300);

        int leader = kafka.leaderOf(topic, 0);
        kafka.killBroker(leader);
        // Written while the old leader is down: to the new leaders, with acks=all and two in-sync replicas.
        kafka.produce(300, i -> new ProducerRecord<>(topic, i % 3, null, "during-" + i));
        await().atMost(Duration.ofSeconds(90)).until(() -> SEEN.size() >= 1_200);
        kafka.restartBroker(leader);
        await().atMost(Duration.ofSeconds(90)).until(() -> kafka.committedOffsets(topic).equals(kafka.endOffsets(topic)));

        List<String> expected = new ArrayList<>();
        IntStream.range(0, 1_800).forEach(i -> expected.add("before-" + i));
        IntStream.range(0, 300).forEach(i -> expected.add("during-" + i));
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(RANGES.stream().mapToLong(OffsetRange::count).sum()).isEqualTo(2_100);
    }

    @Test
    void allBrokersDownFailsTheBatchNamingTheBrokersAndARestartResumesFromTheCommittedOffsets(KafkaCluster kafka) {
        String topic = "all-down";
        kafka.createTopic(topic, 2, 3, REPLICATED);
        kafka.produce(200, i -> new ProducerRecord<>(topic, i % 2, null, "first-" + i));
        Map<String, Object> shortTimeouts = Map.of(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        ssc = startStream(kafka, topic, "all-down", shortTimeouts);
        await().atMost(Duration.ofSeconds(60)).until(() -> kafka.committedOffsets("all-down").equals(kafka.endOffsets(topic)));
        Map<TopicPartition, Long> committedBefore = kafka.committedOffsets("all-down");

        kafka.brokers().forEach(broker -> kafka.killBroker(broker.nodeId()));

        assertThatThrownBy(() -> ssc.awaitTerminationOrTimeout(60_000))
                .isInstanceOf(PlanningFailedException.class)
                .hasMessageContaining("could not plan the batch of time")
                .hasMessageContaining("bootstrap.servers=" + kafka.bootstrapServers())
                .hasMessageContaining("default.api.timeout.ms=3000 ms")
                .hasMessageContaining("Nothing was read or committed for this batch");

        kafka.restartStoppedBrokers();
        ssc.stop(false, false);
        SEEN.clear();
        RANGES.clear();
        kafka.produce(200, i -> new ProducerRecord<>(topic, i % 2, null, "second-" + i));
        ssc = startStream(kafka, topic, "all-down", shortTimeouts);
        await().atMost(Duration.ofSeconds(60)).until(() -> kafka.committedOffsets("all-down").equals(kafka.endOffsets(topic)));

        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 200).mapToObj(i -> "second-" + i).collect(Collectors.toList()));
        assertThat(RANGES.stream().filter(range -> range.count() > 0)
                .collect(Collectors.toMap(OffsetRange::topicPartition, OffsetRange::fromOffset, Math::min)))
                .as("where the restarted stream began").isEqualTo(committedBefore);
    }

    private JavaStreamingContext startStream(KafkaCluster kafka, String topic, String groupId, Map<String, Object> params) {
        JavaStreamingContext context = new JavaStreamingContext(spark, Durations.milliseconds(500));
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig(groupId);
        kafkaParams.putAll(params);
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(context,
                LocationStrategies.PreferConsistent(), ConsumerStrategies.<String, String>Subscribe(List.of(topic), kafkaParams));
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
            RANGES.addAll(List.of(offsetRanges));
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
        });
        context.start();
        return context;
    }
}
