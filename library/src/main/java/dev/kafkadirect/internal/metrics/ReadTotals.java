package dev.kafkadirect.internal.metrics;

import dev.kafkadirect.internal.consumer.LeaseOrigin;
import org.apache.kafka.common.TopicPartition;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;

/**
 * What the tasks of one RDD read: records and bytes per Kafka partition, and how many consumers were
 * cached, moved or created. Mutable while accumulating ({@link #copy()} gives a snapshot); thread-safe, because
 * Spark's status listener prints the driver's copy while tasks' updates are merged into it.
 */
public final class ReadTotals implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<TopicPartition, long[]> recordsAndBytes = new HashMap<>();
    private final EnumMap<LeaseOrigin, Long> consumers = new EnumMap<>(LeaseOrigin.class);

    synchronized void add(PartitionRead read) {
        long[] totals = recordsAndBytes.computeIfAbsent(read.partition(), partition -> new long[2]);
        totals[0] += read.records();
        totals[1] += read.bytes();
        consumers.merge(read.consumerOrigin(), 1L, Long::sum);
    }

    void addAll(ReadTotals other) {
        ReadTotals snapshot = other.copy();
        synchronized (this) {
            addAllUnsynchronized(snapshot);
        }
    }

    private void addAllUnsynchronized(ReadTotals other) {
        other.recordsAndBytes.forEach((partition, totals) -> {
            long[] mine = recordsAndBytes.computeIfAbsent(partition, key -> new long[2]);
            mine[0] += totals[0];
            mine[1] += totals[1];
        });
        other.consumers.forEach((origin, count) -> consumers.merge(origin, count, Long::sum));
    }

    synchronized boolean isEmpty() {
        return recordsAndBytes.isEmpty() && consumers.isEmpty();
    }

    /** @return a snapshot */
    public synchronized ReadTotals copy() {
        ReadTotals copy = new ReadTotals();
        copy.addAllUnsynchronized(this);
        return copy;
    }

    /** @return records read from the partition by successful tasks */
    public synchronized long records(TopicPartition partition) {
        return recordsAndBytes.getOrDefault(partition, new long[2])[0];
    }

    /** @return serialized key and value bytes read from the partition by successful tasks */
    public synchronized long bytes(TopicPartition partition) {
        return recordsAndBytes.getOrDefault(partition, new long[2])[1];
    }

    /** @return how many successful tasks got their consumer the given way */
    public synchronized long consumers(LeaseOrigin origin) {
        return consumers.getOrDefault(origin, 0L);
    }


    @Override
    public synchronized String toString() {
        long records = 0;
        long bytes = 0;
        for (long[] totals : recordsAndBytes.values()) {
            records += totals[0];
            bytes += totals[1];
        }
        return "records " + records + ", bytes " + bytes + ", consumers cached " + consumers(LeaseOrigin.CACHED)
                + ", moved " + consumers(LeaseOrigin.MOVED) + ", created " + consumers(LeaseOrigin.CREATED);
    }
}
