package dev.kafkadirect.internal.consumer;

import org.apache.kafka.common.TopicPartition;

import java.util.Objects;

/** What identifies a cached executor consumer: the executor group id and the topic-partition it reads. */
public final class CacheKey {
    private final String groupId;
    private final TopicPartition partition;

    public CacheKey(String groupId, TopicPartition partition) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.partition = Objects.requireNonNull(partition, "partition");
    }

    public TopicPartition partition() {
        return partition;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CacheKey && ((CacheKey) other).groupId.equals(groupId)
                && ((CacheKey) other).partition.equals(partition);
    }

    @Override
    public int hashCode() {
        return 31 * groupId.hashCode() + partition.hashCode();
    }

    @Override
    public String toString() {
        return "(group.id " + groupId + ", " + partition + ")";
    }
}
