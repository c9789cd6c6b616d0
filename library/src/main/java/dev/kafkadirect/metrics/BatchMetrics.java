package dev.kafkadirect.metrics;

import org.apache.kafka.common.TopicPartition;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one batch of a direct stream read and how far behind it was: per partition and in total.
 * Lag is measured when the batch is planned (latest offset minus the batch's end offset); records and
 * bytes count what the batch's successful tasks read. Immutable.
 */
public final class BatchMetrics implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int streamId;
    private final long batchTimeMillis;
    private final List<PartitionMetrics> partitions;
    private final int lagGrowthStreak;
    private final long consumersCreated;
    private final long consumersMoved;

    /**
     * @param streamId the input stream's id (as in Spark's UI)
     * @param batchTimeMillis the batch's time
     * @param partitions per-partition metrics
     * @param lagGrowthStreak for how many consecutive batches (this one included) total lag has grown
     * @param consumersCreated executor consumers created for this batch's tasks
     * @param consumersMoved cached executor consumers reassigned to another partition for this batch's tasks
     */
    public BatchMetrics(int streamId, long batchTimeMillis, List<PartitionMetrics> partitions, int lagGrowthStreak,
                        long consumersCreated, long consumersMoved) {
        this.streamId = streamId;
        this.batchTimeMillis = batchTimeMillis;
        List<PartitionMetrics> sorted = new ArrayList<>(partitions);
        sorted.sort(Comparator.comparing((PartitionMetrics metrics) -> metrics.partition().topic())
                .thenComparingInt(metrics -> metrics.partition().partition()));
        this.partitions = Collections.unmodifiableList(sorted);
        this.lagGrowthStreak = lagGrowthStreak;
        this.consumersCreated = consumersCreated;
        this.consumersMoved = consumersMoved;
    }

    public int streamId() {
        return streamId;
    }

    public long batchTimeMillis() {
        return batchTimeMillis;
    }

    /** @return one entry per Kafka partition, by topic and partition number */
    public List<PartitionMetrics> partitions() {
        return partitions;
    }

    /** @return for how many consecutive batches, this one included, total lag has grown (0 when it did not) */
    public int lagGrowthStreak() {
        return lagGrowthStreak;
    }

    public long consumersCreated() {
        return consumersCreated;
    }

    public long consumersMoved() {
        return consumersMoved;
    }

    /** @return offsets in the batch's ranges */
    public long plannedRecords() {
        return partitions.stream().mapToLong(PartitionMetrics::plannedRecords).sum();
    }

    public long recordsRead() {
        return partitions.stream().mapToLong(PartitionMetrics::recordsRead).sum();
    }

    public long bytesRead() {
        return partitions.stream().mapToLong(PartitionMetrics::bytesRead).sum();
    }

    public long totalLag() {
        return partitions.stream().mapToLong(PartitionMetrics::lag).sum();
    }

    /** @return the largest lag of any partition (0 without partitions) */
    public long maxLag() {
        return maxLagPartition().map(PartitionMetrics::lag).orElse(0L);
    }

    /** @return the partition with the largest lag (the first by topic and number on ties) */
    public Optional<PartitionMetrics> maxLagPartition() {
        PartitionMetrics largest = null;
        for (PartitionMetrics partition : partitions) {
            if (largest == null || partition.lag() > largest.lag()) {
                largest = partition;
            }
        }
        return Optional.ofNullable(largest);
    }

    /** @return the mean lag over the partitions (0 without partitions) */
    public double averageLag() {
        return partitions.isEmpty() ? 0 : (double) totalLag() / partitions.size();
    }

    /** @return the metrics of one Kafka partition, if the batch planned a range for it */
    public Optional<PartitionMetrics> partition(TopicPartition topicPartition) {
        return partitions.stream().filter(metrics -> metrics.partition().equals(topicPartition)).findFirst();
    }

    @Override
    public String toString() {
        return "BatchMetrics(stream " + streamId + ", batch " + batchTimeMillis + ", " + partitions.size()
                + " partitions, " + plannedRecords() + " records planned, " + recordsRead() + " read, "
                + bytesRead() + " bytes, max lag " + maxLag() + ", total lag " + totalLag() + ")";
    }
}
