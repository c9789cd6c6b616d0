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
    /**
     * By topic, then partition. Written out rather than composed from key extractors: planning sorts every batch's
     * partitions with it, thousands at a time, mostly of one topic (the same topic string, compared by reference
     * first).
     */
    public static final Comparator<TopicPartition> ORDER = PartitionOrder::compare;

    private PartitionOrder() {
    }

    private static int compare(TopicPartition a, TopicPartition b) {
        String topicA = a.topic();
        String topicB = b.topic();
        int byTopic = topicA == topicB ? 0 : topicA.compareTo(topicB);
        return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
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
