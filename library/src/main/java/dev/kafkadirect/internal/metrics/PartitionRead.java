package dev.kafkadirect.internal.metrics;

import dev.kafkadirect.internal.consumer.LeaseOrigin;
import org.apache.kafka.common.TopicPartition;

import java.io.Serializable;

/** What one task read from one Kafka partition, and where its consumer came from. Immutable. */
public final class PartitionRead implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TopicPartition partition;
    private final long records;
    private final long bytes;
    private final LeaseOrigin consumerOrigin;

    public PartitionRead(TopicPartition partition, long records, long bytes, LeaseOrigin consumerOrigin) {
        this.partition = partition;
        this.records = records;
        this.bytes = bytes;
        this.consumerOrigin = consumerOrigin;
    }

    public TopicPartition partition() {
        return partition;
    }

    public long records() {
        return records;
    }

    public long bytes() {
        return bytes;
    }

    public LeaseOrigin consumerOrigin() {
        return consumerOrigin;
    }
}
