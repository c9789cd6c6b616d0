package org.apache.spark.streaming.kafka010;

import org.apache.kafka.common.TopicPartition;

import java.io.Serializable;

/**
 * Rate limits per topic-partition for a direct stream, for when one global
 * {@code spark.streaming.kafka.maxRatePerPartition} does not fit every partition. Extend it and pass
 * it to {@link KafkaUtils#createDirectStream}; it is serialized with the stream's checkpoint.
 *
 * <pre>{@code
 * PerPartitionConfig limits = new PerPartitionConfig() {
 *     public long maxRatePerPartition(TopicPartition partition) {
 *         return partition.topic().equals("clicks") ? 10_000 : 1_000;
 *     }
 * };
 * }</pre>
 */
public abstract class PerPartitionConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * @param topicPartition a partition of the stream
     * @return the most records per second to read from it; 0 or less means no limit
     */
    public abstract long maxRatePerPartition(TopicPartition topicPartition);

    /**
     * @param topicPartition a partition of the stream
     * @return the fewest records per second to read from it when it has them, even under backpressure
     */
    public long minRatePerPartition(TopicPartition topicPartition) {
        return 1;
    }
}
