package dev.kafkadirect.internal.strategy;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * Pauses every partition the driver's consumer is given, inside the poll that assigns it, so the driver
 * joins its group and learns of new partitions without ever fetching records for itself.
 */
final class PausingRebalanceListener implements ConsumerRebalanceListener {
    private final Consumer<?, ?> consumer;

    PausingRebalanceListener(Consumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // The stream notices lost partitions by comparing its offsets with the assignment.
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        consumer.pause(partitions);
    }
}
