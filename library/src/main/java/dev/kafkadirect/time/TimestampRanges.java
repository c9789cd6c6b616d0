package dev.kafkadirect.time;

import dev.kafkadirect.internal.consumer.KafkaConsumers;
import dev.kafkadirect.internal.scala.ScalaInterop;
import dev.kafkadirect.internal.strategy.OffsetsForTimes;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Offset ranges between two points in time, for {@code KafkaUtils.createRDD}: in every partition of the topics,
 * from the earliest offset whose record is at or after {@code fromMs} to the earliest offset whose record is at
 * or after {@code untilMs} (exclusive), or the partition's latest offset where no record is that recent. With
 * timestamps set by producers ({@code CreateTime}) a log need not be in time order; the range is still the
 * offsets between those two first records.
 *
 * <pre>{@code
 * OffsetRange[] lastNight = TimestampRanges.between(kafkaParams, Arrays.asList("orders"),
 *     Instant.parse("2026-12-01T00:00:00Z").toEpochMilli(), Instant.parse("2026-12-01T06:00:00Z").toEpochMilli());
 * JavaRDD<ConsumerRecord<String, String>> rdd =
 *     KafkaUtils.createRDD(sparkContext, kafkaParams, lastNight, LocationStrategies.PreferConsistent());
 * }</pre>
 */
public final class TimestampRanges {
    private TimestampRanges() {
    }

    /**
     * @param kafkaParams a consumer configuration of the cluster (as for createRDD; no group is joined)
     * @param topics the topics, which must exist
     * @param fromMs the first time, in milliseconds since the epoch
     * @param untilMs the end time (exclusive), at or after {@code fromMs}
     * @return one range per partition, in topic-partition order
     * @throws IllegalArgumentException when {@code untilMs} is before {@code fromMs} or a topic does not exist
     */
    public static OffsetRange[] between(Map<String, Object> kafkaParams, Collection<String> topics, long fromMs,
                                        long untilMs) {
        if (untilMs < fromMs) {
            throw new IllegalArgumentException("The end time " + untilMs + " ms is before the start time " + fromMs
                    + " ms; give the earlier time first.");
        }
        try (Consumer<Object, Object> lookup = KafkaConsumers.REAL.create(OffsetsForTimes.lookupParams(kafkaParams))) {
            List<TopicPartition> partitions = OffsetsForTimes.partitionsOf(lookup, topics);
            Map<TopicPartition, Long> from = OffsetsForTimes.resolve(lookup, at(partitions, fromMs), NoRecordAtTime.LATEST);
            Map<TopicPartition, Long> until = OffsetsForTimes.resolve(lookup, at(partitions, untilMs), NoRecordAtTime.LATEST);
            OffsetRange[] ranges = new OffsetRange[partitions.size()];
            for (int i = 0; i < ranges.length; i++) {
                TopicPartition partition = partitions.get(i);
                ranges[i] = OffsetRange.create(partition, from.get(partition), Math.max(from.get(partition), until.get(partition)));
            }
            return ranges;
        }
    }

    /** As {@link #between(Map, Collection, long, long)}, with the guide's Scala collections. */
    public static OffsetRange[] between(scala.collection.Map<String, ?> kafkaParams,
                                        scala.collection.Iterable<String> topics, long fromMs, long untilMs) {
        return between(ScalaInterop.toJavaObjectMap(kafkaParams), ScalaInterop.toJavaList(topics), fromMs, untilMs);
    }

    private static Map<TopicPartition, Long> at(List<TopicPartition> partitions, long timestampMs) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, timestampMs));
        return times;
    }
}
