package dev.kafkadirect.internal.strategy;

import dev.kafkadirect.internal.config.Settings;
import dev.kafkadirect.internal.consumer.KafkaDirectOptions;
import dev.kafkadirect.internal.time.Ticker;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Polls a subscribed consumer (its partitions paused on assignment) until the group has assigned partitions. */
public final class GroupJoin {
    private static final Duration POLL = Duration.ofMillis(100);

    private GroupJoin() {
    }

    /**
     * Polls until the consumer holds at least one of {@code wanted} (or any partition when empty), or for
     * at most {@code max} ({@code dev.kafkadirect.groupJoinTimeoutMs}, 30 s by default); then returns with
     * whatever is assigned (later batches pick up the rest).
     *
     * @param consumer a subscribed consumer whose rebalance listener pauses assigned partitions
     * @param wanted partitions the caller wants to seek
     * @param max how long to wait
     * @param ticker the time the wait is measured with
     * @return whether it holds what it waited for
     */
    public static boolean awaitAssignment(Consumer<?, ?> consumer, Set<TopicPartition> wanted, Duration max,
                                          Ticker ticker) {
        long deadline = ticker.nanoTime() + max.toNanos();
        while (ticker.nanoTime() - deadline < 0) {
            consumer.pause(consumer.assignment());
            consumer.poll(POLL);
            Set<TopicPartition> assignment = consumer.assignment();
            if (!assignment.isEmpty() && (wanted.isEmpty() || assignment.stream().anyMatch(wanted::contains))) {
                consumer.pause(assignment);
                return true;
            }
        }
        return false;
    }

    /**
     * @param kafkaParams the strategy's kafkaParams
     * @return how long to wait for the first assignment: {@code dev.kafkadirect.groupJoinTimeoutMs} from
     *         kafkaParams, else from the driver's SparkConf, else 30 s
     */
    public static Duration timeout(Map<String, Object> kafkaParams) {
        SparkEnv env = SparkEnv.get();
        Map<String, String> options = KafkaDirectOptions.of(env == null ? new SparkConf(false) : env.conf(), kafkaParams);
        String millis = options.get(Settings.GROUP_JOIN_TIMEOUT_MS.key());
        return Duration.ofMillis(millis == null ? Settings.GROUP_JOIN_TIMEOUT_MS.defaultValue()
                : Settings.GROUP_JOIN_TIMEOUT_MS.parse(millis));
    }
}
