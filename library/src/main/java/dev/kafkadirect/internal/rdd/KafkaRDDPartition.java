package dev.kafkadirect.internal.rdd;

import org.apache.spark.Partition;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.util.Optional;

/** One partition of a {@link KafkaRDD}: an offset range and where it prefers to run. */
public final class KafkaRDDPartition implements Partition {
    private static final long serialVersionUID = 1L;

    private final int index;
    private final OffsetRange offsetRange;
    /** A Spark task location, or null when any executor will do. */
    private final String preferredLocation;

    KafkaRDDPartition(int index, OffsetRange offsetRange, Optional<String> preferredLocation) {
        this.index = index;
        this.offsetRange = offsetRange;
        this.preferredLocation = preferredLocation.orElse(null);
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
