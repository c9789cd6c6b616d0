package dev.kafkadirect.internal.strategy;

import dev.kafkadirect.internal.consumer.ConsumerFactory;
import dev.kafkadirect.internal.consumer.KafkaConsumers;
import dev.kafkadirect.internal.consumer.KafkaParamsCheck;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Assign a fixed set of partitions (no consumer group membership), optionally at given offsets. Equal when
 * partitions, kafkaParams and starting offsets are.
 */
public final class AssignStrategy<K, V> extends ConsumerStrategy<K, V> implements UpFrontCheck, PausesOnAssignment {
    private static final long serialVersionUID = 1L;

    private final ArrayList<TopicPartition> partitions;
    private final HashMap<String, Object> kafkaParams;
    private final StartingOffsets startingOffsets;
    /** Tests set it; null after deserialization (it is not checkpointed), which means real consumers. */
    private final transient ConsumerFactory consumers;

    private AssignStrategy(Collection<TopicPartition> partitions, Map<String, Object> kafkaParams,
                           StartingOffsets startingOffsets) {
        KafkaParamsCheck.requireNonNull(kafkaParams);
        this.partitions = new ArrayList<>(partitions);
        this.kafkaParams = new HashMap<>(kafkaParams);
        this.startingOffsets = startingOffsets;
        this.consumers = null;
    }

    private AssignStrategy(AssignStrategy<K, V> strategy, ConsumerFactory consumers) {
        this.partitions = strategy.partitions;
        this.kafkaParams = strategy.kafkaParams;
        this.startingOffsets = strategy.startingOffsets;
        this.consumers = consumers;
    }

    /** @return a strategy reading exactly these partitions */
    public static <K, V> AssignStrategy<K, V> of(Collection<TopicPartition> partitions, Map<String, Object> kafkaParams,
                                                 Map<TopicPartition, ?> offsets) {
        if (partitions == null || partitions.isEmpty() || partitions.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("Assign needs at least one topic-partition and no null, but got " + partitions);
        }
        return new AssignStrategy<>(partitions, kafkaParams, StartingOffsets.of(offsets));
    }

    @Override
    public Map<String, Object> executorKafkaParams() {
        return kafkaParams;
    }

    @Override
    public void validate() {
        KafkaParamsCheck.requireConsumerBasics(kafkaParams);
    }

    @Override
    public Consumer<K, V> onStart(Map<TopicPartition, Long> currentOffsets) {
        validate();
        Consumer<K, V> consumer = KafkaConsumers.orReal(consumers).create(
                setAuthenticationConfigIfNeeded(DriverKafkaParams.of(kafkaParams, "Assign")));
        consumer.assign(partitions);
        consumer.pause(partitions);
        startingOffsets.toSeek(currentOffsets).forEach((partition, offset) -> {
            if (partitions.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
        return consumer;
    }

    /**
     * @param factory where the driver consumer comes from (tests give one of {@code MockConsumer}s)
     * @return an equal strategy whose driver consumer the factory makes
     */
    AssignStrategy<K, V> usingConsumers(ConsumerFactory factory) {
        return new AssignStrategy<>(this, factory);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof AssignStrategy)) {
            return false;
        }
        AssignStrategy<?, ?> that = (AssignStrategy<?, ?>) other;
        return partitions.equals(that.partitions) && kafkaParams.equals(that.kafkaParams)
                && startingOffsets.equals(that.startingOffsets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partitions, kafkaParams, startingOffsets);
    }

    @Override
    public String toString() {
        return "Assign(" + partitions + ") starting at " + startingOffsets;
    }
}
