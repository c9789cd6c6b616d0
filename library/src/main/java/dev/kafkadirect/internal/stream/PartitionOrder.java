package dev.kafkadirect.internal.stream;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Topic-partitions in the order ranges and messages list them: by topic, then partition. */
public final class PartitionOrder {
    public static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private PartitionOrder() {
    }

    /** @return a copy in topic-partition order */
    public static <T> Map<TopicPartition, T> sorted(Map<TopicPartition, T> map) {
        Map<TopicPartition, T> sorted = new TreeMap<>(ORDER);
        sorted.putAll(map);
        return sorted;
    }

    /** @return a copy in topic-partition order */
    public static List<TopicPartition> sorted(Collection<TopicPartition> partitions) {
        List<TopicPartition> sorted = new ArrayList<>(partitions);
        sorted.sort(ORDER);
        return sorted;
    }
}
