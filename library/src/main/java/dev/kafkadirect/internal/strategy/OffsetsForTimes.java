package dev.kafkadirect.internal.strategy;

import dev.kafkadirect.internal.consumer.KafkaDirectOptions;
import dev.kafkadirect.internal.stream.PartitionOrder;
import dev.kafkadirect.time.NoRecordAtTime;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Offsets for timestamps, from the brokers' time index: for each partition, the earliest offset whose record
 * has a timestamp at or after the time given. What happens where no record is that recent is the caller's
 * {@link NoRecordAtTime}.
 */
public final class OffsetsForTimes {
    private OffsetsForTimes() {
    }

    /**
     * @param kafkaParams the user's kafkaParams
     * @return settings for a consumer that only looks up offsets: no group, nothing committed, none of our options
     */
    public static Map<String, Object> lookupParams(Map<String, Object> kafkaParams) {
        Map<String, Object> params = KafkaDirectOptions.withoutOptions(kafkaParams);
        params.remove(ConsumerConfig.GROUP_ID_CONFIG);
        params.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        params.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return params;
    }

    /**
     * @param consumer a consumer of the cluster
     * @param topics topic names
     * @return every partition of those topics
     * @throws IllegalArgumentException naming topics the cluster does not have
     */
    public static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                missing.add(topic);
            } else {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Topics " + missing + " do not exist, so no offsets can be found for a"
                    + " timestamp in them. Create them first, or leave them out.");
        }
        return PartitionOrder.sorted(partitions);
    }

    /** @return every partition of the topics matching the pattern now (none when no topic does) */
    static List<TopicPartition> partitionsMatching(Consumer<?, ?> consumer, Pattern pattern) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.listTopics().forEach((topic, infos) -> {
            if (pattern.matcher(topic).matches()) {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        });
        return PartitionOrder.sorted(partitions);
    }

    /**
     * @param consumer a consumer of the cluster
     * @param timestamps a time per partition, in milliseconds since the epoch
     * @param policy what to do where no record is at or after the time
     * @return the offset to start each partition at
     * @throws IllegalArgumentException with {@link NoRecordAtTime#FAIL}, naming the partitions without such a record
     */
    public static Map<TopicPartition, Long> resolve(Consumer<?, ?> consumer, Map<TopicPartition, Long> timestamps,
                                                    NoRecordAtTime policy) {
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(timestamps);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        List<TopicPartition> noRecord = new ArrayList<>();
        timestamps.keySet().forEach(partition -> {
            OffsetAndTimestamp hit = found.get(partition);
            if (hit == null) {
                noRecord.add(partition);
            } else {
                offsets.put(partition, hit.offset());
            }
        });
        if (!noRecord.isEmpty()) {
            if (policy == NoRecordAtTime.FAIL) {
                throw new IllegalArgumentException(describe(PartitionOrder.sorted(noRecord), timestamps)
                        + " have no record at or after that time. Choose an earlier time, or pass "
                        + NoRecordAtTime.class.getSimpleName() + "." + NoRecordAtTime.LATEST
                        + " to start such partitions at their latest offset.");
            }
            offsets.putAll(consumer.endOffsets(noRecord));
        }
        return offsets;
    }

    private static String describe(List<TopicPartition> partitions, Map<TopicPartition, Long> timestamps) {
        StringBuilder text = new StringBuilder("Partitions");
        String separator = " ";
        for (TopicPartition partition : partitions) {
            long millis = timestamps.get(partition);
            text.append(separator).append(partition).append(" (time ").append(Instant.ofEpochMilli(millis))
                    .append(" = ").append(millis).append(" ms)");
            separator = ", ";
        }
        return text.toString();
    }
}
