package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.StreamInputInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Direct streams through the Java API, on a real broker and local Spark Streaming. */
class DirectStreamTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    /** What the batches saw; static because foreachRDD closures run on the driver of this JVM. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final List<OffsetRange> RANGES = new CopyOnWriteArrayList<>();

    private JavaStreamingContext ssc;

    @AfterEach
    void stopStreaming() {
        if (ssc != null) {
            ssc.stop(true, false);
        }
        SEEN.clear();
        RANGES.clear();
    }

    @Test
    void readsEveryRecordOnceAcrossBatchesAndCommitsTheLastUntilOffsets(KafkaCluster kafka) {
        kafka.createTopic("stream-exact", 3);
        kafka.produce(300, i -> new ProducerRecord<>("stream-exact", i % 3, null, "before-" + i));
        ssc = streamingContext(Map.of());
        StreamInfoListener info = new StreamInfoListener();
        ssc.addStreamingListener(info);
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of("stream-exact"), kafka.stringConsumerConfig("stream-exact")));
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
            RANGES.addAll(List.of(offsetRanges));
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
        });
        ssc.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 300);
        kafka.produce(300, i -> new ProducerRecord<>("stream-exact", i % 3, null, "during-" + i));
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 600);

        ssc.stop(true, true);
        ssc = null;

        List<String> expected = new ArrayList<>();
        IntStream.range(0, 300).forEach(i -> expected.add("before-" + i));
        IntStream.range(0, 300).forEach(i -> expected.add("during-" + i));
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(kafka.committedOffsets("stream-exact")).isEqualTo(kafka.endOffsets("stream-exact"));
        assertThat(RANGES.stream().mapToLong(OffsetRange::count).sum()).isEqualTo(600);
        assertThat(info.records.get()).isEqualTo(600);
        assertThat(info.descriptions).anySatisfy(description ->
                assertThat(description).contains("topic: stream-exact\tpartition: 0\toffsets: 0 to 100\tcount: 100"));
    }

    @Test
    void preferBrokersPrefersEachPartitionsLeaderHost(KafkaCluster kafka) {
        kafka.createTopic("stream-prefer-brokers", 2);
        kafka.produce(4, i -> new ProducerRecord<>("stream-prefer-brokers", i % 2, null, "v" + i));
        ssc = streamingContext(Map.of());
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferBrokers(),
                ConsumerStrategies.<String, String>Subscribe(List.of("stream-prefer-brokers"),
                        kafka.stringConsumerConfig("stream-prefer-brokers")));
        stream.foreachRDD(rdd -> {
            for (org.apache.spark.Partition partition : rdd.rdd().partitions()) {
                SEEN.add(partition.index() + "@" + rdd.rdd().preferredLocations(partition).mkString(","));
            }
        });
        ssc.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> SEEN.size() >= 2);
        // Local mode has no executors, so the leader's host itself is preferred.
        assertThat(SEEN.subList(0, 2)).containsExactly("0@127.0.0.1", "1@127.0.0.1");
    }

    @Test
    void assignWithExplicitOffsetsStartsExactlyThere(KafkaCluster kafka) {
        kafka.createTopic("stream-assign", 2);
        kafka.produce(20, i -> new ProducerRecord<>("stream-assign", i % 2, null, "v" + i));
        Map<TopicPartition, Long> fromOffsets = Map.of(new TopicPartition("stream-assign", 0), 5L,
                new TopicPartition("stream-assign", 1), 7L);
        ssc = streamingContext(Map.of());
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Assign(fromOffsets.keySet(), kafka.stringConsumerConfig("stream-assign"),
                        fromOffsets));
        stream.foreachRDD(rdd -> SEEN.addAll(rdd.map(record -> record.partition() + ":" + record.offset()).collect()));
        ssc.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 8);
        assertThat(SEEN).containsExactlyInAnyOrder("0:5", "0:6", "0:7", "0:8", "0:9", "1:7", "1:8", "1:9");
    }

    @Test
    void subscribeWithOffsetsForSomePartitionsStartsTheOthersAtTheReset(KafkaCluster kafka) {
        kafka.createTopic("stream-subscribe-offsets", 2);
        kafka.produce(20, i -> new ProducerRecord<>("stream-subscribe-offsets", i % 2, null, "v" + i));
        ssc = streamingContext(Map.of());
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of("stream-subscribe-offsets"),
                        kafka.stringConsumerConfig("stream-subscribe-offsets"),
                        Map.of(new TopicPartition("stream-subscribe-offsets", 1), 8L)));
        stream.foreachRDD(rdd -> SEEN.addAll(rdd.map(record -> record.partition() + ":" + record.offset()).collect()));
        ssc.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 12);
        List<String> expected = new ArrayList<>();
        IntStream.range(0, 10).forEach(offset -> expected.add("0:" + offset));
        expected.addAll(List.of("1:8", "1:9"));
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void partitionsAddedWhileRunningAreReadFromTheirBeginning(KafkaCluster kafka) {
        kafka.createTopic("stream-grows", 2);
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("stream-grows");
        kafkaParams.put("auto.offset.reset", "latest");
        kafkaParams.put("metadata.max.age.ms", 500);
        ssc = streamingContext(Map.of());
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of("stream-grows"), kafkaParams));
        stream.foreachRDD(rdd -> SEEN.addAll(rdd.map(record -> record.partition() + ":" + record.value()).collect()));
        ssc.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            kafka.produce(List.of(new ProducerRecord<>("stream-grows", 0, null, "probe")));
            assertThat(SEEN).contains("0:probe");
        });

        kafka.addPartitions("stream-grows", 4);
        kafka.produce(20, i -> new ProducerRecord<>("stream-grows", 2 + i % 2, null, "new-" + i));

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.stream().filter(seen -> seen.contains(":new-")).count() >= 20);
        assertThat(SEEN.stream().filter(seen -> seen.contains(":new-")))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20)
                        .mapToObj(i -> (2 + i % 2) + ":new-" + i).collect(Collectors.toList()));
    }

    @Test
    void subscribePatternPicksUpANewMatchingTopic(KafkaCluster kafka) {
        kafka.createTopic("pattern-first", 1);
        kafka.produce(5, i -> new ProducerRecord<>("pattern-first", 0, null, "first-" + i));
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("stream-pattern");
        kafkaParams.put("metadata.max.age.ms", 500);
        ssc = streamingContext(Map.of());
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>SubscribePattern(Pattern.compile("pattern-.*"), kafkaParams));
        stream.foreachRDD(rdd -> SEEN.addAll(rdd.map(record -> record.topic() + ":" + record.value()).collect()));
        ssc.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 5);

        kafka.createTopic("pattern-second", 2);
        kafka.produce(10, i -> new ProducerRecord<>("pattern-second", i % 2, null, "second-" + i));

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 15);
        List<String> expected = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> expected.add("pattern-first:first-" + i));
        IntStream.range(0, 10).forEach(i -> expected.add("pattern-second:second-" + i));
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void batchesNeverExceedMaxRatePerPartitionTimesTheInterval(KafkaCluster kafka) {
        kafka.createTopic("stream-rate", 2);
        kafka.produce(80, i -> new ProducerRecord<>("stream-rate", i % 2, null, "v" + i));
        ssc = streamingContext(Map.of("spark.streaming.kafka.maxRatePerPartition", "20"));
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of("stream-rate"), kafka.stringConsumerConfig("stream-rate")));
        stream.foreachRDD(rdd -> {
            RANGES.addAll(List.of(((HasOffsetRanges) rdd.rdd()).offsetRanges()));
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
        });
        ssc.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 80);
        assertThat(RANGES).allSatisfy(range -> assertThat(range.count()).isLessThanOrEqualTo(10));
        assertThat(RANGES.stream().filter(range -> range.count() == 10)).hasSizeGreaterThanOrEqualTo(8);
        assertThat(new HashSet<>(SEEN)).hasSize(80);
    }

    @Test
    void backpressureBoundsTheFirstBatchByTheInitialRateThenRaisesTheRate(KafkaCluster kafka) {
        kafka.createTopic("stream-backpressure", 2);
        kafka.produce(2_000, i -> new ProducerRecord<>("stream-backpressure", i % 2, null, "v" + i));
        ssc = streamingContext(Map.of("spark.streaming.backpressure.enabled", "true",
                "spark.streaming.backpressure.initialRate", "40"));
        List<Long> batchSizes = new CopyOnWriteArrayList<>();
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of("stream-backpressure"),
                        kafka.stringConsumerConfig("stream-backpressure")));
        stream.foreachRDD(rdd -> {
            List<OffsetRange> ranges = List.of(((HasOffsetRanges) rdd.rdd()).offsetRanges());
            RANGES.addAll(ranges);
            batchSizes.add(ranges.stream().mapToLong(OffsetRange::count).sum());
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
        });
        ssc.start();

        await().atMost(Duration.ofSeconds(90)).until(() -> SEEN.size() >= 2_000);
        assertThat(batchSizes.get(0)).as("40 records/s for a 0.5 s batch, shared by two partitions").isEqualTo(20);
        assertThat(RANGES.subList(0, 2)).extracting(OffsetRange::count).containsExactly(10L, 10L);
        assertThat(batchSizes).as("the estimator raised the rate once batches finished quickly")
                .anySatisfy(size -> assertThat(size).isGreaterThan(20));
        assertThat(new HashSet<>(SEEN)).hasSize(2_000);
        assertThat(SEEN).hasSize(2_000);
    }

    @Test
    void perPartitionConfigLimitsEachPartitionOnItsOwn(KafkaCluster kafka) {
        kafka.createTopic("stream-per-partition", 2);
        kafka.produce(40, i -> new ProducerRecord<>("stream-per-partition", i % 2, null, "v" + i));
        ssc = streamingContext(Map.of());
        PerPartitionConfig limits = new PerPartitionConfig() {
            @Override
            public long maxRatePerPartition(TopicPartition topicPartition) {
                return topicPartition.partition() == 0 ? 4 : 20;
            }
        };
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of("stream-per-partition"),
                        kafka.stringConsumerConfig("stream-per-partition")), limits);
        stream.foreachRDD(rdd -> {
            RANGES.addAll(List.of(((HasOffsetRanges) rdd.rdd()).offsetRanges()));
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
        });
        ssc.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 40);
        assertThat(RANGES.stream().filter(range -> range.partition() == 0))
                .allSatisfy(range -> assertThat(range.count()).isLessThanOrEqualTo(2));
        assertThat(RANGES.stream().filter(range -> range.partition() == 1))
                .allSatisfy(range -> assertThat(range.count()).isLessThanOrEqualTo(10));
    }

    @Test
    void everyCommitRequestHearsItsOutcome(KafkaCluster kafka) {
        kafka.createTopic("stream-callbacks", 1);
        kafka.produce(30, i -> new ProducerRecord<>("stream-callbacks", 0, null, "v" + i));
        ssc = streamingContext(Map.of("spark.streaming.kafka.maxRatePerPartition", "20"));
        AtomicInteger requests = new AtomicInteger();
        Map<Integer, Long> answered = new ConcurrentHashMap<>();
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of("stream-callbacks"), kafka.stringConsumerConfig("stream-callbacks")));
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
            int request = requests.incrementAndGet();
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges, (offsets, error) ->
                    answered.put(request, error == null ? offsets.get(new TopicPartition("stream-callbacks", 0)).offset() : -1));
        });
        ssc.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 30);

        ssc.stop(true, true);
        ssc = null;

        assertThat(answered).hasSize(requests.get());
        assertThat(answered.values()).doesNotContain(-1L).contains(30L);
        assertThat(kafka.committedOffsets("stream-callbacks")).containsEntry(new TopicPartition("stream-callbacks", 0), 30L);
    }

    @Test
    void aRebalanceTakingPartitionsStopsTheStreamSayingToUseASeparateGroupId(KafkaCluster kafka) {
        kafka.createTopic("stream-shared-group", 2);
        ssc = streamingContext(Map.of());
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of("stream-shared-group"),
                        kafka.stringConsumerConfig("stream-shared-group")));
        stream.foreachRDD(rdd -> SEEN.add("batch"));
        ssc.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> SEEN.size() >= 1);

        Map<String, Object> intruderConfig = kafka.stringConsumerConfig("stream-shared-group");
        try (KafkaConsumer<String, String> intruder = new KafkaConsumer<>(intruderConfig, new StringDeserializer(),
                new StringDeserializer())) {
            intruder.subscribe(List.of("stream-shared-group"));
            assertThatThrownBy(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline) {
                    intruder.poll(Duration.ofMillis(200));
                    if (ssc.awaitTerminationOrTimeout(10)) {
                        return;
                    }
                }
            }).hasMessageContaining("were taken from this stream's consumer by a rebalance of group.id 'stream-shared-group'")
                    .hasMessageContaining("Use a separate group.id for each stream.");
        }
    }

    private static JavaStreamingContext streamingContext(Map<String, String> settings) {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("DirectStreamTest")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.streaming.kafka.consumer.poll.ms", "10000");
        settings.forEach(conf::set);
        return new JavaStreamingContext(conf, Durations.milliseconds(500));
    }

    /** Sums the records and keeps the descriptions that batches report to the Streaming UI. */
    static final class StreamInfoListener implements StreamingListener {
        final java.util.concurrent.atomic.AtomicLong records = new java.util.concurrent.atomic.AtomicLong();
        final List<String> descriptions = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted batchCompleted) {
            for (StreamInputInfo info : scala.collection.JavaConverters
                    .asJavaIterable(batchCompleted.batchInfo().streamIdToInputInfo().values())) {
                records.addAndGet(info.numRecords());
                if (info.metadataDescription().isDefined()) {
                    descriptions.add(info.metadataDescription().get());
                }
            }
        }
    }
}
