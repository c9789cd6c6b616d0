package dev.kafkadirect.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every broker version the kit knows starts, takes records and transactions, and says which version it is. */
class BrokerVersionsTest {
    @ParameterizedTest
    @EnumSource(BrokerVersion.class)
    void eachVersionStartsServesRecordsAndTransactionsAndStopsWithItsZooKeeper(BrokerVersion version) throws Exception {
        KafkaCluster kafka = KafkaCluster.builder().version(version).name("versions-" + version.version()).build();
        try (KafkaCluster started = kafka.start()) {
            started.createTopic("versions", 2);
            started.produce(List.of(new ProducerRecord<>("versions", 0, "k0", "v0"),
                    new ProducerRecord<>("versions", 1, "k1", "v1")));
            started.produceInTransaction(List.of(new ProducerRecord<>("versions", 0, "k2", "aborted")),
                    TransactionOutcome.ABORT);
            started.produceInTransaction(List.of(new ProducerRecord<>("versions", 0, "k3", "v3")),
                    TransactionOutcome.COMMIT);

            assertThat(started.readAll("versions", "read_committed"))
                    .extracting(ConsumerRecord::partition, ConsumerRecord::offset, ConsumerRecord::value)
                    .containsExactly(tuple(0, 0L, "v0"), tuple(0, 3L, "v3"), tuple(1, 0L, "v1"));
            // Offsets 1 (aborted record), 2 (abort marker) and 4 (commit marker) hold no readable record.
            assertThat(started.endOffsets("versions")).containsExactly(
                    Map.entry(new TopicPartition("versions", 0), 5L), Map.entry(new TopicPartition("versions", 1), 1L));
            String serverLog = Files.readString(started.broker(1).logFile());
            assertThat(serverLog).contains("Kafka version: " + version.version());
            assertThat(Files.exists(started.logDirectory().resolve("zookeeper"))).isEqualTo(version.zooKeeperMode());
        }
    }
}
