package dev.kafkadirect.internal.strategy;

import org.apache.kafka.common.TopicPartition;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Starting offsets given to a strategy, validated: every offset a number, none negative. A value. */
final class StartingOffsets implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<TopicPartition, Long> offsets;

    private StartingOffsets(HashMap<TopicPartition, Long> offsets) {
        this.offsets = offsets;
    }

    static StartingOffsets none() {
        return new StartingOffsets(new HashMap<>());
    }

    /**
     * @param offsets starting offset per partition; values may be any {@link Number} (Scala callers pass
     *                boxed scala Longs)
     * @throws IllegalArgumentException naming the partition with a missing or negative offset
     */
    static StartingOffsets of(Map<TopicPartition, ?> offsets) {
        if (offsets == null) {
            throw new IllegalArgumentException("Starting offsets must not be null: pass an empty map for none");
        }
        HashMap<TopicPartition, Long> copy = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition == null) {
                throw new IllegalArgumentException("Starting offsets contain a null topic-partition");
            }
            if (!(offset instanceof Number) || ((Number) offset).longValue() < 0) {
                throw new IllegalArgumentException("Starting offset for " + partition + " must be a number >= 0 but was "
                        + offset);
            }
            copy.put(partition, ((Number) offset).longValue());
        });
        return new StartingOffsets(copy);
    }

    /**
     * @param currentOffsets where a restarted stream stands; they win over the configured offsets
     * @return the offsets to seek to
     */
    Map<TopicPartition, Long> toSeek(Map<TopicPartition, Long> currentOffsets) {
        return Collections.unmodifiableMap(currentOffsets.isEmpty() ? offsets : currentOffsets);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StartingOffsets && offsets.equals(((StartingOffsets) other).offsets);
    }

    @Override
    public int hashCode() {
        return offsets.hashCode();
    }

    @Override
    public String toString() {
        return offsets.toString();
    }
}
