package dev.kafkadirect.sink;

import dev.kafkadirect.testing.DriverProcess;
import dev.kafkadirect.testing.ExactlyOnceDriverMain;
import dev.kafkadirect.testing.TestDatabase;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A driver killed with kill -9 in the middle of a stream and started again (no Spark checkpoint) leaves
 * every input record's effect exactly once: in PostgreSQL through the offset store, and in an output topic
 * through the transactional sink.
 */
class KilledDriverExactlyOnceTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    private static final int RECORDS = 3_000;

    @Test
    void theDatabaseHoldsEveryRecordOnceAfterTheDriverIsKilledAndRestarted(KafkaCluster kafka) throws Exception {
        String url = TestDatabase.POSTGRESQL.newDatabaseUrl();
        TestDatabase.execute(url, "CREATE TABLE seen (record_value VARCHAR(50) NOT NULL)");
        String rows = "SELECT COUNT(*) FROM seen";

        killAndRestart(kafka, "killed-jdbc", () -> TestDatabase.queryLong(url, rows), "jdbc", url);

        assertThat(TestDatabase.queryLong(url, rows)).isEqualTo(RECORDS);
        assertThat(TestDatabase.queryLong(url, "SELECT COUNT(DISTINCT record_value) FROM seen")).isEqualTo(RECORDS);
    }

    @Test
    void theOutputTopicHoldsEveryRecordOnceAfterTheDriverIsKilledAndRestarted(KafkaCluster kafka) throws Exception {
        kafka.createTopic("killed-sink-out", 2);

        killAndRestart(kafka, "killed-sink", () -> kafka.committedOffsets("killed-sink-group").values().stream()
                .mapToLong(Long::longValue).sum(), "sink", "killed-sink-out");

        assertThat(kafka.readAll("killed-sink-out", "read_committed")).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(expectedValues());
    }

    private static void killAndRestart(KafkaCluster kafka, String topic, Callable<Long> progress, String mode,
                                       String target) throws Exception {
        kafka.createTopic(topic, 3);
        kafka.produce(RECORDS / 2, i -> new ProducerRecord<>(topic, i % 3, null, "v" + i));
        Process first = DriverProcess.start(ExactlyOnceDriverMain.class, topic + "-first", mode,
                kafka.bootstrapServers(), topic, target);
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> progress.call() >= 600);
        } finally {
            first.destroyForcibly().waitFor();
        }
        long beforeRestart = progress.call();
        assertThat(beforeRestart).as("killed in the middle of the input").isLessThan(RECORDS);
        kafka.produce(RECORDS / 2, i -> new ProducerRecord<>(topic, i % 3, null, "v" + (RECORDS / 2 + i)));

        Process second = DriverProcess.start(ExactlyOnceDriverMain.class, topic + "-second", mode,
                kafka.bootstrapServers(), topic, target);
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> progress.call() >= RECORDS);
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    private static List<String> expectedValues() {
        return IntStream.range(0, RECORDS).mapToObj(i -> "v" + i).collect(Collectors.toList());
    }
}
