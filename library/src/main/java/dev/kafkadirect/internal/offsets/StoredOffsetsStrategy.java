package dev.kafkadirect.internal.offsets;

import dev.kafkadirect.internal.strategy.PausesOnAssignment;
import dev.kafkadirect.offsets.OffsetStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Subscribe or Assign, starting where an offset store says the stream is. The store is read when the
 * stream starts, not when the strategy is made; a stream recovered from a checkpoint keeps the
 * checkpoint's offsets.
 */
public final class StoredOffsetsStrategy<K, V> extends ConsumerStrategy<K, V> implements PausesOnAssignment {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StoredOffsetsStrategy.class);

    private final OffsetStore<?> store;
    private final String streamId;
    /** Null when assigning partitions. */
    private final ArrayList<String> topics;
    /** Null when subscribing to topics. */
    private final ArrayList<TopicPartition> partitions;
    private final HashMap<String, Object> kafkaParams;

    private StoredOffsetsStrategy(OffsetStore<?> store, String streamId, Collection<String> topics,
                                  Collection<TopicPartition> partitions, Map<String, Object> kafkaParams) {
        if (store == null || streamId == null || streamId.isEmpty()) {
            throw new IllegalArgumentException("Starting from an offset store needs the store and a stream id, but got "
                    + store + " and '" + streamId + "'");
        }
        this.store = store;
        this.streamId = streamId;
        this.topics = topics == null ? null : new ArrayList<>(topics);
        this.partitions = partitions == null ? null : new ArrayList<>(partitions);
        this.kafkaParams = new HashMap<>(kafkaParams);
        // Fail now, not at start, on what Subscribe or Assign would refuse.
        delegate(new HashMap<>());
    }

    /** @return a strategy subscribing to the topics from the stored offsets */
    public static <K, V> StoredOffsetsStrategy<K, V> subscribe(OffsetStore<?> store, String streamId,
                                                               Collection<String> topics, Map<String, Object> kafkaParams) {
        return new StoredOffsetsStrategy<>(store, streamId, topics, null, kafkaParams);
    }

    /** @return a strategy assigning the partitions from the stored offsets */
    public static <K, V> StoredOffsetsStrategy<K, V> assign(OffsetStore<?> store, String streamId,
                                                            Collection<TopicPartition> partitions,
                                                            Map<String, Object> kafkaParams) {
        return new StoredOffsetsStrategy<>(store, streamId, null, partitions, kafkaParams);
    }

    @Override
    public Map<String, Object> executorKafkaParams() {
        return kafkaParams;
    }

    @Override
    public Consumer<K, V> onStart(Map<TopicPartition, Long> currentOffsets) {
        Map<TopicPartition, Long> starting = new HashMap<>();
        if (currentOffsets.isEmpty()) {
            Set<String> streamTopics = new HashSet<>();
            if (topics != null) {
                streamTopics.addAll(topics);
            } else {
                partitions.forEach(partition -> streamTopics.add(partition.topic()));
            }
            store.load(streamId).forEach((partition, offset) -> {
                if (streamTopics.contains(partition.topic())) {
                    starting.put(partition, offset);
                }
            });
            LOG.info("Stream '{}' starts from {}: {} partitions stored {}; partitions not stored start by the group's"
                    + " committed offsets or auto.offset.reset", streamId, store, starting.size(), starting);
        }
        return delegate(starting).onStart(currentOffsets);
    }

    private ConsumerStrategy<K, V> delegate(Map<TopicPartition, Long> starting) {
        if (topics != null) {
            return ConsumerStrategies.Subscribe(topics, kafkaParams, starting);
        }
        return ConsumerStrategies.Assign(partitions, kafkaParams, starting);
    }
}
