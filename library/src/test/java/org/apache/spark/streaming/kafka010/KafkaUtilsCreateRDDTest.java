package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import dev.kafkadirect.testkit.TransactionOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class KafkaUtilsCreateRDDTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
    /**
     * Record timestamps, an hour back: within the broker's time retention (7 days). With timestamps from 2020 the
     * records were past it, and once (a fresh CI run, Spark 3.5 build) the broker's retention check, every 5 s in the
     * test kit, had deleted a partition's records before the read: "the partition now holds offsets 10 to 10".
     */
    private static final long FIRST_TIMESTAMP = System.currentTimeMillis() - 3_600_000L;

    private static JavaSparkContext sparkContext;

    @BeforeAll
    static void startSpark() {
        sparkContext = LocalSpark.start("KafkaUtilsCreateRDDTest",
                Map.of("spark.streaming.kafka.consumer.poll.ms", "3000"));
    }

    @AfterAll
    static void stopSpark() {
        sparkContext.close();
    }

    @Test
    void readsExactlyTheRecordsOfEachRangeWithKeysValuesHeadersAndTimestamps(KafkaCluster kafka) {
        kafka.createTopic("rdd-exact", 3);
        kafka.produce(30, i -> new ProducerRecord<>("rdd-exact", i % 3, FIRST_TIMESTAMP + i, "k" + i, "v" + i,
                List.of(new RecordHeader("h", ("h" + i).getBytes(StandardCharsets.UTF_8)))));
        OffsetRange[] offsetRanges = {
            OffsetRange.create("rdd-exact", 0, 2, 7),
            OffsetRange.create("rdd-exact", 1, 0, 10),
            OffsetRange.create("rdd-exact", 2, 9, 10)
        };

        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(
                sparkContext, kafka.stringConsumerConfig("rdd-exact"), offsetRanges, LocationStrategies.PreferConsistent());

        List<String> read = rdd.map(record -> record.partition() + ":" + record.offset() + ":" + record.key() + ":"
                + record.value() + ":" + record.timestamp() + ":"
                + new String(record.headers().lastHeader("h").value(), StandardCharsets.UTF_8)).collect();
        List<String> expected = IntStream.range(0, 30)
                .filter(i -> (i % 3 == 0 && i / 3 >= 2 && i / 3 < 7) || i % 3 == 1 || (i % 3 == 2 && i / 3 == 9))
                .boxed()
                .sorted((a, b) -> a % 3 != b % 3 ? Integer.compare(a % 3, b % 3) : Integer.compare(a, b))
                .map(i -> (i % 3) + ":" + (i / 3) + ":k" + i + ":v" + i + ":" + (FIRST_TIMESTAMP + i) + ":h" + i)
                .collect(Collectors.toList());
        assertThat(read).containsExactlyElementsOf(expected);
        assertThat(((HasOffsetRanges) rdd.rdd()).offsetRanges()).containsExactly(offsetRanges);
    }

    @Test
    void partitionIReadsRangeI(KafkaCluster kafka) {
        kafka.createTopic("rdd-partition-index", 2);
        kafka.produce(20, i -> new ProducerRecord<>("rdd-partition-index", i % 2, null, "v" + i));
        OffsetRange[] offsetRanges = {
            OffsetRange.create("rdd-partition-index", 1, 3, 8),
            OffsetRange.create("rdd-partition-index", 0, 0, 4)
        };
        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(
                sparkContext, kafka.stringConsumerConfig("rdd-partition-index"), offsetRanges, LocationStrategies.PreferConsistent());

        List<String> seen = rdd.mapPartitions(records -> {
            OffsetRange own = offsetRanges[TaskContext.get().partitionId()];
            long count = 0;
            boolean allInRange = true;
            while (records.hasNext()) {
                ConsumerRecord<String, String> record = records.next();
                count++;
                allInRange &= record.partition() == own.partition()
                        && record.offset() >= own.fromOffset() && record.offset() < own.untilOffset();
            }
            return List.of(TaskContext.get().partitionId() + ":" + count + ":" + allInRange).iterator();
        }).collect();

        assertThat(seen).containsExactly("0:5:true", "1:4:true");
    }

    @Test
    void emptyRangesGiveEmptyPartitions(KafkaCluster kafka) {
        kafka.createTopic("rdd-empty", 1);
        kafka.produce(5, i -> new ProducerRecord<>("rdd-empty", 0, null, "v" + i));
        OffsetRange[] offsetRanges = {OffsetRange.create("rdd-empty", 0, 3, 3)};

        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(
                sparkContext, kafka.stringConsumerConfig("rdd-empty"), offsetRanges, LocationStrategies.PreferConsistent());

        assertThat(rdd.getNumPartitions()).isEqualTo(1);
        assertThat(rdd.map(ConsumerRecord::value).collect()).isEmpty();
        assertThat(KafkaUtils.createRDD(sparkContext, kafka.stringConsumerConfig("rdd-empty"), new OffsetRange[0],
                LocationStrategies.PreferConsistent()).count()).isZero();
    }

    @Test
    void gapsWithoutAllowNonConsecutiveOffsetsFailNamingTheSetting(KafkaCluster kafka) {
        kafka.createTopic("rdd-gaps", 1);
        kafka.produceInTransaction(List.of(new ProducerRecord<>("rdd-gaps", 0, "k", "ok-1")), TransactionOutcome.COMMIT);
        kafka.produceInTransaction(List.of(new ProducerRecord<>("rdd-gaps", 0, "k", "ok-2")), TransactionOutcome.COMMIT);
        OffsetRange[] offsetRanges = {OffsetRange.create("rdd-gaps", 0, 0, 4)};

        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(
                sparkContext, kafka.stringConsumerConfig("rdd-gaps"), offsetRanges, LocationStrategies.PreferConsistent());

        assertThatThrownBy(() -> rdd.map(ConsumerRecord::value).collect())
                .isInstanceOf(SparkException.class)
                .hasMessageContaining("Offsets 1 to 1 of rdd-gaps-0 have no records")
                .hasMessageContaining("set spark.streaming.kafka.allowNonConsecutiveOffsets=true");
    }

    @Test
    void rangeBeyondTheEndOfThePartitionFailsAfterThePollTimeoutNamingTheSetting(KafkaCluster kafka) {
        kafka.createTopic("rdd-beyond-end", 1);
        kafka.produce(3, i -> new ProducerRecord<>("rdd-beyond-end", 0, null, "v" + i));
        OffsetRange[] offsetRanges = {OffsetRange.create("rdd-beyond-end", 0, 0, 10)};

        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(
                sparkContext, kafka.stringConsumerConfig("rdd-beyond-end"), offsetRanges, LocationStrategies.PreferConsistent());

        assertThatThrownBy(() -> rdd.map(ConsumerRecord::value).collect())
                .isInstanceOf(SparkException.class)
                .hasMessageContaining("Failed to get records for rdd-beyond-end-0 at offset 3")
                .hasMessageContaining("after polling for 3000 ms")
                .hasMessageContaining("raise spark.streaming.kafka.consumer.poll.ms");
    }

    @Test
    void preferBrokersIsRefusedWithAnExplanation(KafkaCluster kafka) {
        OffsetRange[] offsetRanges = {OffsetRange.create("any", 0, 0, 1)};
        assertThatThrownBy(() -> KafkaUtils.createRDD(sparkContext, kafka.stringConsumerConfig("any"), offsetRanges,
                LocationStrategies.PreferBrokers()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("createRDD cannot use LocationStrategies.PreferBrokers(): without a stream"
                        + " there is no driver-side consumer to look up partition leaders.");
    }

    @Test
    void missingRequiredKafkaParamsAreNamed(KafkaCluster kafka) {
        OffsetRange[] offsetRanges = {OffsetRange.create("any", 0, 0, 1)};
        Map<String, Object> noBootstrap = kafka.stringConsumerConfig("any");
        noBootstrap.remove("bootstrap.servers");
        Map<String, Object> noValueDeserializer = kafka.stringConsumerConfig("any");
        noValueDeserializer.remove("value.deserializer");

        assertThatThrownBy(() -> KafkaUtils.createRDD(sparkContext, noBootstrap, offsetRanges,
                LocationStrategies.PreferConsistent()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kafkaParams must set bootstrap.servers (the brokers to read from, e.g. \"host1:9092,host2:9092\")");
        assertThatThrownBy(() -> KafkaUtils.createRDD(sparkContext, noValueDeserializer, offsetRanges,
                LocationStrategies.PreferConsistent()))
                .hasMessage("kafkaParams must set value.deserializer (e.g. StringDeserializer.class)");
    }
}
