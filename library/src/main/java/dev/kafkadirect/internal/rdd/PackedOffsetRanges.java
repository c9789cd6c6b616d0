package dev.kafkadirect.internal.rdd;

import org.apache.spark.streaming.kafka010.OffsetRange;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * An RDD's offset ranges, serialized as a handful of primitive arrays. Spark deserializes a task's whole
 * RDD for every task it runs: as range objects, each task of a batch of n partitions rebuilt n objects
 * field by field through reflection. Now a task reads five arrays, and range objects are made only if
 * someone asks for them (tasks read the range of their own partition, which travels separately).
 */
final class PackedOffsetRanges implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The ranges, or null in a deserialized copy until {@link #ranges()} is first called. */
    private transient OffsetRange[] ranges;
    private transient String[] topics;
    private transient int[] topicOf;
    private transient int[] partitions;
    private transient long[] fromOffsets;
    private transient long[] untilOffsets;

    PackedOffsetRanges(OffsetRange[] ranges) {
        this.ranges = ranges.clone();
    }

    /** @return the ranges, in order; the array is shared: callers must not change it */
    synchronized OffsetRange[] ranges() {
        if (ranges == null) {
            OffsetRange[] unpacked = new OffsetRange[topicOf.length];
            for (int i = 0; i < unpacked.length; i++) {
                unpacked[i] = OffsetRange.create(topics[topicOf[i]], partitions[i], fromOffsets[i], untilOffsets[i]);
            }
            ranges = unpacked;
        }
        return ranges;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        OffsetRange[] all = ranges();
        Map<String, Integer> topicIndexes = new HashMap<>();
        int[] topicIndexOf = new int[all.length];
        int[] partitionOf = new int[all.length];
        long[] fromOffsetOf = new long[all.length];
        long[] untilOffsetOf = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            topicIndexOf[i] = topicIndexes.computeIfAbsent(all[i].topic(), topic -> topicIndexes.size());
            partitionOf[i] = all[i].partition();
            fromOffsetOf[i] = all[i].fromOffset();
            untilOffsetOf[i] = all[i].untilOffset();
        }
        String[] topicNames = new String[topicIndexes.size()];
        topicIndexes.forEach((topic, index) -> topicNames[index] = topic);
        out.writeObject(topicNames);
        out.writeObject(topicIndexOf);
        out.writeObject(partitionOf);
        out.writeObject(fromOffsetOf);
        out.writeObject(untilOffsetOf);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        topics = (String[]) in.readObject();
        topicOf = (int[]) in.readObject();
        partitions = (int[]) in.readObject();
        fromOffsets = (long[]) in.readObject();
        untilOffsets = (long[]) in.readObject();
    }
}
