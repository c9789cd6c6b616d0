package dev.kafkadirect.internal.stream;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dev.kafkadirect.maxRecordsPerBatch}: a cap on the records of a whole batch, applied after the
 * per-partition limits ({@link RateLimit}), so the smallest limit wins. The cap is shared among partitions in
 * proportion to their lag; a partition whose other limits allow less than its share keeps to them, and what it
 * leaves goes to the others in the same proportion. A batch under the cap reads exactly
 * {@code min(cap, records the other limits allow)} records; the rounding remainder goes to the partitions with
 * the largest fractions (ties: most lag, then topic-partition order).
 */
final class BatchCap {
    private BatchCap() {
    }

    /**
     * @param from where each partition's batch starts
     * @param allowed where each partition's batch may end under the per-partition limits
     * @param latest each partition's latest offset
     * @param maxRecords the cap for the whole batch, above 0
     * @return where each partition's batch ends
     */
    static Map<TopicPartition, Long> apply(Map<TopicPartition, Long> from, Map<TopicPartition, Long> allowed,
                                           Map<TopicPartition, Long> latest, long maxRecords) {
        Map<TopicPartition, Long> room = new HashMap<>();
        long totalRoom = 0;
        for (Map.Entry<TopicPartition, Long> entry : from.entrySet()) {
            long records = Math.max(0, allowed.get(entry.getKey()) - entry.getValue());
            room.put(entry.getKey(), records);
            totalRoom += records;
        }
        if (totalRoom <= maxRecords) {
            return new HashMap<>(allowed);
        }
        Map<TopicPartition, Long> granted = share(room, lags(from, latest, room), maxRecords);
        Map<TopicPartition, Long> until = new HashMap<>();
        from.forEach((partition, start) -> until.put(partition, start + granted.getOrDefault(partition, 0L)));
        return until;
    }

    /** Lag of each partition with room; a partition with room has lag, so each weight is above 0. */
    private static Map<TopicPartition, Long> lags(Map<TopicPartition, Long> from, Map<TopicPartition, Long> latest,
                                                  Map<TopicPartition, Long> room) {
        Map<TopicPartition, Long> lags = new HashMap<>();
        room.forEach((partition, records) -> {
            if (records > 0) {
                lags.put(partition, Math.max(records, latest.get(partition) - from.get(partition)));
            }
        });
        return lags;
    }

    /** Water-filling: shares by lag, capped by room, until the cap is spent (the total room exceeds it). */
    private static Map<TopicPartition, Long> share(Map<TopicPartition, Long> room, Map<TopicPartition, Long> lags,
                                                   long maxRecords) {
        Map<TopicPartition, Long> granted = new HashMap<>();
        Map<TopicPartition, Long> open = new HashMap<>(lags);
        long left = maxRecords;
        boolean someoneFilled = true;
        while (someoneFilled && left > 0 && !open.isEmpty()) {
            someoneFilled = false;
            double weight = open.values().stream().mapToDouble(Long::doubleValue).sum();
            for (Map.Entry<TopicPartition, Long> entry : new ArrayList<>(open.entrySet())) {
                long space = room.get(entry.getKey());
                if (left * (entry.getValue() / weight) >= space) {
                    granted.put(entry.getKey(), space);
                    open.remove(entry.getKey());
                    someoneFilled = true;
                }
            }
            left = maxRecords - granted.values().stream().mapToLong(Long::longValue).sum();
        }
        divide(open, left, granted);
        return granted;
    }

    /** Splits {@code records} among the open partitions by lag, none reaching its room, rounding exactly. */
    private static void divide(Map<TopicPartition, Long> open, long records, Map<TopicPartition, Long> granted) {
        double weight = open.values().stream().mapToDouble(Long::doubleValue).sum();
        List<Map.Entry<TopicPartition, Long>> byFraction = new ArrayList<>(open.entrySet());
        Map<TopicPartition, Double> fraction = new HashMap<>();
        long given = 0;
        for (Map.Entry<TopicPartition, Long> entry : byFraction) {
            double exact = records * (entry.getValue() / weight);
            long whole = (long) Math.floor(exact);
            granted.put(entry.getKey(), whole);
            fraction.put(entry.getKey(), exact - whole);
            given += whole;
        }
        byFraction.sort(Comparator.<Map.Entry<TopicPartition, Long>>comparingDouble(entry -> -fraction.get(entry.getKey()))
                .thenComparing(entry -> -entry.getValue())
                .thenComparing(entry -> entry.getKey().topic())
                .thenComparingInt(entry -> entry.getKey().partition()));
        for (int i = 0; given < records && i < byFraction.size(); i++, given++) {
            granted.merge(byFraction.get(i).getKey(), 1L, Long::sum);
        }
    }
}
