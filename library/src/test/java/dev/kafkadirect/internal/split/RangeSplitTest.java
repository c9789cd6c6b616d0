package dev.kafkadirect.internal.split;

import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeSplitTest {
    private static final OffsetRange HOT = OffsetRange.create("events", 0, 100, 1100);
    private static final OffsetRange COLD = OffsetRange.create("events", 1, 0, 10);
    private static final OffsetRange EMPTY = OffsetRange.create("events", 2, 7, 7);

    @Test
    void offLeavesTheRangesAsTheyAre() {
        OffsetRange[] ranges = {HOT, COLD};
        assertThat(RangeSplit.off().apply(ranges)).isSameAs(ranges);
        assertThat(RangeSplit.of(null, null).enabled()).isFalse();
    }

    @Test
    void maxRecordsPerPartitionSplitsLargeRangesIntoConsecutiveNearlyEqualSubRanges() {
        OffsetRange[] split = RangeSplit.of(300L, null).apply(new OffsetRange[] {HOT, COLD, EMPTY});

        assertThat(split).containsExactly(
                OffsetRange.create("events", 0, 100, 350), OffsetRange.create("events", 0, 350, 600),
                OffsetRange.create("events", 0, 600, 850), OffsetRange.create("events", 0, 850, 1100),
                COLD, EMPTY);
    }

    @Test
    void unevenSizesDifferByOneAtMost() {
        assertThat(RangeSplit.of(4L, null).apply(new OffsetRange[] {COLD})).containsExactly(
                OffsetRange.create("events", 1, 0, 4), OffsetRange.create("events", 1, 4, 7),
                OffsetRange.create("events", 1, 7, 10));
    }

    @Test
    void minPartitionsSplitsTheLargestRangesFirst() {
        OffsetRange[] split = RangeSplit.of(null, 6L).apply(new OffsetRange[] {HOT, COLD, EMPTY});

        assertThat(split).hasSize(6).endsWith(COLD, EMPTY);
        assertThat(split[0]).isEqualTo(OffsetRange.create("events", 0, 100, 350));
        assertThat(split[3]).isEqualTo(OffsetRange.create("events", 0, 850, 1100));
    }

    @Test
    void aRangeIsNeverSplitBelowOneOffsetPerSubRange() {
        OffsetRange three = OffsetRange.create("events", 3, 0, 3);

        OffsetRange[] split = RangeSplit.of(null, 50L).apply(new OffsetRange[] {three, EMPTY});

        assertThat(split).containsExactly(OffsetRange.create("events", 3, 0, 1), OffsetRange.create("events", 3, 1, 2),
                OffsetRange.create("events", 3, 2, 3), EMPTY);
    }

    @Test
    void splittingSplitRangesAgainChangesNothing() {
        RangeSplit both = RangeSplit.of(300L, 9L);
        OffsetRange[] once = both.apply(new OffsetRange[] {HOT, COLD, EMPTY, OffsetRange.create("events", 3, 0, 3)});

        assertThat(both.apply(once)).containsExactly(once);
        assertThat(once).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void joinedUndoesASplitAndLeavesRangesThatDoNotTouchApart() {
        OffsetRange[] split = RangeSplit.of(300L, null).apply(new OffsetRange[] {HOT, COLD});
        OffsetRange apart = OffsetRange.create("events", 1, 20, 30);

        assertThat(RangeSplit.joined(split)).containsExactly(HOT, COLD);
        assertThat(RangeSplit.joined(new OffsetRange[] {COLD, apart})).containsExactly(COLD, apart);
    }

    @Test
    void settingsThatAreNotPositiveAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> RangeSplit.of(0L, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dev.kafkadirect.maxRecordsPerPartition must be > 0 but was 0");
        assertThatThrownBy(() -> RangeSplit.of(null, -2L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dev.kafkadirect.minPartitions must be > 0 and at most 2147483647 but was -2");
    }
}
