package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.internal.scala.ScalaInterop;
import dev.kafkadirect.internal.strategy.AssignStrategy;
import dev.kafkadirect.internal.strategy.SubscribeStrategy;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ways a direct stream chooses its partitions and starting offsets.
 *
 * <pre>{@code
 * ConsumerStrategies.<String, String>Subscribe(Arrays.asList("topicA", "topicB"), kafkaParams)
 * ConsumerStrategies.<String, String>SubscribePattern(Pattern.compile("events-.*"), kafkaParams)
 * ConsumerStrategies.<String, String>Assign(fromOffsets.keySet(), kafkaParams, fromOffsets)
 * }</pre>
 *
 * <p>Starting offsets, where given, win for the partitions they name; other partitions start at the
 * group's committed offset, else where {@code auto.offset.reset} says. Subscribe and SubscribePattern
 * join the consumer group {@code group.id} (use one group per stream) and follow partitions added while
 * the stream runs; SubscribePattern also follows new matching topics. How soon they are seen is bounded
 * by the consumer's {@code metadata.max.age.ms} (default 5 minutes), which you can lower in kafkaParams.
 * Partitions that appear after the stream started are read from their beginning (or the group's
 * committed offset), so nothing written to them is skipped. Each method has a Java-collection and a
 * Scala-collection variant.
 */
public final class ConsumerStrategies {
    private ConsumerStrategies() {
    }

    /** Subscribe to a fixed collection of topics (Scala). */
    public static <K, V> ConsumerStrategy<K, V> Subscribe(scala.collection.Iterable<String> topics,
                                                          scala.collection.Map<String, ?> kafkaParams) {
        return Subscribe(topics, kafkaParams, scala.collection.immutable.Map$.MODULE$.<TopicPartition, Object>empty());
    }

    /** Subscribe to a fixed collection of topics, starting at the given offsets where given (Scala). */
    public static <K, V> ConsumerStrategy<K, V> Subscribe(scala.collection.Iterable<String> topics,
                                                          scala.collection.Map<String, ?> kafkaParams,
                                                          scala.collection.Map<TopicPartition, ?> offsets) {
        return SubscribeStrategy.topics(ScalaInterop.toJavaList(topics), ScalaInterop.toJavaObjectMap(kafkaParams),
                ScalaInterop.toJavaObjectMap(offsets));
    }

    /** Subscribe to a fixed collection of topics (Java). */
    public static <K, V> ConsumerStrategy<K, V> Subscribe(Collection<String> topics, Map<String, Object> kafkaParams) {
        return SubscribeStrategy.topics(topics, kafkaParams, Collections.emptyMap());
    }

    /** Subscribe to a fixed collection of topics, starting at the given offsets where given (Java). */
    public static <K, V> ConsumerStrategy<K, V> Subscribe(Collection<String> topics, Map<String, Object> kafkaParams,
                                                          Map<TopicPartition, Long> offsets) {
        return SubscribeStrategy.topics(topics, kafkaParams, offsets);
    }

    /** Subscribe to every topic matching a pattern (Scala). */
    public static <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern,
                                                                 scala.collection.Map<String, ?> kafkaParams) {
        return SubscribePattern(pattern, kafkaParams, scala.collection.immutable.Map$.MODULE$.<TopicPartition, Object>empty());
    }

    /** Subscribe to every topic matching a pattern, starting at the given offsets where given (Scala). */
    public static <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern,
                                                                 scala.collection.Map<String, ?> kafkaParams,
                                                                 scala.collection.Map<TopicPartition, ?> offsets) {
        return SubscribeStrategy.pattern(pattern, ScalaInterop.toJavaObjectMap(kafkaParams),
                ScalaInterop.toJavaObjectMap(offsets));
    }

    /** Subscribe to every topic matching a pattern (Java). */
    public static <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern, Map<String, Object> kafkaParams) {
        return SubscribeStrategy.pattern(pattern, kafkaParams, Collections.emptyMap());
    }

    /** Subscribe to every topic matching a pattern, starting at the given offsets where given (Java). */
    public static <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern, Map<String, Object> kafkaParams,
                                                                 Map<TopicPartition, Long> offsets) {
        return SubscribeStrategy.pattern(pattern, kafkaParams, offsets);
    }

    /** Read a fixed collection of partitions (Scala). */
    public static <K, V> ConsumerStrategy<K, V> Assign(scala.collection.Iterable<TopicPartition> topicPartitions,
                                                       scala.collection.Map<String, ?> kafkaParams) {
        return Assign(topicPartitions, kafkaParams, scala.collection.immutable.Map$.MODULE$.<TopicPartition, Object>empty());
    }

    /** Read a fixed collection of partitions, starting at the given offsets where given (Scala). */
    public static <K, V> ConsumerStrategy<K, V> Assign(scala.collection.Iterable<TopicPartition> topicPartitions,
                                                       scala.collection.Map<String, ?> kafkaParams,
                                                       scala.collection.Map<TopicPartition, ?> offsets) {
        return AssignStrategy.of(ScalaInterop.toJavaList(topicPartitions), ScalaInterop.toJavaObjectMap(kafkaParams),
                ScalaInterop.toJavaObjectMap(offsets));
    }

    /** Read a fixed collection of partitions (Java). */
    public static <K, V> ConsumerStrategy<K, V> Assign(Collection<TopicPartition> topicPartitions,
                                                       Map<String, Object> kafkaParams) {
        return AssignStrategy.of(topicPartitions, kafkaParams, Collections.emptyMap());
    }

    /** Read a fixed collection of partitions, starting at the given offsets where given (Java). */
    public static <K, V> ConsumerStrategy<K, V> Assign(Collection<TopicPartition> topicPartitions,
                                                       Map<String, Object> kafkaParams,
                                                       Map<TopicPartition, Long> offsets) {
        return AssignStrategy.of(topicPartitions, kafkaParams, offsets);
    }
}
