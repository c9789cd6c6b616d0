package dev.kafkadirect.internal.consumer;

import org.apache.kafka.common.TopicPartition;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What identifies a cached executor consumer: its whole configuration (so a consumer of another cluster, or
 * with other deserializers or credentials, is never lent) and the topic-partition it reads. Printed as the
 * group id and partition only: the configuration may hold secrets.
 */
public final class CacheKey {
    private final Map<String, Object> executorParams;
    private final TopicPartition partition;

    /**
     * @param executorParams the executor consumer's kafkaParams; copied
     * @param partition the topic-partition
     */
    public CacheKey(Map<String, Object> executorParams, TopicPartition partition) {
        this.executorParams = Collections.unmodifiableMap(new HashMap<>(Objects.requireNonNull(executorParams, "executorParams")));
        this.partition = Objects.requireNonNull(partition, "partition");
    }

    public TopicPartition partition() {
        return partition;
    }

    /** @return whether a consumer of {@code other} could read this key's partition after a reassignment */
    boolean sameConfiguration(CacheKey other) {
        return other.executorParams.equals(executorParams);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CacheKey && ((CacheKey) other).partition.equals(partition)
                && ((CacheKey) other).executorParams.equals(executorParams);
    }

    @Override
    public int hashCode() {
        return 31 * executorParams.hashCode() + partition.hashCode();
    }

    @Override
    public String toString() {
        return "(group.id " + ExecutorKafkaParams.groupIdOf(executorParams) + ", " + partition + ")";
    }
}
