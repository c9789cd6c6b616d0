package dev.kafkadirect.internal.strategy;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Pauses every partition the driver's consumer is given, inside the poll that assigns it, so the driver
 * joins its group and learns of new partitions without ever fetching records for itself. A partition with a
 * starting offset is sought there too, the first time it is assigned: before the consumer looks up a committed
 * offset for it, which under {@code auto.offset.reset=none} fails for a group that has none.
 *
 * <p>The stream relies on this pause: {@link SubscribeStrategy} is marked {@link PausesOnAssignment}, so the stream's
 * polls do not pause the assignment again. A strategy that stops pausing here must drop that marker.
 */
final class PausingRebalanceListener implements ConsumerRebalanceListener {
    private final Consumer<?, ?> consumer;
    /** Starting offsets not yet sought; touched only by the consumer's polling thread. */
    private final Map<TopicPartition, Long> notYetSought;

    PausingRebalanceListener(Consumer<?, ?> consumer, Map<TopicPartition, Long> startingOffsets) {
        this.consumer = consumer;
        this.notYetSought = new HashMap<>(startingOffsets);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // The stream notices lost partitions by comparing its offsets with the assignment.
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        consumer.pause(partitions);
        for (TopicPartition partition : partitions) {
            Long offset = notYetSought.remove(partition);
            if (offset != null) {
                consumer.seek(partition, offset);
            }
        }
    }
}
