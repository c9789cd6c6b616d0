package dev.kafkadirect.offsets;

import dev.kafkadirect.internal.offsets.StoredOffsetsStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;

import java.util.Collection;
import java.util.Map;

/**
 * Consumer strategies that start a stream where an {@link OffsetStore} says it is: the guide's
 * "begin from the offsets committed to the database", read when the stream starts.
 *
 * <pre>{@code
 * KafkaUtils.createDirectStream(jssc, LocationStrategies.PreferConsistent(),
 *     OffsetStoreStrategies.<String, String>subscribe(store, "wordcount", Arrays.asList("words"), kafkaParams));
 * }</pre>
 *
 * <p>Partitions the store does not hold (a new stream, a new partition) start like any Subscribe or Assign:
 * at the group's committed offset, else by {@code auto.offset.reset}. Keep {@code enable.auto.commit}
 * false and do not call {@code commitAsync} when the store is the source of truth. A stream recovered from
 * a Spark checkpoint keeps the checkpoint's offsets.
 */
public final class OffsetStoreStrategies {
    private OffsetStoreStrategies() {
    }

    /**
     * @param store where the stream's offsets are stored
     * @param streamId the stream's name in the store
     * @param topics the topics to subscribe to
     * @param kafkaParams as for {@code ConsumerStrategies.Subscribe}, with a {@code group.id}
     * @return a strategy for {@code KafkaUtils.createDirectStream}
     */
    public static <K, V> ConsumerStrategy<K, V> subscribe(OffsetStore<?> store, String streamId,
                                                          Collection<String> topics, Map<String, Object> kafkaParams) {
        return StoredOffsetsStrategy.subscribe(store, streamId, topics, kafkaParams);
    }

    /**
     * @param store where the stream's offsets are stored
     * @param streamId the stream's name in the store
     * @param partitions the partitions to read
     * @param kafkaParams as for {@code ConsumerStrategies.Assign}
     * @return a strategy for {@code KafkaUtils.createDirectStream}
     */
    public static <K, V> ConsumerStrategy<K, V> assign(OffsetStore<?> store, String streamId,
                                                       Collection<TopicPartition> partitions,
                                                       Map<String, Object> kafkaParams) {
        return StoredOffsetsStrategy.assign(store, streamId, partitions, kafkaParams);
    }
}
