package dev.kafkadirect.internal.strategy;

import dev.kafkadirect.testing.SteppingTicker;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waiting for a group's first assignment, on Kafka's MockConsumer with a ticker that moves 100 ms per read. */
class GroupJoinTest {
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private final MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);

    @Test
    void returnsOnceTheGroupAssignsAWantedPartitionWithItPaused() {
        consumer.subscribe(List.of("orders"));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0, P1)));

        assertThat(GroupJoin.awaitAssignment(consumer, Set.of(P1), Duration.ofSeconds(30), new SteppingTicker())).isTrue();
        assertThat(consumer.assignment()).containsExactlyInAnyOrder(P0, P1);
        assertThat(consumer.paused()).containsExactlyInAnyOrder(P0, P1);
    }

    @Test
    void givesUpAfterTheTimeoutWhenNothingIsAssigned() {
        consumer.subscribe(List.of("orders"));
        SteppingTicker ticker = new SteppingTicker();

        assertThat(GroupJoin.awaitAssignment(consumer, Set.of(), Duration.ofSeconds(2), ticker)).isFalse();
        assertThat(consumer.assignment()).isEmpty();
        // 100 ms per reading: the wait read the ticker about 2 s / 100 ms times, not more.
        assertThat(ticker.nanoTime()).isBetween(Duration.ofSeconds(2).toNanos(), Duration.ofSeconds(3).toNanos());
    }

    @Test
    void theTimeoutComesFromKafkaParamsAndMustBePositive() {
        assertThat(GroupJoin.timeout(Map.of("dev.kafkadirect.groupJoinTimeoutMs", 1_500))).hasMillis(1_500);
        assertThatThrownBy(() -> GroupJoin.timeout(Map.of("dev.kafkadirect.groupJoinTimeoutMs", "0")))
                .hasMessage("dev.kafkadirect.groupJoinTimeoutMs must be > 0 but was 0");
        assertThatThrownBy(() -> GroupJoin.timeout(Map.of("dev.kafkadirect.groupJoinTimeoutMs", "soon")))
                .hasMessage("dev.kafkadirect.groupJoinTimeoutMs must be a whole number but was 'soon'");
    }
}
