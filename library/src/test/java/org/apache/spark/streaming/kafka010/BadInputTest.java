package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each row of docs/bad-input.md: the input, and the error that names what to fix. */
class BadInputTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark(KafkaCluster kafka) {
        spark = LocalSpark.start("BadInputTest", Map.of("spark.streaming.kafka.consumer.poll.ms", "5000"));
        kafka.createTopic("bad-input", 1);
        kafka.produce(10, i -> new ProducerRecord<>("bad-input", 0, null, i == 3 ? "poison" : "v" + i));
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    /** Fails on the record whose value is "poison". */
    public static final class PoisonIntolerantDeserializer implements Deserializer<String> {
        @Override
        public String deserialize(String topic, byte[] data) {
            String value = new String(data, StandardCharsets.UTF_8);
            if (value.equals("poison")) {
                throw new IllegalArgumentException("cannot read " + value);
            }
            return value;
        }
    }

    @Test
    void strategiesWithoutGroupIdOrDeserializersAreRefusedWhenTheStreamIsCreated(KafkaCluster kafka) {
        Map<String, Object> noGroup = kafka.stringConsumerConfig("unused");
        noGroup.remove("group.id");
        Map<String, Object> onlyServers = Map.of("bootstrap.servers", kafka.bootstrapServers());
        ConsumerStrategy<String, String> subscribe = ConsumerStrategies.Subscribe(List.of("bad-input"), noGroup);
        ConsumerStrategy<String, String> pattern = ConsumerStrategies.SubscribePattern(Pattern.compile("bad-.*"), noGroup);
        ConsumerStrategy<String, String> assign =
                ConsumerStrategies.Assign(List.of(new TopicPartition("bad-input", 0)), onlyServers);

        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.seconds(1));
        try {
            assertThatThrownBy(() -> KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(), subscribe))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("kafkaParams must set group.id for Subscribe (a consumer group joins to be assigned"
                            + " partitions); use a separate group.id for each stream");
            assertThatThrownBy(() -> KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(), pattern))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("kafkaParams must set group.id for SubscribePattern ");
            assertThatThrownBy(() -> KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(), assign))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("kafkaParams must set key.deserializer (e.g. StringDeserializer.class)");
        } finally {
            ssc.stop(false);
        }
    }

    @Test
    void anUnknownDeserializerClassIsNamedBeforeAnyTaskRuns(KafkaCluster kafka) {
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("bad-deserializer");
        kafkaParams.put("value.deserializer", "com.example.NoSuchDeserializer");

        assertThatThrownBy(() -> KafkaUtils.createRDD(spark, kafkaParams,
                new OffsetRange[] {OffsetRange.create("bad-input", 0, 0, 1)}, LocationStrategies.PreferConsistent()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("kafkaParams are not a valid Kafka consumer configuration:")
                .hasMessageContaining("com.example.NoSuchDeserializer")
                .hasMessageContaining("value.deserializer");
    }

    @Test
    void aValueKafkaCannotParseIsNamedWhileTheStringFalseIsAccepted(KafkaCluster kafka) {
        Map<String, Object> wrong = kafka.stringConsumerConfig("bad-boolean");
        wrong.put("enable.auto.commit", "nope");
        Map<String, Object> stringFalse = kafka.stringConsumerConfig("string-false");
        stringFalse.put("enable.auto.commit", "false");
        OffsetRange[] ranges = {OffsetRange.create("bad-input", 0, 0, 2)};

        assertThatThrownBy(() -> KafkaUtils.createRDD(spark, wrong, ranges, LocationStrategies.PreferConsistent()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid value nope for configuration enable.auto.commit");
        assertThat(KafkaUtils.<String, String>createRDD(spark, stringFalse, ranges, LocationStrategies.PreferConsistent())
                .map(ConsumerRecord::value).collect()).containsExactly("v0", "v1");
    }

    @Test
    void badSplitAndLagWarningOptionsAreNamedBeforeAnyTaskRuns(KafkaCluster kafka) {
        OffsetRange[] ranges = {OffsetRange.create("bad-input", 0, 0, 1)};
        Map<String, Object> notANumber = kafka.stringConsumerConfig("bad-split");
        notANumber.put("dev.kafkadirect.maxRecordsPerPartition", "lots");
        Map<String, Object> zero = kafka.stringConsumerConfig("bad-split");
        zero.put("dev.kafkadirect.minPartitions", 0);
        Map<String, Object> negativeWarning = kafka.stringConsumerConfig("bad-lag-warning");
        negativeWarning.put("dev.kafkadirect.lagWarningBatches", "-1");

        assertThatThrownBy(() -> KafkaUtils.createRDD(spark, notANumber, ranges, LocationStrategies.PreferConsistent()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dev.kafkadirect.maxRecordsPerPartition must be a whole number but was 'lots'");
        assertThatThrownBy(() -> KafkaUtils.createRDD(spark, zero, ranges, LocationStrategies.PreferConsistent()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dev.kafkadirect.minPartitions must be > 0 and at most 2147483647 but was 0");
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.seconds(1));
        try {
            assertThatThrownBy(() -> KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
                    ConsumerStrategies.<String, String>Subscribe(List.of("bad-input"), negativeWarning)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("dev.kafkadirect.lagWarningBatches must be a whole number >= 0 (0 turns the warning"
                            + " off) but was '-1'");
        } finally {
            ssc.stop(false);
        }
    }

    @Test
    void aNegativeStartingOffsetIsRefused(KafkaCluster kafka) {
        assertThatThrownBy(() -> ConsumerStrategies.<String, String>Assign(List.of(new TopicPartition("bad-input", 0)),
                kafka.stringConsumerConfig("negative"), Map.of(new TopicPartition("bad-input", 0), -1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Starting offset for bad-input-0 must be a number >= 0 but was -1");
    }

    @Test
    void aStartingOffsetPastTheEndOfTheLogStopsTheStreamNamingTheOffsets(KafkaCluster kafka) throws Exception {
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
        try {
            KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
                    ConsumerStrategies.<String, String>Assign(List.of(new TopicPartition("bad-input", 0)),
                            kafka.stringConsumerConfig("past-the-end"), Map.of(new TopicPartition("bad-input", 0), 500L)))
                    .foreachRDD(rdd -> rdd.count());
            ssc.start();

            assertThatThrownBy(() -> ssc.awaitTerminationOrTimeout(Duration.ofSeconds(30).toMillis()))
                    .hasMessageContaining("The stream stands at offset 500 of bad-input-0 but the partition ends at offset 10");
        } finally {
            ssc.stop(false, false);
        }
    }

    @Test
    void assigningAPartitionTheTopicDoesNotHaveFailsTheStart(KafkaCluster kafka) {
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
        try {
            KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
                    ConsumerStrategies.<String, String>Assign(List.of(new TopicPartition("bad-input", 5)),
                            kafka.stringConsumerConfig("no-such-partition"))).foreachRDD(rdd -> rdd.count());

            assertThatThrownBy(ssc::start)
                    .hasMessage("The stream was given bad-input-5, but topic bad-input has 1 partitions. Check the"
                            + " topic-partitions passed to ConsumerStrategies.Assign.");
        } finally {
            ssc.stop(false, false);
        }
    }

    @Test
    void aDeserializerThatThrowsFailsTheTaskNamingTopicPartitionAndOffset(KafkaCluster kafka) {
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("poison");
        kafkaParams.put("value.deserializer", PoisonIntolerantDeserializer.class);

        assertThatThrownBy(() -> KafkaUtils.<String, String>createRDD(spark, kafkaParams,
                new OffsetRange[] {OffsetRange.create("bad-input", 0, 0, 10)}, LocationStrategies.PreferConsistent())
                .map(ConsumerRecord::value).collect())
                .isInstanceOf(SparkException.class)
                .hasMessageContaining("bad-input-0 at offset 3");
    }
}
