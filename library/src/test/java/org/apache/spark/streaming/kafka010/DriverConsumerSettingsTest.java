package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.testing.CapturedOutput;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the built-in strategies do with the driver consumer's settings: auto-commit, starting offsets under
 * reset=none, and the partition assignor.
 */
class DriverConsumerSettingsTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
    private static final String WARNING = "enable.auto.commit is ";

    /** What the batches saw (partition:offset); static because foreachRDD closures run on the driver of this JVM. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private JavaStreamingContext ssc;

    @AfterEach
    void stopStreaming() {
        if (ssc != null) {
            ssc.stop(true, false);
        }
        SEEN.clear();
    }

    @ParameterizedTest(name = "enable.auto.commit {0}")
    @ValueSource(strings = {"unset", "true", "false"})
    void commitAsyncIsWhatTheGroupCommitsWhateverEnableAutoCommitSays(String autoCommit, KafkaCluster kafka) {
        String topic = "auto-commit-" + autoCommit;
        kafka.createTopic(topic, 3);
        kafka.produce(600, i -> new ProducerRecord<>(topic, i % 3, null, "v" + i));
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig(topic);
        if (autoCommit.equals("unset")) {
            kafkaParams.remove("enable.auto.commit");
        } else if (autoCommit.equals("true")) {
            kafkaParams.put("enable.auto.commit", true);
            kafkaParams.put("auto.commit.interval.ms", 100);
        } else {
            kafkaParams.put("enable.auto.commit", "false");
        }
        ssc = streamingContext();
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of(topic), kafkaParams));
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            SEEN.addAll(rdd.map(record -> record.partition() + ":" + record.offset()).collect());
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
        });

        String log;
        try (CapturedOutput output = CapturedOutput.start()) {
            ssc.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 600);
            // Commits queued by the last batches go out with the next batches: wait until they have.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> kafka.committedOffsets(topic).equals(kafka.endOffsets(topic)));
            log = output.text();
        }
        ssc.stop(true, true);
        ssc = null;

        assertThat(SEEN).hasSize(600).doesNotHaveDuplicates();
        assertThat(kafka.committedOffsets(topic)).isEqualTo(kafka.endOffsets(topic))
                .containsEntry(new TopicPartition(topic, 0), 200L);
        if (autoCommit.equals("false")) {
            assertThat(log).doesNotContain(WARNING);
        } else {
            assertThat(log).contains("Subscribe: " + WARNING
                    + (autoCommit.equals("unset") ? "not set (Kafka's default is true)" : "true")
                    + " in kafkaParams; the stream's driver consumer runs with enable.auto.commit=false");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Subscribe", "SubscribePattern"})
    void startingOffsetsAreUsedUnderResetNoneForAGroupWithoutCommits(String strategyName, KafkaCluster kafka) {
        String topic = "reset-none-" + strategyName.toLowerCase();
        kafka.createTopic(topic, 2);
        kafka.produce(40, i -> new ProducerRecord<>(topic, i % 2, null, "v" + i));
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig(topic + "-group");
        kafkaParams.put("auto.offset.reset", "none");
        Map<TopicPartition, Long> offsets = Map.of(new TopicPartition(topic, 0), 5L, new TopicPartition(topic, 1), 12L);
        ConsumerStrategy<String, String> strategy = strategyName.equals("Subscribe")
                ? ConsumerStrategies.Subscribe(List.of(topic), kafkaParams, offsets)
                : ConsumerStrategies.SubscribePattern(Pattern.compile(Pattern.quote(topic)), kafkaParams, offsets);
        ssc = streamingContext();
        JavaInputDStream<ConsumerRecord<String, String>> stream =
                KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(), strategy);
        stream.foreachRDD(rdd -> {
            SEEN.addAll(rdd.map(record -> record.partition() + ":" + record.offset()).collect());
        });

        ssc.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 23);

        assertThat(SEEN).hasSize(23).doesNotHaveDuplicates().contains("0:5", "0:19", "1:12", "1:19")
                .doesNotContain("0:4", "1:11");
    }

    @ParameterizedTest(name = "partition.assignment.strategy {0}")
    @ValueSource(strings = {"unset", "range"})
    void theDriverJoinsItsGroupWithCooperativeRebalancingUnlessKafkaParamsChooseAnAssignor(String assignor,
                                                                                          KafkaCluster kafka) {
        String topic = "assignor-" + assignor;
        kafka.createTopic(topic, 2);
        kafka.produce(10, i -> new ProducerRecord<>(topic, i % 2, null, "v" + i));
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig(topic);
        if (assignor.equals("range")) {
            kafkaParams.put("partition.assignment.strategy", RangeAssignor.class.getName());
        }
        ssc = streamingContext();
        KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of(topic), kafkaParams))
                .foreachRDD(rdd -> {
                    SEEN.addAll(rdd.map(record -> record.partition() + ":" + record.offset()).collect());
                });

        ssc.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 10);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.admin()
                .describeConsumerGroups(List.of(topic)).describedGroups().get(topic).get().partitionAssignor())
                .isEqualTo(assignor.equals("range") ? "range" : "cooperative-sticky"));
    }

    private static JavaStreamingContext streamingContext() {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("DriverConsumerSettingsTest")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        return new JavaStreamingContext(conf, Durations.milliseconds(500));
    }
}
