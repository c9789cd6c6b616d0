package dev.kafkadirect.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Reads partition 0 of a topic from the start with a client configuration under test. */
final class ReadBack {
    private ReadBack() {
    }

    /**
     * @param config the consumer's settings (bootstrap servers, security)
     * @param topic the topic
     * @param count how many records to wait for
     * @return the values of the first {@code count} records, or more if one poll brought them
     */
    static List<String> values(Map<String, Object> config, String topic, int count) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= count;
            });
        }
        return values;
    }
}
