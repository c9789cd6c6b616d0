package dev.kafkadirect.bounded;

import dev.kafkadirect.internal.consumer.KafkaConsumers;
import dev.kafkadirect.internal.consumer.KafkaDirectOptions;
import dev.kafkadirect.internal.scala.ScalaInterop;
import dev.kafkadirect.internal.strategy.OffsetsForTimes;
import dev.kafkadirect.internal.stream.ExpiredCommits;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A consumer group's backlog, for one {@code createRDD} call: in every partition of the topics, from the
 * group's committed offset to the latest offset now (for {@code read_committed}, the last stable one). A
 * partition without a committed offset starts as {@code auto.offset.reset} says ({@code earliest}: its beginning;
 * {@code latest}, Kafka's default: its end, so nothing is read; {@code none}: fails naming the partitions), and a
 * committed offset that retention removed follows it too, with a warning of what is skipped.
 *
 * <pre>{@code
 * GroupBacklog backlog = GroupBacklog.of(kafkaParams, Arrays.asList("orders"));
 * JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(sparkContext, kafkaParams,
 *     backlog.offsetRanges(), LocationStrategies.PreferConsistent());
 * rdd.map(ConsumerRecord::value).saveAsTextFile(out);
 * backlog.commit();   // the group now stands where this read ended
 * }</pre>
 *
 * <p>{@link #commit()} commits with a consumer that does not join the group, which Kafka accepts only while the
 * group has no active member (no stream of the same group.id running).
 */
public final class GroupBacklog {
    private final Map<String, Object> kafkaParams;
    private final OffsetRange[] ranges;

    private GroupBacklog(Map<String, Object> kafkaParams, OffsetRange[] ranges) {
        this.kafkaParams = kafkaParams;
        this.ranges = ranges;
    }

    /**
     * @param kafkaParams a consumer configuration of the cluster with the group's {@code group.id}
     * @param topics the topics, which must exist
     * @return the backlog now
     * @throws IllegalArgumentException without a group.id, for a topic that does not exist, or under
     *         {@code auto.offset.reset=none} for partitions the group has not committed
     */
    public static GroupBacklog of(Map<String, Object> kafkaParams, Collection<String> topics) {
        Object groupId = kafkaParams.get(ConsumerConfig.GROUP_ID_CONFIG);
        if (groupId == null || String.valueOf(groupId).trim().isEmpty()) {
            throw new IllegalArgumentException("A group's backlog needs the group: set group.id in kafkaParams");
        }
        Map<String, Object> params = groupParams(kafkaParams);
        try (Consumer<Object, Object> consumer = KafkaConsumers.REAL.create(params)) {
            List<TopicPartition> partitions = OffsetsForTimes.partitionsOf(consumer, topics);
            Map<TopicPartition, Long> committed = new HashMap<>();
            consumer.committed(new HashSet<>(partitions)).forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset.offset());
                }
            });
            Map<TopicPartition, Long> earliest = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> latest = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> from = startsWithoutCommits(kafkaParams, partitions, committed, earliest, latest);
            from = ExpiredCommits.of(-1, kafkaParams).resolve(from, committed, earliest, ignored -> latest);
            OffsetRange[] ranges = new OffsetRange[partitions.size()];
            for (int i = 0; i < ranges.length; i++) {
                TopicPartition partition = partitions.get(i);
                long start = from.get(partition);
                ranges[i] = OffsetRange.create(partition, start, Math.max(start, latest.get(partition)));
            }
            return new GroupBacklog(params, ranges);
        }
    }

    /** As {@link #of(Map, Collection)}, with the guide's Scala collections. */
    public static GroupBacklog of(scala.collection.Map<String, ?> kafkaParams, scala.collection.Iterable<String> topics) {
        return of(ScalaInterop.toJavaObjectMap(kafkaParams), ScalaInterop.toJavaList(topics));
    }

    /** @return one range per partition, in topic-partition order, for {@code KafkaUtils.createRDD} */
    public OffsetRange[] offsetRanges() {
        return ranges.clone();
    }

    /** @return each partition's end: where the group stands once this backlog is processed */
    public Map<TopicPartition, OffsetAndMetadata> offsetsToCommit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        for (OffsetRange range : ranges) {
            offsets.put(range.topicPartition(), new OffsetAndMetadata(range.untilOffset()));
        }
        return offsets;
    }

    /** Commits {@link #offsetsToCommit()} for the group, synchronously; call it after the output succeeded. */
    public void commit() {
        try (Consumer<Object, Object> consumer = KafkaConsumers.REAL.create(kafkaParams)) {
            consumer.commitSync(offsetsToCommit());
        }
    }

    private static Map<String, Object> groupParams(Map<String, Object> kafkaParams) {
        Map<String, Object> params = KafkaDirectOptions.withoutOptions(kafkaParams);
        params.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        params.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return Collections.unmodifiableMap(params);
    }

    private static Map<TopicPartition, Long> startsWithoutCommits(Map<String, Object> kafkaParams,
                                                                  List<TopicPartition> partitions,
                                                                  Map<TopicPartition, Long> committed,
                                                                  Map<TopicPartition, Long> earliest,
                                                                  Map<TopicPartition, Long> latest) {
        Object reset = kafkaParams.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
        String policy = reset == null ? "latest" : String.valueOf(reset).trim().toLowerCase(Locale.ROOT);
        Map<TopicPartition, Long> from = new HashMap<>();
        List<TopicPartition> uncommitted = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long offset = committed.get(partition);
            if (offset != null) {
                from.put(partition, offset);
            } else if (policy.equals("earliest")) {
                from.put(partition, earliest.get(partition));
            } else if (policy.equals("latest")) {
                from.put(partition, latest.get(partition));
            } else {
                uncommitted.add(partition);
            }
        }
        if (!uncommitted.isEmpty()) {
            throw new IllegalArgumentException("Group '" + kafkaParams.get(ConsumerConfig.GROUP_ID_CONFIG)
                    + "' has no committed offset for " + uncommitted + " and auto.offset.reset is '" + policy
                    + "'. Set auto.offset.reset to earliest to read those partitions from their beginning, or to"
                    + " latest to skip them.");
        }
        return from;
    }
}
