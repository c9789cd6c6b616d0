package dev.kafkadirect.time;

import dev.kafkadirect.internal.scala.ScalaInterop;
import dev.kafkadirect.internal.strategy.TimestampStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Consumer strategies that start a stream at a point in time: the guide's Subscribe, SubscribePattern and
 * Assign, each starting at the earliest offset of every partition whose record has a timestamp at or after the
 * time (Kafka's {@code offsetsForTimes}). Times are milliseconds since the epoch
 * ({@code Instant.parse("2026-12-01T03:00:00Z").toEpochMilli()}).
 *
 * <pre>{@code
 * JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(streamingContext,
 *     LocationStrategies.PreferConsistent(),
 *     TimestampStrategies.<String, String>Subscribe(Arrays.asList("orders"), kafkaParams,
 *         Instant.parse("2026-12-01T03:00:00Z").toEpochMilli(), NoRecordAtTime.LATEST));
 * }</pre>
 *
 * <p>From Scala, with the guide's collections:
 * <pre>{@code
 * val stream = KafkaUtils.createDirectStream[String, String](streamingContext, PreferConsistent,
 *   TimestampStrategies.Subscribe[String, String](Array("orders"), kafkaParams,
 *     Instant.parse("2026-12-01T03:00:00Z").toEpochMilli, NoRecordAtTime.LATEST))
 * }</pre>
 *
 * <p>Times are looked up once, when the stream first starts; a stream restarted from its checkpoint continues
 * where it stood, and one with {@code dev.kafkadirect.offsetJournal} continues from the journal. Partitions that
 * appear later (new partitions, new topics matching the pattern), and partitions a per-partition map leaves out,
 * start as the built-in strategy starts them: at the group's committed offset, else per
 * {@code auto.offset.reset} (Assign, Subscribe at start), or at their beginning (added while running).
 */
public final class TimestampStrategies {
    private TimestampStrategies() {
    }

    /**
     * @param topics the topics, which must exist
     * @param kafkaParams as for {@code ConsumerStrategies.Subscribe}
     * @param timestampMs the time, in milliseconds since the epoch, for every partition of the topics
     * @param noRecord what to do with a partition that has no record at or after the time
     * @return the strategy
     */
    public static <K, V> ConsumerStrategy<K, V> Subscribe(Collection<String> topics, Map<String, Object> kafkaParams,
                                                          long timestampMs, NoRecordAtTime noRecord) {
        return TimestampStrategy.subscribe(topics, kafkaParams, timestampMs, noRecord);
    }

    /**
     * @param timestampsMs a time per partition; the topics' other partitions start as Subscribe starts them
     * @return the strategy
     */
    public static <K, V> ConsumerStrategy<K, V> Subscribe(Collection<String> topics, Map<String, Object> kafkaParams,
                                                          Map<TopicPartition, Long> timestampsMs,
                                                          NoRecordAtTime noRecord) {
        return TimestampStrategy.subscribe(topics, kafkaParams, timestampsMs, noRecord);
    }

    /**
     * @param pattern as for {@code ConsumerStrategies.SubscribePattern}; the topics matching it at start begin
     *                at the time
     * @return the strategy
     */
    public static <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern, Map<String, Object> kafkaParams,
                                                                 long timestampMs, NoRecordAtTime noRecord) {
        return TimestampStrategy.subscribePattern(pattern, kafkaParams, timestampMs, noRecord);
    }

    /** @return Assign, every partition starting at the time */
    public static <K, V> ConsumerStrategy<K, V> Assign(Collection<TopicPartition> topicPartitions,
                                                       Map<String, Object> kafkaParams, long timestampMs,
                                                       NoRecordAtTime noRecord) {
        return TimestampStrategy.assign(topicPartitions, kafkaParams, timestampMs, noRecord);
    }

    /**
     * @param timestampsMs a time per partition; the other partitions start as Assign starts them
     * @return the strategy
     */
    public static <K, V> ConsumerStrategy<K, V> Assign(Collection<TopicPartition> topicPartitions,
                                                       Map<String, Object> kafkaParams,
                                                       Map<TopicPartition, Long> timestampsMs, NoRecordAtTime noRecord) {
        return TimestampStrategy.assign(topicPartitions, kafkaParams, timestampsMs, noRecord);
    }

    /** Subscribe, every partition starting at the time (Scala). */
    public static <K, V> ConsumerStrategy<K, V> Subscribe(scala.collection.Iterable<String> topics,
                                                          scala.collection.Map<String, ?> kafkaParams,
                                                          long timestampMs, NoRecordAtTime noRecord) {
        return TimestampStrategy.subscribe(ScalaInterop.toJavaList(topics), ScalaInterop.toJavaObjectMap(kafkaParams),
                timestampMs, noRecord);
    }

    /** Subscribe, the partitions named starting at their times (Scala). */
    public static <K, V> ConsumerStrategy<K, V> Subscribe(scala.collection.Iterable<String> topics,
                                                          scala.collection.Map<String, ?> kafkaParams,
                                                          scala.collection.Map<TopicPartition, ?> timestampsMs,
                                                          NoRecordAtTime noRecord) {
        return TimestampStrategy.subscribe(ScalaInterop.toJavaList(topics), ScalaInterop.toJavaObjectMap(kafkaParams),
                millis(timestampsMs), noRecord);
    }

    /** SubscribePattern, every partition matching at start beginning at the time (Scala). */
    public static <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern,
                                                                 scala.collection.Map<String, ?> kafkaParams,
                                                                 long timestampMs, NoRecordAtTime noRecord) {
        return TimestampStrategy.subscribePattern(pattern, ScalaInterop.toJavaObjectMap(kafkaParams), timestampMs, noRecord);
    }

    /** Assign, every partition starting at the time (Scala). */
    public static <K, V> ConsumerStrategy<K, V> Assign(scala.collection.Iterable<TopicPartition> topicPartitions,
                                                       scala.collection.Map<String, ?> kafkaParams, long timestampMs,
                                                       NoRecordAtTime noRecord) {
        return TimestampStrategy.assign(ScalaInterop.toJavaList(topicPartitions),
                ScalaInterop.toJavaObjectMap(kafkaParams), timestampMs, noRecord);
    }

    /** Assign, the partitions named starting at their times (Scala). */
    public static <K, V> ConsumerStrategy<K, V> Assign(scala.collection.Iterable<TopicPartition> topicPartitions,
                                                       scala.collection.Map<String, ?> kafkaParams,
                                                       scala.collection.Map<TopicPartition, ?> timestampsMs,
                                                       NoRecordAtTime noRecord) {
        return TimestampStrategy.assign(ScalaInterop.toJavaList(topicPartitions),
                ScalaInterop.toJavaObjectMap(kafkaParams), millis(timestampsMs), noRecord);
    }

    /** Scala's boxed longs (and other whole numbers) as Java's. */
    private static Map<TopicPartition, Long> millis(scala.collection.Map<TopicPartition, ?> timestampsMs) {
        Map<TopicPartition, Long> times = new HashMap<>();
        ScalaInterop.toJavaObjectMap(timestampsMs).forEach((partition, time) -> times.put(partition,
                time instanceof Number ? ((Number) time).longValue() : null));
        return times;
    }
}
