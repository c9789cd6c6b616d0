package dev.kafkadirect.internal.strategy;

import dev.kafkadirect.testing.MockConsumers;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscribe's driver consumer, made by a factory of Kafka's MockConsumers whose group assigns on first poll. */
class SubscribeStrategyTest {
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);
    private static final Map<String, Object> KAFKA_PARAMS = Map.of("bootstrap.servers", "127.0.0.1:9",
            "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
            "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
            "group.id", "orders-app", "dev.kafkadirect.groupJoinTimeoutMs", "5000");

    private final MockConsumers groupAssigningBoth = new MockConsumers(mock -> {
        MockConsumer<?, ?> consumer = mock;
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0, P1)));
    });

    @Test
    void withStartingOffsetsItWaitsForTheGroupThenStandsThereWithThePartitionsPaused() {
        SubscribeStrategy<String, String> strategy = SubscribeStrategy.<String, String>topics(List.of("orders"),
                KAFKA_PARAMS, Map.of(P0, 10L, P1, 20L)).usingConsumers(groupAssigningBoth);

        try (Consumer<String, String> consumer = strategy.onStart(Map.of())) {
            assertThat(consumer.subscription()).containsExactly("orders");
            assertThat(consumer.assignment()).containsExactlyInAnyOrder(P0, P1);
            assertThat(consumer.paused()).containsExactlyInAnyOrder(P0, P1);
            assertThat(consumer.position(P0)).isEqualTo(10L);
            assertThat(consumer.position(P1)).isEqualTo(20L);
        }
    }

    @Test
    void offsetsFromACheckpointWinOverTheStartingOffsets() {
        SubscribeStrategy<String, String> strategy = SubscribeStrategy.<String, String>topics(List.of("orders"),
                KAFKA_PARAMS, Map.of(P0, 10L, P1, 20L)).usingConsumers(groupAssigningBoth);

        try (Consumer<String, String> consumer = strategy.onStart(Map.of(P0, 300L, P1, 400L))) {
            assertThat(consumer.position(P0)).isEqualTo(300L);
            assertThat(consumer.position(P1)).isEqualTo(400L);
        }
    }

    @Test
    void withoutStartingOffsetsItReturnsBeforeTheGroupAssignsAnything() {
        MockConsumers factory = new MockConsumers();
        SubscribeStrategy<String, String> strategy = SubscribeStrategy.<String, String>topics(List.of("orders"),
                KAFKA_PARAMS, Map.of()).usingConsumers(factory);

        try (Consumer<String, String> consumer = strategy.onStart(Map.of())) {
            assertThat(consumer.subscription()).containsExactly("orders");
            assertThat(consumer.assignment()).isEmpty();
        }
    }

    @Test
    void theDriverConsumerRebalancesCooperativelyUnlessTheUserChoseAnAssignor() {
        MockConsumers factory = new MockConsumers();
        Map<String, Object> withAssignor = new HashMap<>(KAFKA_PARAMS);
        withAssignor.put("partition.assignment.strategy", RangeAssignor.class.getName());

        SubscribeStrategy.<String, String>topics(List.of("orders"), KAFKA_PARAMS, Map.of())
                .usingConsumers(factory).onStart(Map.of()).close();
        SubscribeStrategy.<String, String>topics(List.of("orders"), withAssignor, Map.of())
                .usingConsumers(factory).onStart(Map.of()).close();

        assertThat(factory.paramsOf(0)).containsEntry("partition.assignment.strategy",
                        CooperativeStickyAssignor.class.getName())
                .containsEntry("enable.auto.commit", false).doesNotContainKey("dev.kafkadirect.groupJoinTimeoutMs");
        assertThat(factory.paramsOf(1)).containsEntry("partition.assignment.strategy", RangeAssignor.class.getName());
    }
}
