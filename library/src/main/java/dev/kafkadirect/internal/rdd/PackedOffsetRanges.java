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
 * RDD for every task it runs, so an RDD holding thousands of range objects made each task rebuild all of
 * them by reflection: the cost of a batch grew with the square of its partitions. Read back, the ranges
 * are made with plain constructor calls.
 */
final class PackedOffsetRanges implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Set once, by the constructor or by {@link #readObject}. */
    private transient OffsetRange[] ranges;

    PackedOffsetRanges(OffsetRange[] ranges) {
        this.ranges = ranges.clone();
    }

    /** @return the ranges, in order; the array is shared: callers must not change it */
    OffsetRange[] ranges() {
        return ranges;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        Map<String, Integer> topicIndexes = new HashMap<>();
        int[] topicOf = new int[ranges.length];
        int[] partitions = new int[ranges.length];
        long[] fromOffsets = new long[ranges.length];
        long[] untilOffsets = new long[ranges.length];
        for (int i = 0; i < ranges.length; i++) {
            topicOf[i] = topicIndexes.computeIfAbsent(ranges[i].topic(), topic -> topicIndexes.size());
            partitions[i] = ranges[i].partition();
            fromOffsets[i] = ranges[i].fromOffset();
            untilOffsets[i] = ranges[i].untilOffset();
        }
        String[] topics = new String[topicIndexes.size()];
        topicIndexes.forEach((topic, index) -> topics[index] = topic);
        out.writeObject(topics);
        out.writeObject(topicOf);
        out.writeObject(partitions);
        out.writeObject(fromOffsets);
        out.writeObject(untilOffsets);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        String[] topics = (String[]) in.readObject();
        int[] topicOf = (int[]) in.readObject();
        int[] partitions = (int[]) in.readObject();
        long[] fromOffsets = (long[]) in.readObject();
        long[] untilOffsets = (long[]) in.readObject();
        OffsetRange[] read = new OffsetRange[topicOf.length];
        for (int i = 0; i < read.length; i++) {
            read[i] = OffsetRange.create(topics[topicOf[i]], partitions[i], fromOffsets[i], untilOffsets[i]);
        }
        ranges = read;
    }
}
