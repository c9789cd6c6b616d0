package dev.kafkadirect.internal.stream;

import org.apache.kafka.common.TopicPartition;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code dev.kafkadirect.boundedRun}: where a bounded stream ends. Each partition ends at the latest offset seen
 * the first time a batch is planned for it (at start, or when a partition appears later), so records produced
 * after that are left for the next run. Saved with the stream's checkpoint, so a recovered run ends where the
 * first one would have.
 */
final class BoundedRun implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<TopicPartition, Long> ends = new HashMap<>();
    /** The time of the batch that reached every end; -1 until then. */
    private long finalBatchTime = -1;

    /**
     * @param from where each partition's batch starts
     * @param until where each partition's batch would end
     * @param latest each partition's latest offset now
     * @return where each partition's batch ends, no further than the partition's end
     */
    Map<TopicPartition, Long> cap(Map<TopicPartition, Long> from, Map<TopicPartition, Long> until,
                                  Map<TopicPartition, Long> latest) {
        Map<TopicPartition, Long> capped = new HashMap<>();
        until.forEach((partition, offset) -> {
            long end = ends.computeIfAbsent(partition, first -> latest.getOrDefault(first, offset));
            capped.put(partition, Math.max(from.get(partition), Math.min(offset, end)));
        });
        return capped;
    }

    /**
     * Notes the first batch whose ranges reach every partition's end.
     *
     * @param batchTime the batch
     * @param until where its ranges end
     * @return whether this batch is the final one
     */
    boolean finalBatch(long batchTime, Map<TopicPartition, Long> until) {
        if (finalBatchTime >= 0) {
            return false;
        }
        for (Map.Entry<TopicPartition, Long> entry : until.entrySet()) {
            Long end = ends.get(entry.getKey());
            if (end == null || entry.getValue() < end) {
                return false;
            }
        }
        finalBatchTime = batchTime;
        return true;
    }

    /** @return the time of the final batch; -1 until it is planned */
    long finalBatchTime() {
        return finalBatchTime;
    }

    /** @return each partition's end, as planned so far */
    Map<TopicPartition, Long> ends() {
        return new HashMap<>(ends);
    }
}
