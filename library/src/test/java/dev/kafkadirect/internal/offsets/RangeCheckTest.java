package dev.kafkadirect.internal.offsets;

import dev.kafkadirect.internal.offsets.RangeCheck.Verdict;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RangeCheckTest {
    private static final OffsetRange RANGE = OffsetRange.create("orders", 3, 100, 200);

    @Test
    void aRangeIsAppliedWhereTheStoredPositionIsItsStartOrNothingIsStored() {
        assertThat(RangeCheck.verdict(null, RANGE)).isEqualTo(Verdict.APPLY);
        assertThat(RangeCheck.verdict(100L, RANGE)).isEqualTo(Verdict.APPLY);
        assertThat(RangeCheck.verdict(100L, OffsetRange.create("orders", 3, 100, 100))).isEqualTo(Verdict.APPLY);
    }

    @Test
    void aStoredPositionAtOrPastTheEndOfANonEmptyRangeMeansItWasApplied() {
        assertThat(RangeCheck.verdict(200L, RANGE)).isEqualTo(Verdict.ALREADY_APPLIED);
        assertThat(RangeCheck.verdict(350L, RANGE)).isEqualTo(Verdict.ALREADY_APPLIED);
        assertThat(RangeCheck.verdict(350L, OffsetRange.create("orders", 3, 100, 100))).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void aStoredPositionBeforeOrInsideTheRangeIsAMismatchSayingWhatWouldGoWrong() {
        assertThat(RangeCheck.verdict(60L, RANGE)).isEqualTo(Verdict.MISMATCH);
        assertThat(RangeCheck.verdict(150L, RANGE)).isEqualTo(Verdict.MISMATCH);

        assertThat(RangeCheck.mismatch("store S", 150, RANGE)).hasMessage("store S holds offset 150 for orders-3, but"
                + " the batch's range for orders-3 starts at 100 (range 100 until 200): offsets 100 to 149 were applied"
                + " before and would be applied twice. The transaction was not committed. Restart the stream from the"
                + " stored offsets, or correct the store if it is wrong.");
        assertThat(RangeCheck.mismatch("store S", 60, RANGE)).hasMessageContaining(": offsets 60 to 99 were never"
                + " applied and would be skipped (if the stream splits partitions with dev.kafkadirect.maxRecordsPerPartition"
                + " or dev.kafkadirect.minPartitions, store offsets per batch, not per task).");
    }
}
