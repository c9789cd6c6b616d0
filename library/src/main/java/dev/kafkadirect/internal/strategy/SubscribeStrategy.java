package dev.kafkadirect.internal.strategy;

import dev.kafkadirect.internal.consumer.ConsumerFactory;
import dev.kafkadirect.internal.consumer.KafkaConsumers;
import dev.kafkadirect.internal.consumer.KafkaParamsCheck;
import dev.kafkadirect.internal.time.Ticker;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Subscribe to a fixed list of topics, or to every topic matching a pattern; both follow partitions
 * (and, for a pattern, topics) added while the stream runs. Starting offsets, when given, are sought once
 * the group has assigned the partitions. Equal when topics (or pattern and its flags), kafkaParams and starting
 * offsets are.
 */
public final class SubscribeStrategy<K, V> extends ConsumerStrategy<K, V> implements UpFrontCheck, PausesOnAssignment {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> topics;
    /** Null when subscribing to a list of topics. */
    private final Pattern pattern;
    private final HashMap<String, Object> kafkaParams;
    private final StartingOffsets startingOffsets;
    /** Tests set it; null after deserialization (it is not checkpointed), which means real consumers. */
    private final transient ConsumerFactory consumers;

    private SubscribeStrategy(List<String> topics, Pattern pattern, Map<String, Object> kafkaParams,
                              StartingOffsets startingOffsets) {
        KafkaParamsCheck.requireNonNull(kafkaParams);
        this.topics = new ArrayList<>(topics);
        this.pattern = pattern;
        this.kafkaParams = new HashMap<>(kafkaParams);
        this.startingOffsets = startingOffsets;
        this.consumers = null;
    }

    private SubscribeStrategy(SubscribeStrategy<K, V> strategy, ConsumerFactory consumers) {
        this.topics = strategy.topics;
        this.pattern = strategy.pattern;
        this.kafkaParams = strategy.kafkaParams;
        this.startingOffsets = strategy.startingOffsets;
        this.consumers = consumers;
    }

    /** @return a strategy subscribing to the given topics */
    public static <K, V> SubscribeStrategy<K, V> topics(Collection<String> topics, Map<String, Object> kafkaParams,
                                                        Map<TopicPartition, ?> offsets) {
        if (topics == null || topics.isEmpty() || topics.stream().anyMatch(topic -> topic == null || topic.isEmpty())) {
            throw new IllegalArgumentException("Subscribe needs at least one topic and no empty topic name, but got "
                    + topics);
        }
        return new SubscribeStrategy<>(new ArrayList<>(topics), null, kafkaParams, StartingOffsets.of(offsets));
    }

    /** @return a strategy subscribing to every topic matching the pattern */
    public static <K, V> SubscribeStrategy<K, V> pattern(Pattern pattern, Map<String, Object> kafkaParams,
                                                         Map<TopicPartition, ?> offsets) {
        if (pattern == null) {
            throw new IllegalArgumentException("SubscribePattern needs a pattern, but it was null");
        }
        return new SubscribeStrategy<>(new ArrayList<>(), pattern, kafkaParams, StartingOffsets.of(offsets));
    }

    @Override
    public Map<String, Object> executorKafkaParams() {
        return kafkaParams;
    }

    @Override
    public void validate() {
        KafkaParamsCheck.requireConsumerBasics(kafkaParams);
        KafkaParamsCheck.requireGroupId(kafkaParams, pattern == null ? "Subscribe" : "SubscribePattern");
    }

    @Override
    public Consumer<K, V> onStart(Map<TopicPartition, Long> currentOffsets) {
        validate();
        Map<String, Object> driverParams = DriverKafkaParams.of(kafkaParams, pattern == null ? "Subscribe" : "SubscribePattern");
        // Cooperative rebalancing keeps the partitions the driver owns while others join or topics grow.
        driverParams.putIfAbsent(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName());
        Consumer<K, V> consumer = KafkaConsumers.orReal(consumers).create(setAuthenticationConfigIfNeeded(driverParams));
        Map<TopicPartition, Long> toSeek = startingOffsets.toSeek(currentOffsets);
        // The listener seeks each partition with a starting offset when the group first assigns it.
        PausingRebalanceListener listener = new PausingRebalanceListener(consumer, toSeek);
        if (pattern != null) {
            consumer.subscribe(pattern, listener);
        } else {
            consumer.subscribe(topics, listener);
        }
        if (!toSeek.isEmpty()) {
            GroupJoin.awaitAssignment(consumer, toSeek.keySet(), GroupJoin.timeout(kafkaParams), Ticker.SYSTEM);
        }
        return consumer;
    }

    /**
     * @param factory where the driver consumer comes from (tests give one of {@code MockConsumer}s)
     * @return an equal strategy whose driver consumer the factory makes
     */
    SubscribeStrategy<K, V> usingConsumers(ConsumerFactory factory) {
        return new SubscribeStrategy<>(this, factory);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SubscribeStrategy)) {
            return false;
        }
        SubscribeStrategy<?, ?> that = (SubscribeStrategy<?, ?>) other;
        return topics.equals(that.topics) && Objects.equals(patternText(), that.patternText())
                && patternFlags() == that.patternFlags() && kafkaParams.equals(that.kafkaParams)
                && startingOffsets.equals(that.startingOffsets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topics, patternText(), patternFlags(), kafkaParams, startingOffsets);
    }

    private String patternText() {
        return pattern == null ? null : pattern.pattern();
    }

    private int patternFlags() {
        return pattern == null ? 0 : pattern.flags();
    }

    @Override
    public String toString() {
        return (pattern != null ? "SubscribePattern(" + pattern + ")" : "Subscribe(" + topics + ")")
                + " starting at " + startingOffsets;
    }
}
