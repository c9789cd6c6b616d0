package dev.kafkadirect.examples.submit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a topic holds right now, asked by the driver with a short-lived consumer. */
final class TopicOffsets {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicOffsets() {
    }

    /**
     * @param kafkaParams consumer settings (a {@code group.id} is not needed and not used)
     * @param topic the topic
     * @return the end offset of each of its partitions
     * @throws IllegalArgumentException when the topic does not exist
     */
    static Map<TopicPartition, Long> endOffsets(Map<String, Object> kafkaParams, String topic) {
        try (KafkaConsumer<String, String> consumer = probe(kafkaParams)) {
            return consumer.endOffsets(partitions(consumer, topic), TIMEOUT);
        }
    }

    /**
     * @param kafkaParams consumer settings
     * @param topic the topic
     * @return one range per partition, from its first to its end offset
     */
    static OffsetRange[] wholeTopic(Map<String, Object> kafkaParams, String topic) {
        try (KafkaConsumer<String, String> consumer = probe(kafkaParams)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            return partitions.stream()
                    .map(partition -> OffsetRange.create(partition, beginnings.get(partition), ends.get(partition)))
                    .toArray(OffsetRange[]::new);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("Topic " + topic + " does not exist or has no partitions");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                .collect(Collectors.toList());
    }

    private static KafkaConsumer<String, String> probe(Map<String, Object> kafkaParams) {
        Map<String, Object> params = new HashMap<>(kafkaParams);
        params.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(params);
    }
}
