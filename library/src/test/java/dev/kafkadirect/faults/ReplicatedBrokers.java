package dev.kafkadirect.faults;

import dev.kafkadirect.testkit.KafkaClusterExtension;

/** The fault tests' cluster: three brokers whose controllers fence a dead broker after 4 s instead of 9 s. */
final class ReplicatedBrokers {
    private ReplicatedBrokers() {
    }

    /** @return an extension running such a cluster for one test class */
    static KafkaClusterExtension extension() {
        return KafkaClusterExtension.brokers(3, builder -> builder
                .brokerProperty("broker.session.timeout.ms", "4000")
                .brokerProperty("broker.heartbeat.interval.ms", "500"));
    }
}
