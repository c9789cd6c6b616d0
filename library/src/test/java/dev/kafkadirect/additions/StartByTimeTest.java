package dev.kafkadirect.additions;

import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import dev.kafkadirect.time.NoRecordAtTime;
import dev.kafkadirect.time.TimestampRanges;
import dev.kafkadirect.time.TimestampStrategies;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Streams that start at a time and RDDs between two times, on a real broker: partition 0 holds 20 records one
 * second apart, partition 1 holds 10, so a time 12 s in finds offset 12 in partition 0 and no record in
 * partition 1.
 */
class StartByTimeTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
    /** An hour ago, well inside the brokers' retention. */
    private static final long BASE = System.currentTimeMillis() - 3_600_000;
    private static final long TWELVE_SECONDS_IN = BASE + 12_000;

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private JavaStreamingContext ssc;

    @AfterEach
    void stopStreaming() {
        if (ssc != null) {
            ssc.stop(true, false);
        }
        SEEN.clear();
    }

    @Test
    void subscribeStartsEachPartitionAtItsFirstRecordAtOrAfterTheTimeAndLatestWhereThereIsNone(KafkaCluster kafka) {
        String topic = timedTopic(kafka, "time-subscribe");
        ConsumerStrategy<String, String> strategy = TimestampStrategies.Subscribe(List.of(topic),
                kafka.stringConsumerConfig("time-subscribe"), TWELVE_SECONDS_IN, NoRecordAtTime.LATEST);

        startStream(strategy);
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 8);
        kafka.produce(1, i -> new ProducerRecord<>(topic, 1, BASE, null, "1-new"));

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 9);
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(expected(10, 12, 20, "1-new"));
    }

    @Test
    void assignWithATimePerPartitionAndSubscribePatternStartThere(KafkaCluster kafka) {
        String topic = timedTopic(kafka, "time-assign");
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        startStream(TimestampStrategies.Assign(List.of(p0, p1), kafka.stringConsumerConfig("time-assign"),
                Map.of(p0, BASE + 17_000, p1, BASE + 7_500), NoRecordAtTime.FAIL));

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 5);
        assertThat(SEEN).containsExactlyInAnyOrder("0-17", "0-18", "0-19", "1-8", "1-9");
        ssc.stop(true, false);
        SEEN.clear();

        startStream(TimestampStrategies.SubscribePattern(Pattern.compile("time-assig.*"),
                kafka.stringConsumerConfig("time-pattern"), BASE + 9_000, NoRecordAtTime.FAIL));
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 12);
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(expected(9, 9, 20));
    }

    @Test
    void failNamesThePartitionsWithNoRecordThatRecentAndTheTime(KafkaCluster kafka) {
        String topic = timedTopic(kafka, "time-fail");
        ConsumerStrategy<String, String> strategy = TimestampStrategies.Subscribe(List.of(topic),
                kafka.stringConsumerConfig("time-fail"), TWELVE_SECONDS_IN, NoRecordAtTime.FAIL);
        ssc = new JavaStreamingContext(LocalSpark.conf("local[2]", "StartByTimeTest", Map.of()), Durations.milliseconds(500));
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(), strategy);
        stream.foreachRDD(rdd -> SEEN.addAll(rdd.map(ConsumerRecord::value).collect()));

        assertThatThrownBy(() -> ssc.start()).hasStackTraceContaining("Partitions " + topic + "-1 (time ")
                .hasStackTraceContaining(" = " + TWELVE_SECONDS_IN + " ms) have no record at or after that time."
                        + " Choose an earlier time, or pass NoRecordAtTime.LATEST");
        assertThat(SEEN).isEmpty();
    }

    @Test
    void rangesBetweenTwoTimesReadExactlyTheRecordsFromTheFirstToBeforeTheSecond(KafkaCluster kafka) {
        String topic = timedTopic(kafka, "time-between");
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("time-between");

        OffsetRange[] ranges = TimestampRanges.between(kafkaParams, List.of(topic), BASE + 5_000, TWELVE_SECONDS_IN);

        assertThat(ranges).containsExactly(OffsetRange.create(topic, 0, 5, 12), OffsetRange.create(topic, 1, 5, 10));
        ssc = new JavaStreamingContext(LocalSpark.conf("local[2]", "StartByTimeTest", Map.of()), Durations.seconds(1));
        List<String> read = KafkaUtils.<String, String>createRDD(ssc.sparkContext(), kafkaParams, ranges,
                LocationStrategies.PreferConsistent()).map(ConsumerRecord::value).collect();
        assertThat(read).containsExactlyInAnyOrder("0-5", "0-6", "0-7", "0-8", "0-9", "0-10", "0-11",
                "1-5", "1-6", "1-7", "1-8", "1-9");
        assertThatThrownBy(() -> TimestampRanges.between(kafkaParams, List.of(topic), TWELVE_SECONDS_IN, BASE))
                .hasMessage("The end time " + BASE + " ms is before the start time " + TWELVE_SECONDS_IN
                        + " ms; give the earlier time first.");
        assertThatThrownBy(() -> TimestampRanges.between(kafkaParams, List.of("time-no-such-topic"), BASE, BASE))
                .hasMessageStartingWith("Topics [time-no-such-topic] do not exist");
    }

    /** Partition 0: "0-0".."0-19" at BASE + i seconds; partition 1: "1-0".."1-9" likewise. */
    private static String timedTopic(KafkaCluster kafka, String topic) {
        kafka.createTopic(topic, 2);
        kafka.produce(20, i -> new ProducerRecord<>(topic, 0, BASE + i * 1_000L, null, "0-" + i));
        kafka.produce(10, i -> new ProducerRecord<>(topic, 1, BASE + i * 1_000L, null, "1-" + i));
        return topic;
    }

    /** Partition 0's records from..until-1, partition 1's from partitionOneFrom..9, and the extra values. */
    private static List<String> expected(int partitionOneFrom, int from, int until, String... extra) {
        List<String> values = IntStream.range(from, until).mapToObj(i -> "0-" + i).collect(Collectors.toList());
        IntStream.range(partitionOneFrom, 10).forEach(i -> values.add("1-" + i));
        values.addAll(List.of(extra));
        return values;
    }

    private void startStream(ConsumerStrategy<String, String> strategy) {
        ssc = new JavaStreamingContext(LocalSpark.conf("local[2]", "StartByTimeTest", Map.of()), Durations.milliseconds(500));
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(), strategy);
        stream.foreachRDD(rdd -> SEEN.addAll(rdd.map(ConsumerRecord::value).collect()));
        ssc.start();
    }
}
