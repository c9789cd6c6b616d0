package dev.kafkadirect.metrics;

import org.apache.kafka.common.TopicPartition;

import java.io.Serializable;
import java.util.Objects;

/**
 * One Kafka partition in one batch: the range the batch read, the partition's latest offset when the batch
 * was planned, and what the batch's tasks read. Immutable.
 */
public final class PartitionMetrics implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TopicPartition partition;
    private final long fromOffset;
    private final long untilOffset;
    private final long latestOffset;
    private final long recordsRead;
    private final long bytesRead;

    /**
     * @param partition the Kafka partition
     * @param fromOffset where the batch's range starts
     * @param untilOffset where it ends (exclusive)
     * @param latestOffset the partition's latest offset when the batch was planned
     * @param recordsRead records the batch's successful tasks returned
     * @param bytesRead serialized key and value bytes of those records
     */
    public PartitionMetrics(TopicPartition partition, long fromOffset, long untilOffset, long latestOffset,
                            long recordsRead, long bytesRead) {
        this.partition = Objects.requireNonNull(partition, "partition");
        this.fromOffset = fromOffset;
        this.untilOffset = untilOffset;
        this.latestOffset = latestOffset;
        this.recordsRead = recordsRead;
        this.bytesRead = bytesRead;
    }

    public TopicPartition partition() {
        return partition;
    }

    public long fromOffset() {
        return fromOffset;
    }

    public long untilOffset() {
        return untilOffset;
    }

    public long latestOffset() {
        return latestOffset;
    }

    /** @return offsets left to read after this batch: latest offset minus the range's end (never negative) */
    public long lag() {
        return Math.max(0, latestOffset - untilOffset);
    }

    /** @return offsets in the batch's range */
    public long plannedRecords() {
        return untilOffset - fromOffset;
    }

    public long recordsRead() {
        return recordsRead;
    }

    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof PartitionMetrics)) {
            return false;
        }
        PartitionMetrics that = (PartitionMetrics) other;
        return partition.equals(that.partition) && fromOffset == that.fromOffset && untilOffset == that.untilOffset
                && latestOffset == that.latestOffset && recordsRead == that.recordsRead && bytesRead == that.bytesRead;
    }

    @Override
    public int hashCode() {
        return Objects.hash(partition, fromOffset, untilOffset, latestOffset, recordsRead, bytesRead);
    }

    @Override
    public String toString() {
        return partition + " [" + fromOffset + ", " + untilOffset + ") latest " + latestOffset + " lag " + lag()
                + ", read " + recordsRead + " records / " + bytesRead + " bytes";
    }
}
