package org.apache.spark.streaming.kafka010;

import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binary compatibility for Scala applications compiled against Apache's module, where
 * {@code ConsumerStrategies} is a Scala {@code object}. Every method delegates to
 * {@link ConsumerStrategies}; do not use this class from source code.
 */
public final class ConsumerStrategies$ {
    /** The instance Scala-compiled callers use. */
    public static final ConsumerStrategies$ MODULE$ = new ConsumerStrategies$();

    private ConsumerStrategies$() {
    }

    /** See {@link ConsumerStrategies}. */
    public <K, V> ConsumerStrategy<K, V> Subscribe(scala.collection.Iterable<String> topics, scala.collection.Map<String, ?> kafkaParams) {
        return ConsumerStrategies.Subscribe(topics, kafkaParams);
    }

    /** See {@link ConsumerStrategies}. */
    public <K, V> ConsumerStrategy<K, V> Subscribe(scala.collection.Iterable<String> topics, scala.collection.Map<String, ?> kafkaParams, scala.collection.Map<TopicPartition, ?> offsets) {
        return ConsumerStrategies.Subscribe(topics, kafkaParams, offsets);
    }

    /** See {@link ConsumerStrategies}. */
    public <K, V> ConsumerStrategy<K, V> Subscribe(Collection<String> topics, Map<String, Object> kafkaParams) {
        return ConsumerStrategies.Subscribe(topics, kafkaParams);
    }

    /** See {@link ConsumerStrategies}. */
    public <K, V> ConsumerStrategy<K, V> Subscribe(Collection<String> topics, Map<String, Object> kafkaParams, Map<TopicPartition, Long> offsets) {
        return ConsumerStrategies.Subscribe(topics, kafkaParams, offsets);
    }

    /** See {@link ConsumerStrategies}. */
    public <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern, scala.collection.Map<String, ?> kafkaParams) {
        return ConsumerStrategies.SubscribePattern(pattern, kafkaParams);
    }

    /** See {@link ConsumerStrategies}. */
    public <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern, scala.collection.Map<String, ?> kafkaParams, scala.collection.Map<TopicPartition, ?> offsets) {
        return ConsumerStrategies.SubscribePattern(pattern, kafkaParams, offsets);
    }

    /** See {@link ConsumerStrategies}. */
    public <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern, Map<String, Object> kafkaParams) {
        return ConsumerStrategies.SubscribePattern(pattern, kafkaParams);
    }

    /** See {@link ConsumerStrategies}. */
    public <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern, Map<String, Object> kafkaParams, Map<TopicPartition, Long> offsets) {
        return ConsumerStrategies.SubscribePattern(pattern, kafkaParams, offsets);
    }

    /** See {@link ConsumerStrategies}. */
    public <K, V> ConsumerStrategy<K, V> Assign(scala.collection.Iterable<TopicPartition> topicPartitions, scala.collection.Map<String, ?> kafkaParams) {
        return ConsumerStrategies.Assign(topicPartitions, kafkaParams);
    }

    /** See {@link ConsumerStrategies}. */
    public <K, V> ConsumerStrategy<K, V> Assign(scala.collection.Iterable<TopicPartition> topicPartitions, scala.collection.Map<String, ?> kafkaParams, scala.collection.Map<TopicPartition, ?> offsets) {
        return ConsumerStrategies.Assign(topicPartitions, kafkaParams, offsets);
    }

    /** See {@link ConsumerStrategies}. */
    public <K, V> ConsumerStrategy<K, V> Assign(Collection<TopicPartition> topicPartitions, Map<String, Object> kafkaParams) {
        return ConsumerStrategies.Assign(topicPartitions, kafkaParams);
    }

    /** See {@link ConsumerStrategies}. */
    public <K, V> ConsumerStrategy<K, V> Assign(Collection<TopicPartition> topicPartitions, Map<String, Object> kafkaParams, Map<TopicPartition, Long> offsets) {
        return ConsumerStrategies.Assign(topicPartitions, kafkaParams, offsets);
    }
}
