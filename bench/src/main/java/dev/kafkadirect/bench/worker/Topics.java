package dev.kafkadirect.bench.worker;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Consumer settings all contenders share, and the end offsets of a topic. */
final class Topics {
    private static final String EXPERIMENT_PREFIX = "bench.consumer.";
    /**
     * Experiments: {@code -Dbench.consumer.<setting>=<value>} in the workers' options sets a consumer setting for
     * every contender. Read once: consumer settings are made inside timed passes.
     */
    private static final Map<String, String> EXPERIMENTS = experiments();
    /** Consumer settings that Structured Streaming's Kafka source sets itself and refuses from its options. */
    static final Set<String> SET_BY_THE_SOURCE = new HashSet<>(Arrays.asList("key.deserializer", "value.deserializer",
            "group.id", "auto.offset.reset", "enable.auto.commit"));
    private Topics() {
    }

    /** @return byte-array consumer settings: every contender deserializes the same way */
    static Map<String, Object> consumerParams(String bootstrapServers, String groupId) {
        Map<String, Object> params = new HashMap<>();
        params.put("bootstrap.servers", bootstrapServers);
        params.put("key.deserializer", ByteArrayDeserializer.class);
        params.put("value.deserializer", ByteArrayDeserializer.class);
        params.put("group.id", groupId);
        params.put("auto.offset.reset", "earliest");
        params.put("enable.auto.commit", false);
        params.putAll(EXPERIMENTS);
        return params;
    }

    private static Map<String, String> experiments() {
        Map<String, String> settings = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(EXPERIMENT_PREFIX)) {
                settings.put(name.substring(EXPERIMENT_PREFIX.length()), System.getProperty(name));
            }
        }
        return settings;
    }

    /** @return the end offset of every partition, in partition order */
    static Map<TopicPartition, Long> endOffsets(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerParams(bootstrapServers, "bench-probe"))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(60));
            List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList());
            Map<TopicPartition, Long> ordered = new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
            ordered.putAll(consumer.endOffsets(partitions, Duration.ofSeconds(60)));
            return ordered;
        }
    }
}
