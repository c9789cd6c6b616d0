package dev.kafkadirect.internal.stream;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Topic-partitions in the order ranges and messages list them: by topic, then partition. */
final class PartitionOrder {
    static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private PartitionOrder() {
    }

    static <T> Map<TopicPartition, T> sorted(Map<TopicPartition, T> map) {
        Map<TopicPartition, T> sorted = new TreeMap<>(ORDER);
        sorted.putAll(map);
        return sorted;
    }

    static List<TopicPartition> sorted(Set<TopicPartition> set) {
        List<TopicPartition> sorted = new ArrayList<>(set);
        sorted.sort(ORDER);
        return sorted;
    }
}
