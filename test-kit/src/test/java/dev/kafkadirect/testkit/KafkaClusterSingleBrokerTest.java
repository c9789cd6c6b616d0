package dev.kafkadirect.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class KafkaClusterSingleBrokerTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.brokers(1);

    @Test
    void producedRecordsAreReadBackWithKeysValuesHeadersAndTimestamps(KafkaCluster kafka) {
        kafka.createTopic("roundtrip", 2);
        List<ProducerRecord<String, String>> records = IntStream.range(0, 6)
                .mapToObj(i -> new ProducerRecord<>("roundtrip", i % 2, 1_700_000_000_000L + i, "key-" + i, "value-" + i,
                        List.of(new RecordHeader("index", String.valueOf(i).getBytes(StandardCharsets.UTF_8)))))
                .collect(Collectors.toList());

        List<RecordMetadata> metadata = kafka.produce(records);

        assertThat(metadata).extracting(RecordMetadata::partition, RecordMetadata::offset)
                .containsExactly(tuple(0, 0L), tuple(1, 0L), tuple(0, 1L), tuple(1, 1L), tuple(0, 2L), tuple(1, 2L));
        List<ConsumerRecord<String, String>> read = kafka.readAll("roundtrip", "read_uncommitted");
        assertThat(read).extracting(ConsumerRecord::partition, ConsumerRecord::offset, ConsumerRecord::key,
                        ConsumerRecord::value, ConsumerRecord::timestamp,
                        record -> new String(record.headers().lastHeader("index").value(), StandardCharsets.UTF_8))
                .containsExactly(
                        tuple(0, 0L, "key-0", "value-0", 1_700_000_000_000L, "0"),
                        tuple(0, 1L, "key-2", "value-2", 1_700_000_000_002L, "2"),
                        tuple(0, 2L, "key-4", "value-4", 1_700_000_000_004L, "4"),
                        tuple(1, 0L, "key-1", "value-1", 1_700_000_000_001L, "1"),
                        tuple(1, 1L, "key-3", "value-3", 1_700_000_000_003L, "3"),
                        tuple(1, 2L, "key-5", "value-5", 1_700_000_000_005L, "5"));
        assertThat(kafka.endOffsets("roundtrip"))
                .containsExactly(Map.entry(new TopicPartition("roundtrip", 0), 3L),
                        Map.entry(new TopicPartition("roundtrip", 1), 3L));
    }

    @Test
    void abortedTransactionsAreHiddenFromReadCommittedAndLeaveOffsetGaps(KafkaCluster kafka) {
        kafka.createTopic("transactions", 1);
        kafka.produceInTransaction(List.of(new ProducerRecord<>("transactions", 0, "k", "committed-1"),
                new ProducerRecord<>("transactions", 0, "k", "committed-2")), TransactionOutcome.COMMIT);
        kafka.produceInTransaction(List.of(new ProducerRecord<>("transactions", 0, "k", "aborted-1")),
                TransactionOutcome.ABORT);
        kafka.produceInTransaction(List.of(new ProducerRecord<>("transactions", 0, "k", "committed-3")),
                TransactionOutcome.COMMIT);

        assertThat(kafka.readAll("transactions", "read_committed"))
                .extracting(ConsumerRecord::offset, ConsumerRecord::value)
                .containsExactly(tuple(0L, "committed-1"), tuple(1L, "committed-2"), tuple(5L, "committed-3"));
        assertThat(kafka.readAll("transactions", "read_uncommitted"))
                .extracting(ConsumerRecord::offset, ConsumerRecord::value)
                .containsExactly(tuple(0L, "committed-1"), tuple(1L, "committed-2"), tuple(3L, "aborted-1"),
                        tuple(5L, "committed-3"));
        // Three transaction markers take offsets 2, 4 and 6.
        assertThat(kafka.endOffsets("transactions")).containsEntry(new TopicPartition("transactions", 0), 7L);
    }

    @Test
    void committedOffsetsOfAGroupAreReported(KafkaCluster kafka) {
        kafka.createTopic("committed", 2);
        kafka.produce(4, i -> new ProducerRecord<>("committed", i % 2, null, "v" + i));
        assertThat(kafka.committedOffsets("nobody-committed")).isEmpty();

        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "committing-group");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition("committed", 0), new OffsetAndMetadata(2),
                    new TopicPartition("committed", 1), new OffsetAndMetadata(1)));
        }

        assertThat(kafka.committedOffsets("committing-group"))
                .containsOnly(Map.entry(new TopicPartition("committed", 0), 2L),
                        Map.entry(new TopicPartition("committed", 1), 1L));
    }

    @Test
    void topicsCanBeCreatedWithConfigsGrownAndDeleted(KafkaCluster kafka) throws Exception {
        kafka.createTopic("compacted", 1, 1, Map.of("cleanup.policy", "compact"));
        assertThat(kafka.admin().describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "compacted"))).all().get()
                .values().iterator().next().get("cleanup.policy").value()).isEqualTo("compact");

        kafka.addPartitions("compacted", 3);
        assertThat(kafka.endOffsets("compacted")).hasSize(3);

        kafka.deleteTopic("compacted");
        assertThat(kafka.admin().listTopics().names().get()).doesNotContain("compacted");
    }

    @Test
    void brokerLogIsKeptForPostMortems(KafkaCluster kafka) throws Exception {
        KafkaBroker broker = kafka.broker(1);
        assertThat(broker.logFile()).startsWith(kafka.logDirectory());
        assertThat(Files.readString(broker.logFile())).contains("Kafka Server started");
    }

    @Test
    void sslBootstrapServersNeedAClusterBuiltWithTls(KafkaCluster kafka) {
        assertThatThrownBy(kafka::sslBootstrapServers)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("This cluster has no SSL listener: build it with tls(TlsMaterial)");
    }

    @Test
    void unknownBrokerIdIsRejectedWithTheValidRange(KafkaCluster kafka) {
        assertThatThrownBy(() -> kafka.killBroker(7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No broker with node id 7; this cluster has nodes 1..1");
    }

    @Test
    void brokerJvmUsesThisJvmsTemporaryDirectory(KafkaCluster kafka) {
        long pid = kafka.broker(1).pid().orElseThrow();

        assertThat(ChildCommandLine.of(pid)).contains("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    }

    @Test
    void brokerJvmGetsTheChildOptionsOfTheTestRun(KafkaCluster kafka) {
        String options = System.getProperty(ChildJvmOptions.PROPERTY);
        assertThat(options).as("set by the root pom for every test run").isEqualTo("-XX:TieredStopAtLevel=1");

        assertThat(ChildCommandLine.of(kafka.broker(1).pid().orElseThrow())).contains("-XX:TieredStopAtLevel=1");
    }
}
