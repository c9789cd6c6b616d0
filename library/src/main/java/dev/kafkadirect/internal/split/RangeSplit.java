package dev.kafkadirect.internal.split;

import dev.kafkadirect.internal.config.Settings;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * How large offset ranges are split into several Spark partitions (off by default), so that one hot
 * Kafka partition does not leave the other cores idle. Sub-ranges of one range are consecutive, in
 * offset order, and as equal as possible; a range is never split below one offset per sub-range.
 * Splitting is deterministic and splitting split ranges again changes nothing, so batches restored from a
 * checkpoint read the same sub-ranges. Immutable.
 */
public final class RangeSplit implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Ours: a range with more offsets than this is split into sub-ranges of at most this many (off when unset). */
    public static final String MAX_RECORDS_PER_PARTITION = Settings.MAX_RECORDS_PER_PARTITION.key();
    /** Ours: the largest ranges are split until an RDD has at least this many partitions (off when unset). */
    public static final String MIN_PARTITIONS = Settings.MIN_PARTITIONS.key();

    private static final RangeSplit OFF = new RangeSplit(0, 0);

    /** 0 when off. */
    private final long maxRecordsPerPartition;
    /** 0 when off. */
    private final int minPartitions;

    private RangeSplit(long maxRecordsPerPartition, int minPartitions) {
        this.maxRecordsPerPartition = maxRecordsPerPartition;
        this.minPartitions = minPartitions;
    }

    /** @return no splitting: one Spark partition per range */
    public static RangeSplit off() {
        return OFF;
    }

    /**
     * @param maxRecordsPerPartition the largest sub-range, or null for no limit
     * @param minPartitions the fewest Spark partitions, or null for no minimum
     * @return the split settings
     * @throws IllegalArgumentException naming a setting that is not positive
     */
    public static RangeSplit of(Long maxRecordsPerPartition, Long minPartitions) {
        if (maxRecordsPerPartition != null && maxRecordsPerPartition <= 0) {
            throw new IllegalArgumentException(MAX_RECORDS_PER_PARTITION + " must be > 0 but was " + maxRecordsPerPartition);
        }
        if (minPartitions != null && (minPartitions <= 0 || minPartitions > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(MIN_PARTITIONS + " must be > 0 and at most " + Integer.MAX_VALUE
                    + " but was " + minPartitions);
        }
        return new RangeSplit(maxRecordsPerPartition == null ? 0 : maxRecordsPerPartition,
                minPartitions == null ? 0 : minPartitions.intValue());
    }

    /** @return whether any range may be split */
    public boolean enabled() {
        return maxRecordsPerPartition > 0 || minPartitions > 0;
    }

    /**
     * @param ranges the ranges, in the order their Spark partitions should have
     * @return the ranges with large ones replaced by consecutive sub-ranges (the same array when nothing is split)
     */
    public OffsetRange[] apply(OffsetRange[] ranges) {
        if (!enabled()) {
            return ranges;
        }
        long[] parts = partsPerRange(ranges);
        List<OffsetRange> split = new ArrayList<>();
        for (int i = 0; i < ranges.length; i++) {
            addSubRanges(ranges[i], parts[i], split);
        }
        return split.size() == ranges.length ? ranges : split.toArray(new OffsetRange[0]);
    }

    private long[] partsPerRange(OffsetRange[] ranges) {
        long[] parts = new long[ranges.length];
        long total = 0;
        for (int i = 0; i < ranges.length; i++) {
            long count = ranges[i].count();
            parts[i] = maxRecordsPerPartition > 0 && count > maxRecordsPerPartition
                    ? (count + maxRecordsPerPartition - 1) / maxRecordsPerPartition : 1;
            total += parts[i];
        }
        if (total >= minPartitions) {
            return parts;
        }
        // One more part at a time for the range whose parts are largest, until parts would hold no offset.
        PriorityQueue<Integer> largestPartFirst = new PriorityQueue<>(Math.max(1, ranges.length),
                (a, b) -> {
                    int larger = Double.compare(partSize(ranges[b], parts[b]), partSize(ranges[a], parts[a]));
                    return larger != 0 ? larger : Integer.compare(a, b);
                });
        for (int i = 0; i < ranges.length; i++) {
            largestPartFirst.add(i);
        }
        while (total < minPartitions && !largestPartFirst.isEmpty()) {
            int largest = largestPartFirst.poll();
            if (ranges[largest].count() <= parts[largest]) {
                break;
            }
            parts[largest]++;
            total++;
            largestPartFirst.add(largest);
        }
        return parts;
    }

    /**
     * @param ranges ranges, some of them perhaps sub-ranges of one partition
     * @return the ranges with consecutive entries of one partition that touch joined into one, in order
     */
    public static OffsetRange[] joined(OffsetRange[] ranges) {
        List<OffsetRange> joined = new ArrayList<>(ranges.length);
        for (OffsetRange range : ranges) {
            int last = joined.size() - 1;
            if (last >= 0 && joined.get(last).topicPartition().equals(range.topicPartition())
                    && joined.get(last).untilOffset() == range.fromOffset()) {
                joined.set(last, OffsetRange.create(range.topicPartition(), joined.get(last).fromOffset(),
                        range.untilOffset()));
            } else {
                joined.add(range);
            }
        }
        return joined.size() == ranges.length ? ranges : joined.toArray(new OffsetRange[0]);
    }

    private static double partSize(OffsetRange range, long parts) {
        return (double) range.count() / parts;
    }

    private static void addSubRanges(OffsetRange range, long parts, List<OffsetRange> out) {
        if (parts <= 1) {
            out.add(range);
            return;
        }
        long base = range.count() / parts;
        long larger = range.count() % parts;
        long from = range.fromOffset();
        for (long part = 0; part < parts; part++) {
            long until = from + base + (part < larger ? 1 : 0);
            out.add(OffsetRange.create(range.topicPartition(), from, until));
            from = until;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RangeSplit && ((RangeSplit) other).maxRecordsPerPartition == maxRecordsPerPartition
                && ((RangeSplit) other).minPartitions == minPartitions;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(maxRecordsPerPartition) + minPartitions;
    }

    @Override
    public String toString() {
        return enabled() ? "RangeSplit(" + MAX_RECORDS_PER_PARTITION + "=" + maxRecordsPerPartition + ", "
                + MIN_PARTITIONS + "=" + minPartitions + ")" : "RangeSplit(off)";
    }
}
