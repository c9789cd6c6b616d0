package dev.kafkadirect.internal.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.util.Map;

/** Checks a user's kafkaParams once, up front, with messages that name the setting to fix. */
public final class KafkaParamsCheck {
    private KafkaParamsCheck() {
    }

    /**
     * @param kafkaParams the user's consumer configuration
     * @throws IllegalArgumentException naming the first missing or empty required setting
     */
    public static void requireConsumerBasics(Map<String, Object> kafkaParams) {
        if (kafkaParams == null) {
            throw new IllegalArgumentException("kafkaParams must not be null: pass the Kafka consumer configuration,"
                    + " at least bootstrap.servers, key.deserializer and value.deserializer");
        }
        require(kafkaParams, ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "the brokers to read from, e.g. \"host1:9092,host2:9092\"");
        require(kafkaParams, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "e.g. StringDeserializer.class");
        require(kafkaParams, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "e.g. StringDeserializer.class");
    }

    private static void require(Map<String, Object> kafkaParams, String key, String hint) {
        Object value = kafkaParams.get(key);
        if (value == null || String.valueOf(value).trim().isEmpty()) {
            throw new IllegalArgumentException("kafkaParams must set " + key + " (" + hint + ")"
                    + (value == null ? "" : " but it was empty"));
        }
    }
}
