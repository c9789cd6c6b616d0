package dev.kafkadirect.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("long")
class KafkaClusterFailoverTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.brokers(3);

    @Test
    void producingWithAcksAllSurvivesKillingThePartitionLeader(KafkaCluster kafka) {
        kafka.createTopic("replicated", 2, 3, Map.of("min.insync.replicas", "2"));
        kafka.produce(50, i -> new ProducerRecord<>("replicated", 0, "k" + i, "before-" + i));
        int leader = kafka.leaderOf("replicated", 0);

        kafka.killBroker(leader);
        assertThat(kafka.broker(leader).isRunning()).isFalse();
        kafka.produce(50, i -> new ProducerRecord<>("replicated", 0, "k" + i, "during-" + i));
        assertThat(kafka.leaderOf("replicated", 0)).isNotEqualTo(leader);

        kafka.restartBroker(leader);
        assertThat(kafka.broker(leader).isRunning()).isTrue();
        kafka.produce(50, i -> new ProducerRecord<>("replicated", 0, "k" + i, "after-" + i));

        List<String> expected = IntStream.range(0, 150)
                .mapToObj(i -> (i < 50 ? "before-" : i < 100 ? "during-" : "after-") + (i % 50))
                .collect(Collectors.toList());
        assertThat(kafka.readAll("replicated", "read_committed"))
                .extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aGracefullyStoppedFollowerCatchesUpAfterRestart(KafkaCluster kafka) {
        kafka.createTopic("follower-restart", 1, 3, Map.of("min.insync.replicas", "2"));
        int leader = kafka.leaderOf("follower-restart", 0);
        int follower = leader % 3 + 1;

        kafka.stopBroker(follower);
        assertThat(kafka.broker(follower).isRunning()).isFalse();
        kafka.produce(20, i -> new ProducerRecord<>("follower-restart", 0, null, "while-stopped-" + i));
        kafka.restartBroker(follower);
        kafka.produce(20, i -> new ProducerRecord<>("follower-restart", 0, null, "after-restart-" + i));

        assertThat(kafka.readAll("follower-restart", "read_uncommitted")).hasSize(40)
                .extracting(ConsumerRecord::offset).containsExactlyElementsOf(
                        IntStream.range(0, 40).mapToObj(Long::valueOf).collect(Collectors.toList()));
    }

    @Test
    void everyBrokerIsListedInBootstrapServers(KafkaCluster kafka) {
        assertThat(kafka.brokers()).extracting(KafkaBroker::nodeId).containsExactly(1, 2, 3);
        assertThat(kafka.bootstrapServers().split(",")).containsExactlyElementsOf(
                kafka.brokers().stream().map(KafkaBroker::bootstrapAddress).collect(Collectors.toList()));
    }
}
