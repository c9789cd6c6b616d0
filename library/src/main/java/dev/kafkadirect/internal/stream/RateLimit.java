package dev.kafkadirect.internal.stream;

import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.PerPartitionConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How far one batch may read in each partition: up to the latest offset, at most
 * {@code maxRatePerPartition × batch seconds} records, and under backpressure the estimated rate shared
 * among partitions in proportion to their lag, never below {@code minRatePerPartition × batch seconds}.
 */
final class RateLimit {
    private RateLimit() {
    }

    /**
     * @param current where each partition's next batch starts
     * @param latest the latest offset of each partition
     * @param batchMillis the batch interval
     * @param config per-partition max and min rates
     * @param estimatedRate the backpressure rate for the whole stream, records per second, when enabled
     * @return where each partition's batch ends
     */
    static Map<TopicPartition, Long> untilOffsets(Map<TopicPartition, Long> current, Map<TopicPartition, Long> latest,
                                                  long batchMillis, PerPartitionConfig config,
                                                  OptionalLong estimatedRate) {
        double seconds = batchMillis / 1000.0;
        long totalLag = 0;
        for (Map.Entry<TopicPartition, Long> entry : current.entrySet()) {
            totalLag += Math.max(0, latest.get(entry.getKey()) - entry.getValue());
        }
        Map<TopicPartition, Long> until = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> entry : current.entrySet()) {
            TopicPartition partition = entry.getKey();
            long from = entry.getValue();
            long end = Math.max(from, latest.get(partition));
            long lag = end - from;
            double rate = Double.POSITIVE_INFINITY;
            long maxRate = config.maxRatePerPartition(partition);
            if (maxRate > 0) {
                rate = maxRate;
            }
            if (estimatedRate.isPresent() && totalLag > 0) {
                double share = estimatedRate.getAsLong() * ((double) lag / totalLag);
                rate = Math.min(rate, Math.max(share, config.minRatePerPartition(partition)));
            }
            if (Double.isInfinite(rate)) {
                until.put(partition, end);
            } else {
                long records = Math.max(1, (long) Math.floor(rate * seconds));
                until.put(partition, Math.min(end, from + records));
            }
        }
        return until;
    }
}
