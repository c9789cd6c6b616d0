package dev.kafkadirect.internal.metrics;

import dev.kafkadirect.internal.consumer.LeaseOrigin;
import dev.kafkadirect.metrics.BatchMetrics;
import dev.kafkadirect.metrics.PartitionMetrics;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;

/**
 * A batch as planned (one range per partition and the latest offsets seen), with the accumulator its
 * tasks report to. Travels in the batch's {@code StreamInputInfo} metadata, so that listeners read the
 * batch's metrics when Spark says it completed.
 */
public final class BatchReport implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The metadata key of a batch's report in its {@code StreamInputInfo}. */
    public static final String METADATA_KEY = "kafka-direct";

    private final int streamId;
    private final long batchTimeMillis;
    /**
     * The ranges as the batch's input info lists them (the same list, not a copy: Spark keeps the input info of as
     * many batches as its UI shows, and an array beside the list was 4 bytes a partition a batch more).
     */
    private final scala.collection.immutable.Seq<OffsetRange> ranges;
    private final int partitionCount;
    /**
     * Each range's lag (its partition's latest offset minus the range's end), in the ranges' order; null when no
     * partition lags. Kept for as long as Spark keeps the batch's input info (the streaming UI keeps 1,000 batches
     * by default), so an array, and none for a stream that keeps up, rather than a map of latest offsets.
     */
    private final long[] lags;
    private final int lagGrowthStreak;
    private final ReadAccumulator reads;

    /**
     * @param streamId the input stream's id
     * @param batchTimeMillis the batch's time
     * @param ranges the planned ranges, one per partition, as the batch's input info lists them; kept, not copied
     * @param latestOffsets the latest offset of each partition when planned
     * @param lagGrowthStreak given the batch's total lag, the consecutive batches of growing total lag, this one
     *        included (lags are worked out once, here: thousands of partitions every batch)
     * @param reads the accumulator of the batch's RDD
     */
    public BatchReport(int streamId, long batchTimeMillis, scala.collection.immutable.Seq<OffsetRange> ranges,
                       Map<TopicPartition, Long> latestOffsets, LongToIntFunction lagGrowthStreak, ReadAccumulator reads) {
        this.streamId = streamId;
        this.batchTimeMillis = batchTimeMillis;
        this.ranges = ranges;
        this.partitionCount = ranges.size();
        long[] lags = new long[partitionCount];
        long totalLag = 0;
        scala.collection.Iterator<OffsetRange> inOrder = ranges.iterator();
        for (int i = 0; inOrder.hasNext(); i++) {
            lags[i] = lag(inOrder.next(), latestOffsets);
            totalLag += lags[i];
        }
        this.lags = totalLag > 0 ? lags : null;
        this.lagGrowthStreak = lagGrowthStreak.applyAsInt(totalLag);
        this.reads = reads;
    }

    /** @return latest offset minus the range's end, never negative (0 when the latest offset is unknown) */
    public static long lag(OffsetRange range, Map<TopicPartition, Long> latestOffsets) {
        return Math.max(0, latestOffsets.getOrDefault(range.topicPartition(), range.untilOffset()) - range.untilOffset());
    }

    /** @return the metrics now: lag as planned, records and bytes as read so far (all of them once the batch completed) */
    public BatchMetrics metrics() {
        ReadTotals read = reads.value().copy();
        List<PartitionMetrics> partitions = new ArrayList<>(partitionCount);
        scala.collection.Iterator<OffsetRange> inOrder = ranges.iterator();
        for (int i = 0; inOrder.hasNext(); i++) {
            OffsetRange range = inOrder.next();
            TopicPartition partition = range.topicPartition();
            long latestOffset = range.untilOffset() + (lags == null ? 0 : lags[i]);
            partitions.add(new PartitionMetrics(partition, range.fromOffset(), range.untilOffset(), latestOffset,
                    read.records(partition), read.bytes(partition)));
        }
        return new BatchMetrics(streamId, batchTimeMillis, partitions, lagGrowthStreak,
                read.consumers(LeaseOrigin.CREATED), read.consumers(LeaseOrigin.MOVED));
    }

    @Override
    public String toString() {
        return "kafka-direct batch " + batchTimeMillis + " of stream " + streamId;
    }
}
