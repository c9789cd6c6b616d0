package dev.kafkadirect.internal.strategy;

import dev.kafkadirect.internal.consumer.KafkaConsumers;
import dev.kafkadirect.internal.stream.PartitionOrder;
import dev.kafkadirect.time.NoRecordAtTime;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Subscribe, SubscribePattern or Assign starting at the offsets of a time: on a first start (no checkpointed
 * offsets) it looks up, for every partition the topics, the pattern or the assignment has then, the earliest
 * offset at or after the time (one time for all, or one per partition), and starts the built-in strategy there.
 * A restart from a checkpoint continues where the stream stood, as the built-in strategies do. Partitions without
 * a time of their own (created later, or not in a per-partition map) start as the built-in strategy starts them.
 */
public final class TimestampStrategy<K, V> extends ConsumerStrategy<K, V> implements UpFrontCheck, PausesOnAssignment {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TimestampStrategy.class);

    /** Null unless subscribing to a list of topics. */
    private final ArrayList<String> topics;
    /** Null unless subscribing to a pattern. */
    private final Pattern pattern;
    /** Null unless assigning partitions. */
    private final ArrayList<TopicPartition> partitions;
    private final HashMap<String, Object> kafkaParams;
    /** The time of every partition; null when {@link #times} names them. */
    private final Long timeForAll;
    private final HashMap<TopicPartition, Long> times;
    private final NoRecordAtTime policy;

    private TimestampStrategy(List<String> topics, Pattern pattern, List<TopicPartition> partitions,
                              Map<String, Object> kafkaParams, Long timeForAll, Map<TopicPartition, Long> times,
                              NoRecordAtTime policy) {
        this.topics = topics == null ? null : new ArrayList<>(topics);
        this.pattern = pattern;
        this.partitions = partitions == null ? null : new ArrayList<>(partitions);
        this.kafkaParams = new HashMap<>(Objects.requireNonNull(kafkaParams, "kafkaParams"));
        this.timeForAll = timeForAll;
        this.times = new HashMap<>(times);
        this.policy = Objects.requireNonNull(policy, "the policy for partitions with no record at the time");
        delegate(Collections.emptyMap());
    }

    /** @return Subscribe to the topics, starting every partition they have at the time */
    public static <K, V> TimestampStrategy<K, V> subscribe(Collection<String> topics, Map<String, Object> kafkaParams,
                                                           long timestampMs, NoRecordAtTime policy) {
        return new TimestampStrategy<>(new ArrayList<>(topics), null, null, kafkaParams, timestampMs,
                Collections.emptyMap(), policy);
    }

    /** @return Subscribe to the topics, starting the partitions named at their times */
    public static <K, V> TimestampStrategy<K, V> subscribe(Collection<String> topics, Map<String, Object> kafkaParams,
                                                           Map<TopicPartition, Long> timestampsMs, NoRecordAtTime policy) {
        return new TimestampStrategy<>(new ArrayList<>(topics), null, null, kafkaParams, null,
                requireTimes(timestampsMs), policy);
    }

    /** @return SubscribePattern, starting every partition of the topics matching it at start at the time */
    public static <K, V> TimestampStrategy<K, V> subscribePattern(Pattern pattern, Map<String, Object> kafkaParams,
                                                                  long timestampMs, NoRecordAtTime policy) {
        return new TimestampStrategy<>(null, pattern, null, kafkaParams, timestampMs, Collections.emptyMap(), policy);
    }

    /** @return Assign the partitions, starting each at the time */
    public static <K, V> TimestampStrategy<K, V> assign(Collection<TopicPartition> partitions,
                                                        Map<String, Object> kafkaParams, long timestampMs,
                                                        NoRecordAtTime policy) {
        return new TimestampStrategy<>(null, null, new ArrayList<>(partitions), kafkaParams, timestampMs,
                Collections.emptyMap(), policy);
    }

    /** @return Assign the partitions, starting those named at their times */
    public static <K, V> TimestampStrategy<K, V> assign(Collection<TopicPartition> partitions,
                                                        Map<String, Object> kafkaParams,
                                                        Map<TopicPartition, Long> timestampsMs, NoRecordAtTime policy) {
        return new TimestampStrategy<>(null, null, new ArrayList<>(partitions), kafkaParams, null,
                requireTimes(timestampsMs), policy);
    }

    @Override
    public Map<String, Object> executorKafkaParams() {
        return kafkaParams;
    }

    @Override
    public void validate() {
        ((UpFrontCheck) delegate(Collections.emptyMap())).validate();
    }

    @Override
    public Consumer<K, V> onStart(Map<TopicPartition, Long> currentOffsets) {
        if (!currentOffsets.isEmpty()) {
            return delegate(Collections.emptyMap()).onStart(currentOffsets);
        }
        validate();
        Map<TopicPartition, Long> offsets;
        try (Consumer<K, V> lookup = KafkaConsumers.REAL.create(
                setAuthenticationConfigIfNeeded(OffsetsForTimes.lookupParams(kafkaParams)))) {
            offsets = OffsetsForTimes.resolve(lookup, timesOf(lookup), policy);
        }
        LOG.info("{} starts at {}", this, PartitionOrder.sorted(offsets));
        return delegate(offsets).onStart(currentOffsets);
    }

    private Map<TopicPartition, Long> timesOf(Consumer<K, V> lookup) {
        if (timeForAll == null) {
            return times;
        }
        List<TopicPartition> all = topics != null ? OffsetsForTimes.partitionsOf(lookup, topics)
                : pattern != null ? OffsetsForTimes.partitionsMatching(lookup, pattern) : partitions;
        Map<TopicPartition, Long> each = new HashMap<>();
        all.forEach(partition -> each.put(partition, timeForAll));
        return each;
    }

    private ConsumerStrategy<K, V> delegate(Map<TopicPartition, Long> offsets) {
        if (topics != null) {
            return SubscribeStrategy.topics(topics, kafkaParams, offsets);
        }
        if (pattern != null) {
            return SubscribeStrategy.pattern(pattern, kafkaParams, offsets);
        }
        return AssignStrategy.of(partitions, kafkaParams, offsets);
    }

    private static Map<TopicPartition, Long> requireTimes(Map<TopicPartition, Long> timestampsMs) {
        if (timestampsMs == null || timestampsMs.isEmpty() || timestampsMs.entrySet().stream()
                .anyMatch(entry -> entry.getKey() == null || entry.getValue() == null)) {
            throw new IllegalArgumentException("A start by time per partition needs at least one partition and a"
                    + " time for each, but got " + timestampsMs);
        }
        return timestampsMs;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TimestampStrategy)) {
            return false;
        }
        TimestampStrategy<?, ?> that = (TimestampStrategy<?, ?>) other;
        return Objects.equals(topics, that.topics) && Objects.equals(String.valueOf(pattern), String.valueOf(that.pattern))
                && Objects.equals(partitions, that.partitions) && kafkaParams.equals(that.kafkaParams)
                && Objects.equals(timeForAll, that.timeForAll) && times.equals(that.times) && policy == that.policy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topics, String.valueOf(pattern), partitions, kafkaParams, timeForAll, times, policy);
    }

    @Override
    public String toString() {
        String what = topics != null ? "Subscribe(" + topics + ")" : pattern != null ? "SubscribePattern(" + pattern + ")"
                : "Assign(" + partitions + ")";
        return what + " from time " + (timeForAll != null ? timeForAll + " ms" : PartitionOrder.sorted(times) + " ms")
                + ", " + policy + " where no record is that recent";
    }
}
