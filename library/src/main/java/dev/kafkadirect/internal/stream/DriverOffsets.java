package dev.kafkadirect.internal.stream;

import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** What planning a batch asks of the driver's consumer: its partitions and their offsets. */
interface DriverOffsets {
    /** @return the partitions assigned now, after letting the group make progress (unmodifiable) */
    Set<TopicPartition> refreshAssignment();

    /** @return the partitions assigned once a rebalance in progress has had time to give {@code expected} back */
    Set<TopicPartition> awaitRebalance(Set<TopicPartition> expected);

    /** @return those of the partitions the cluster does not list now */
    Set<TopicPartition> missingPartitions(Set<TopicPartition> partitions);

    /** @return where partitions new to the stream start: the group's committed offset, else their beginning */
    Map<TopicPartition, Long> committedOrEarliest(Collection<TopicPartition> partitions);

    /** @return the latest offset (for read_committed, the last stable one) of each partition */
    Map<TopicPartition, Long> latestOffsets(Collection<TopicPartition> partitions);
}
