package dev.kafkadirect.internal.stream;

import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** One planned batch: its ranges (one per partition, in topic-partition order) and the offsets seen planning it. */
final class PlannedBatch {
    private final OffsetRange[] ranges;
    private final Map<TopicPartition, Long> latest;
    private final Map<TopicPartition, Long> until;

    PlannedBatch(OffsetRange[] ranges, Map<TopicPartition, Long> latest, Map<TopicPartition, Long> until) {
        this.ranges = ranges.clone();
        this.latest = Collections.unmodifiableMap(new HashMap<>(latest));
        this.until = Collections.unmodifiableMap(new HashMap<>(until));
    }

    /** @return the ranges to read */
    OffsetRange[] ranges() {
        return ranges.clone();
    }

    /** @return each partition's latest offset when the batch was planned */
    Map<TopicPartition, Long> latest() {
        return latest;
    }

    /** @return where each partition's next batch starts */
    Map<TopicPartition, Long> until() {
        return until;
    }

    /** @return the partitions the batch reads */
    Set<TopicPartition> partitions() {
        return until.keySet();
    }
}
