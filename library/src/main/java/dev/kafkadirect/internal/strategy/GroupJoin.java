package dev.kafkadirect.internal.strategy;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Set;

/** Polls a subscribed consumer (its partitions paused on assignment) until the group has assigned partitions. */
public final class GroupJoin {
    private static final Duration POLL = Duration.ofMillis(100);

    private GroupJoin() {
    }

    /**
     * Polls until the consumer holds at least one of {@code wanted} (or any partition when empty), or for
     * at most 30 s; then returns with whatever is assigned (later batches pick up the rest).
     *
     * @param consumer a subscribed consumer whose rebalance listener pauses assigned partitions
     * @param wanted partitions the caller wants to seek
     */
    public static void awaitAssignment(Consumer<?, ?> consumer, Set<TopicPartition> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() - deadline < 0) {
            consumer.pause(consumer.assignment());
            consumer.poll(POLL);
            Set<TopicPartition> assignment = consumer.assignment();
            if (!assignment.isEmpty() && (wanted.isEmpty() || assignment.stream().anyMatch(wanted::contains))) {
                consumer.pause(assignment);
                return;
            }
        }
    }
}
