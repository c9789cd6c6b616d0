package dev.kafkadirect.testing;

import dev.kafkadirect.testkit.KafkaCluster;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.HashMap;
import java.util.Map;

/** kafkaParams as the guide writes them, pointed at a test cluster. */
public final class TestKafkaParams {
    private TestKafkaParams() {
    }

    /** @return a new mutable map: String deserializers, the given group, earliest reset, no auto-commit */
    public static Map<String, Object> of(KafkaCluster kafka, String groupId) {
        Map<String, Object> kafkaParams = new HashMap<>();
        kafkaParams.put("bootstrap.servers", kafka.bootstrapServers());
        kafkaParams.put("key.deserializer", StringDeserializer.class);
        kafkaParams.put("value.deserializer", StringDeserializer.class);
        kafkaParams.put("group.id", groupId);
        kafkaParams.put("auto.offset.reset", "earliest");
        kafkaParams.put("enable.auto.commit", false);
        return kafkaParams;
    }
}
