package dev.kafkadirect.compatibility;

import dev.kafkadirect.sink.SinkReport;
import dev.kafkadirect.sink.TransactionalKafkaSink;
import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.BrokerVersion;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaSecurity;
import dev.kafkadirect.testkit.TlsMaterial;
import dev.kafkadirect.testkit.TransactionOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.api.java.JavaRDD;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same programs on every broker version the test kit runs ({@link BrokerVersion}: 2.8.2 in ZooKeeper mode,
 * 3.9.1, 4.1.1 and 4.4.0 in KRaft mode), through the library's kafka-clients: the guide's Java programs
 * (createRDD, Subscribe with commitAsync, Assign from offsets), a read_committed topic with an aborted
 * transaction, partitions added while a stream runs, the transactional sink, and a SCRAM login over TLS. Each
 * version gets one cluster (with SSL and SASL_SSL listeners and ACLs) and one local Spark for all its tests.
 * README's compatibility table names this class for its broker column.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(BrokerVersion.class)
@Tag("long")
@Tag("brokers")
class BrokerVersionsCompatibilityTest {
    private static final String READER = "compat-reader";
    private static final String READER_PASSWORD = "ScramPass-compat-5e2b";
    /** What the streams of a test saw, in the order their batches arrived (driver side). */
    private static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private static KafkaCluster kafka;
    private static JavaSparkContext spark;

    @Parameter
    BrokerVersion version;

    @BeforeParameterizedClassInvocation
    static void startBrokerAndSpark(BrokerVersion brokerVersion) throws IOException {
        TlsMaterial tls = TlsMaterial.generate(Files.createTempDirectory("kafka-direct-compat-tls"), "StorePass-compat");
        kafka = KafkaCluster.builder().version(brokerVersion).tls(tls).saslScram()
                .name("compat-" + brokerVersion.version()).build().start();
        // The read_committed test's ranges span transaction markers and an aborted record.
        spark = LocalSpark.start("BrokerVersionsCompatibilityTest",
                Map.of("spark.streaming.kafka.allowNonConsecutiveOffsets", "true"));
    }

    @AfterParameterizedClassInvocation
    static void stopBrokerAndSpark() {
        try {
            if (spark != null) {
                spark.close();
            }
        } finally {
            spark = null;
            if (kafka != null) {
                kafka.close();
            }
            kafka = null;
        }
    }

    @BeforeEach
    void forgetWhatEarlierStreamsSaw() {
        SEEN.clear();
    }

    @Test
    void guideCreateRddReadsExactlyItsOffsetRanges() {
        kafka.createTopic("guide-rdd", 2);
        kafka.produce(100, i -> new ProducerRecord<>("guide-rdd", i % 2, null, "r" + i));
        OffsetRange[] offsetRanges = {OffsetRange.create("guide-rdd", 0, 10, 50), OffsetRange.create("guide-rdd", 1, 0, 25)};

        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(spark, consumerParams("guide-rdd"),
                offsetRanges, LocationStrategies.PreferConsistent());

        // Partition 0 holds the even records (offset n is record 2n), partition 1 the odd ones.
        List<String> expected = new ArrayList<>();
        IntStream.range(10, 50).forEach(offset -> expected.add("r" + (2 * offset)));
        IntStream.range(0, 25).forEach(offset -> expected.add("r" + (2 * offset + 1)));
        assertThat(rdd.map(ConsumerRecord::value).collect()).containsExactlyElementsOf(expected);
    }

    @Test
    void guideSubscribeStreamReadsEveryRecordOnceAndCommitsWithCommitAsync() {
        kafka.createTopic("guide-stream", 2);
        kafka.produce(100, i -> new ProducerRecord<>("guide-stream", i % 2, null, "s" + i));

        runStream(ConsumerStrategies.Subscribe(List.of("guide-stream"), consumerParams("guide-stream-group")),
                () -> kafka.endOffsets("guide-stream").equals(kafka.committedOffsets("guide-stream-group")));

        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(values("s", 0, 100));
    }

    @Test
    void guideAssignStreamStartsAtTheGivenOffsets() {
        kafka.createTopic("guide-assign", 2);
        kafka.produce(100, i -> new ProducerRecord<>("guide-assign", i % 2, null, "a" + i));
        Map<TopicPartition, Long> fromOffsets = Map.of(new TopicPartition("guide-assign", 0), 30L,
                new TopicPartition("guide-assign", 1), 45L);

        runStream(ConsumerStrategies.Assign(fromOffsets.keySet(), consumerParams("guide-assign-group"), fromOffsets),
                () -> kafka.endOffsets("guide-assign").equals(kafka.committedOffsets("guide-assign-group")));

        List<String> expected = new ArrayList<>();
        IntStream.range(30, 50).forEach(offset -> expected.add("a" + (2 * offset)));
        IntStream.range(45, 50).forEach(offset -> expected.add("a" + (2 * offset + 1)));
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void readCommittedRangesSkipTheAbortedRecordsAndTheMarkers() {
        kafka.createTopic("transactional", 1);
        kafka.produceInTransaction(records("transactional", "c", 0, 3), TransactionOutcome.COMMIT);
        kafka.produceInTransaction(records("transactional", "aborted", 0, 2), TransactionOutcome.ABORT);
        kafka.produceInTransaction(records("transactional", "c", 3, 5), TransactionOutcome.COMMIT);
        // c0..c2 at 0..2, marker 3, aborted 4..5, marker 6, c3..c4 at 7..8, marker 9.
        assertThat(kafka.endOffsets("transactional")).containsEntry(new TopicPartition("transactional", 0), 10L);
        Map<String, Object> kafkaParams = consumerParams("transactional-reader");
        kafkaParams.put("isolation.level", "read_committed");

        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(spark, kafkaParams,
                new OffsetRange[] {OffsetRange.create("transactional", 0, 0, 10)}, LocationStrategies.PreferConsistent());

        assertThat(rdd.map(record -> record.offset() + ":" + record.value()).collect())
                .containsExactly("0:c0", "1:c1", "2:c2", "7:c3", "8:c4");
    }

    @Test
    void aSubscribeStreamReadsPartitionsAddedWhileItRuns() {
        kafka.createTopic("growing", 1);
        kafka.produce(10, i -> new ProducerRecord<>("growing", 0, null, "g" + i));
        Map<String, Object> kafkaParams = consumerParams("growing-group");
        kafkaParams.put("metadata.max.age.ms", 500);

        runStream(ConsumerStrategies.Subscribe(List.of("growing"), kafkaParams), () -> {
            if (SEEN.size() == 10 && kafka.endOffsets("growing").size() == 1) {
                kafka.addPartitions("growing", 3);
                kafka.produce(20, i -> new ProducerRecord<>("growing", 1 + i % 2, null, "g" + (10 + i)));
            }
            return SEEN.size() >= 30 && kafka.endOffsets("growing").equals(kafka.committedOffsets("growing-group"));
        });

        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(values("g", 0, 30));
        assertThat(kafka.committedOffsets("growing-group")).containsOnlyKeys(new TopicPartition("growing", 0),
                new TopicPartition("growing", 1), new TopicPartition("growing", 2));
    }

    @Test
    void theTransactionalSinkWritesEachRecordOnceAndCommitsTheGroupInTheTransaction() {
        kafka.createTopic("sink-in", 2);
        kafka.createTopic("sink-out", 1);
        kafka.produce(100, i -> new ProducerRecord<>("sink-in", i % 2, null, "t" + i));
        JavaRDD<ConsumerRecord<String, String>> input = KafkaUtils.createRDD(spark, consumerParams("sink-reader"),
                new OffsetRange[] {OffsetRange.create("sink-in", 0, 0, 50), OffsetRange.create("sink-in", 1, 0, 50)},
                LocationStrategies.PreferConsistent());
        TransactionalKafkaSink<String, String> sink = TransactionalKafkaSink.create(producerParams(), "sink-group",
                "compat-sink-" + version.version());

        SinkReport report = sink.write(input, record -> List.of(new ProducerRecord<>("sink-out", record.value())));

        assertThat(report).isEqualTo(new SinkReport(100, 2, 0));
        // The commit markers reach the partition a moment after commitTransaction returns.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.readAll("sink-out", "read_committed"))
                .extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(values("t", 0, 100)));
        assertThat(kafka.committedOffsets("sink-group")).isEqualTo(kafka.endOffsets("sink-in"));
    }

    @Test
    void aScramUserReadsOverSaslSslWithCreateRdd() {
        kafka.createTopic("scram", 1);
        kafka.produce(20, i -> new ProducerRecord<>("scram", 0, null, "p" + i));
        KafkaSecurity security = kafka.security();
        security.createScramUser(READER, READER_PASSWORD);
        security.allowRead(READER, "scram", "scram-");
        Map<String, Object> kafkaParams = security.clientConfig(READER, READER_PASSWORD);
        kafkaParams.put("key.deserializer", StringDeserializer.class);
        kafkaParams.put("value.deserializer", StringDeserializer.class);
        kafkaParams.put("group.id", "scram-reader");

        // The SCRAM credential reaches every broker a little after the call that creates it.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                KafkaUtils.createRDD(spark, kafkaParams, new OffsetRange[] {OffsetRange.create("scram", 0, 0, 20)},
                        LocationStrategies.PreferConsistent()).map(ConsumerRecord::value).collect())
                .containsExactlyElementsOf(values("p", 0, 20)));
    }

    /**
     * Runs a direct stream of the strategy that adds each batch's values to {@link #SEEN} and commits its offsets
     * with commitAsync (as the guide does), until the condition holds; then stops it gracefully.
     */
    private static void runStream(org.apache.spark.streaming.kafka010.ConsumerStrategy<String, String> strategy,
                                  java.util.concurrent.Callable<Boolean> done) {
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
        try {
            JavaInputDStream<ConsumerRecord<String, String>> stream =
                    KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(), strategy);
            stream.foreachRDD(rdd -> {
                OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
                SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
                ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
            });
            ssc.start();
            await().atMost(Duration.ofSeconds(90)).until(done);
        } finally {
            ssc.stop(false, true);
        }
    }

    private static Map<String, Object> consumerParams(String groupId) {
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig(groupId);
        kafkaParams.put("auto.offset.reset", "earliest");
        kafkaParams.put("enable.auto.commit", false);
        return kafkaParams;
    }

    private static Map<String, Object> producerParams() {
        Map<String, Object> params = new HashMap<>(kafka.clientConfig());
        params.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        params.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return params;
    }

    private static List<ProducerRecord<String, String>> records(String topic, String prefix, int from, int until) {
        return IntStream.range(from, until).mapToObj(i -> new ProducerRecord<String, String>(topic, 0, null, prefix + i))
                .collect(Collectors.toList());
    }

    private static List<String> values(String prefix, int from, int until) {
        return IntStream.range(from, until).mapToObj(i -> prefix + i).collect(Collectors.toList());
    }
}
