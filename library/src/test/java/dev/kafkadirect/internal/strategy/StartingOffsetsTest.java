package dev.kafkadirect.internal.strategy;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartingOffsetsTest {
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    @Test
    void anyNumberIsTakenAsALongAndOffsetsAreValues() {
        StartingOffsets offsets = StartingOffsets.of(Map.of(P0, 5, P1, 7L));

        assertThat(offsets.toSeek(Map.of())).isEqualTo(Map.of(P0, 5L, P1, 7L));
        assertThat(offsets).isEqualTo(StartingOffsets.of(Map.of(P0, 5L, P1, 7L)))
                .hasSameHashCodeAs(StartingOffsets.of(Map.of(P0, 5L, P1, 7L)))
                .isNotEqualTo(StartingOffsets.of(Map.of(P0, 5L)));
        assertThat(StartingOffsets.none().toSeek(Map.of())).isEmpty();
    }

    @Test
    void whereARestartedStreamStandsWinsOverTheConfiguredOffsets() {
        StartingOffsets offsets = StartingOffsets.of(Map.of(P0, 5L));

        assertThat(offsets.toSeek(Map.of(P0, 900L, P1, 40L))).isEqualTo(Map.of(P0, 900L, P1, 40L));
    }

    @Test
    void missingNegativeOrNonNumericOffsetsAreRefusedNamingThePartition() {
        Map<TopicPartition, Object> nullOffset = new HashMap<>();
        nullOffset.put(P1, null);
        Map<TopicPartition, Object> nullPartition = new HashMap<>();
        nullPartition.put(null, 1L);

        assertThatThrownBy(() -> StartingOffsets.of(null))
                .hasMessage("Starting offsets must not be null: pass an empty map for none");
        assertThatThrownBy(() -> StartingOffsets.of(Map.of(P0, -1L)))
                .hasMessage("Starting offset for orders-0 must be a number >= 0 but was -1");
        assertThatThrownBy(() -> StartingOffsets.of(Map.of(P0, "12")))
                .hasMessage("Starting offset for orders-0 must be a number >= 0 but was 12");
        assertThatThrownBy(() -> StartingOffsets.of(nullOffset))
                .hasMessage("Starting offset for orders-1 must be a number >= 0 but was null");
        assertThatThrownBy(() -> StartingOffsets.of(nullPartition))
                .hasMessage("Starting offsets contain a null topic-partition");
    }
}
