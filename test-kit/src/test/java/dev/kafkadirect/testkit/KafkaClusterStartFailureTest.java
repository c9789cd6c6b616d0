package dev.kafkadirect.testkit;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClusterStartFailureTest {
    @Test
    void brokerThatCannotStartFailsWithTheTailOfItsLog() {
        KafkaCluster cluster = KafkaCluster.builder().name("bad-config")
                .brokerProperty("num.io.threads", "not-a-number").build();

        assertThatThrownBy(cluster::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Kafka broker 1 exited with status")
                .hasMessageContaining("--- last ")
                .hasMessageContaining("num.io.threads");
        assertThatThrownBy(cluster::bootstrapServers).hasMessageContaining("not started");
    }

    @Test
    void closeStopsTheBrokerJvmAndMayBeCalledTwice() {
        KafkaCluster cluster = KafkaCluster.builder().name("close-twice").build().start();
        OptionalLong pid = cluster.broker(1).pid();
        assertThat(pid).isPresent();

        cluster.close();
        cluster.close();

        assertThat(ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }
}
