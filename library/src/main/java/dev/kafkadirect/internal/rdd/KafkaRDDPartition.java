package dev.kafkadirect.internal.rdd;

import org.apache.spark.Partition;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.util.Optional;

/**
 * One partition of a {@link KafkaRDD}: an offset range, where it prefers to run, and whether another partition of
 * the RDD reads on from where this range ends (a split Kafka partition's sub-range other than the last).
 */
public final class KafkaRDDPartition implements Partition {
    private static final long serialVersionUID = 1L;

    private final int index;
    private final OffsetRange offsetRange;
    /** A Spark task location, or null when any executor will do. */
    private final String preferredLocation;
    private final boolean readOnByAnother;

    KafkaRDDPartition(int index, OffsetRange offsetRange, Optional<String> preferredLocation, boolean readOnByAnother) {
        this.index = index;
        this.offsetRange = offsetRange;
        this.preferredLocation = preferredLocation.orElse(null);
        this.readOnByAnother = readOnByAnother;
    }

    @Override
    public int index() {
        return index;
    }

    public OffsetRange offsetRange() {
        return offsetRange;
    }

    public Optional<String> preferredLocation() {
        return Optional.ofNullable(preferredLocation);
    }

    /**
     * @return whether another partition of the RDD starts where this range ends, in the same Kafka partition, so the
     *         consumer that read this range will not go on from there
     */
    public boolean readOnByAnother() {
        return readOnByAnother;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KafkaRDDPartition && ((KafkaRDDPartition) other).index == index
                && ((KafkaRDDPartition) other).offsetRange.equals(offsetRange);
    }

    @Override
    public int hashCode() {
        return index;
    }

    @Override
    public String toString() {
        return "KafkaRDDPartition(" + index + ", " + offsetRange + ")";
    }
}
