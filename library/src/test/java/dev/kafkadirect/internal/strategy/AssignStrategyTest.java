package dev.kafkadirect.internal.strategy;

import dev.kafkadirect.testing.MockConsumers;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Assign's driver consumer, made by a factory of Kafka's MockConsumers (no broker). */
class AssignStrategyTest {
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);
    private static final TopicPartition ELSEWHERE = new TopicPartition("returns", 0);
    private static final Map<String, Object> KAFKA_PARAMS = Map.of("bootstrap.servers", "127.0.0.1:9",
            "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
            "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
            "dev.kafkadirect.lagWarningBatches", "0");

    private final MockConsumers factory = new MockConsumers();

    @Test
    void theDriverConsumerHasExactlyThePartitionsPausedAtTheStartingOffsetsOfItsOwnPartitions() {
        AssignStrategy<String, String> strategy = AssignStrategy.<String, String>of(List.of(P0, P1), KAFKA_PARAMS,
                Map.of(P1, 42L, ELSEWHERE, 7L)).usingConsumers(factory);

        try (Consumer<String, String> consumer = strategy.onStart(Map.of())) {
            assertThat(consumer).isSameAs(factory.created(0));
            assertThat(consumer.assignment()).containsExactlyInAnyOrder(P0, P1);
            assertThat(consumer.paused()).containsExactlyInAnyOrder(P0, P1);
            assertThat(consumer.position(P1)).isEqualTo(42L);
        }
    }

    @Test
    void offsetsFromACheckpointWinOverTheStartingOffsets() {
        AssignStrategy<String, String> strategy = AssignStrategy.<String, String>of(List.of(P0, P1), KAFKA_PARAMS,
                Map.of(P0, 5L, P1, 42L)).usingConsumers(factory);

        try (Consumer<String, String> consumer = strategy.onStart(Map.of(P0, 100L, P1, 200L))) {
            assertThat(consumer.position(P0)).isEqualTo(100L);
            assertThat(consumer.position(P1)).isEqualTo(200L);
        }
    }

    @Test
    void theDriverConsumerGetsKafkaSettingsOnlyWithAutoCommitOff() {
        AssignStrategy.<String, String>of(List.of(P0), KAFKA_PARAMS, Map.of()).usingConsumers(factory)
                .onStart(Map.of()).close();

        assertThat(factory.paramsOf(0)).doesNotContainKey("dev.kafkadirect.lagWarningBatches")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("bootstrap.servers", "127.0.0.1:9");
    }

    @Test
    void whereConsumersComeFromIsNotPartOfTheStrategysIdentity() {
        AssignStrategy<String, String> strategy = AssignStrategy.of(List.of(P0), KAFKA_PARAMS, Map.of(P0, 1L));

        assertThat(strategy.usingConsumers(factory)).isEqualTo(strategy).hasSameHashCodeAs(strategy);
    }
}
