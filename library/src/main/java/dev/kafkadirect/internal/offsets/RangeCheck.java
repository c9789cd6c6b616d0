package dev.kafkadirect.internal.offsets;

import dev.kafkadirect.offsets.OffsetMismatchException;
import dev.kafkadirect.internal.split.RangeSplit;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;

/**
 * The rule every exactly-once store of ours applies: a range may be applied only where the stored
 * position of its partition is the range's start (or nothing is stored yet); a stored position at or past
 * the range's end means the range was applied already.
 */
public final class RangeCheck {
    /** What to do with one range, given the stored position of its partition. */
    public enum Verdict {
        /** The range continues the stored position (or nothing is stored): apply it. */
        APPLY,
        /** The stored position is at or past the range's end and the range is not empty: it was applied. */
        ALREADY_APPLIED,
        /** The stored position is before the range's start, or inside the range. */
        MISMATCH
    }

    private RangeCheck() {
    }

    /**
     * @param stored the stored position of the range's partition, or null when none is stored
     * @param range the range a batch wants to apply
     * @return what to do with it
     */
    public static Verdict verdict(Long stored, OffsetRange range) {
        if (stored == null || stored == range.fromOffset()) {
            return Verdict.APPLY;
        }
        if (range.untilOffset() > range.fromOffset() && stored >= range.untilOffset()) {
            return Verdict.ALREADY_APPLIED;
        }
        return Verdict.MISMATCH;
    }

    /**
     * @param store names the store, e.g. "offset store table kafka_direct_offsets (stream 'counts')"
     * @param stored the stored position of the range's partition
     * @param range the range that does not continue it
     * @return an exception explaining the mismatch and what it means
     */
    public static OffsetMismatchException mismatch(String store, long stored, OffsetRange range) {
        TopicPartition topicPartition = range.topicPartition();
        String meaning = stored > range.fromOffset()
                ? "offsets " + range.fromOffset() + " to " + (Math.min(stored, range.untilOffset()) - 1)
                        + " were applied before and would be applied twice"
                : "offsets " + stored + " to " + (range.fromOffset() - 1) + " were never applied and would be skipped"
                        + " (if the stream splits partitions with " + RangeSplit.MAX_RECORDS_PER_PARTITION + " or "
                        + RangeSplit.MIN_PARTITIONS + ", store offsets per batch, not per task)";
        return new OffsetMismatchException(store + " holds offset " + stored + " for " + topicPartition
                + ", but the batch's range for " + topicPartition + " starts at " + range.fromOffset()
                + " (range " + range.fromOffset() + " until " + range.untilOffset() + "): " + meaning
                + ". The transaction was not committed. Restart the stream from the stored offsets, or correct"
                + " the store if it is wrong.", topicPartition, stored, range.fromOffset());
    }
}
