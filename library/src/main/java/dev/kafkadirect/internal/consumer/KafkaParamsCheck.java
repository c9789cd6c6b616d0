package dev.kafkadirect.internal.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;

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
        requireNonNull(kafkaParams);
        require(kafkaParams, ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "the brokers to read from, e.g. \"host1:9092,host2:9092\"");
        require(kafkaParams, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "e.g. StringDeserializer.class");
        require(kafkaParams, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "e.g. StringDeserializer.class");
        requireValidForKafka(kafkaParams);
    }

    /**
     * @param kafkaParams the user's consumer configuration
     * @throws IllegalArgumentException when it is null
     */
    public static void requireNonNull(Map<String, Object> kafkaParams) {
        if (kafkaParams == null) {
            throw new IllegalArgumentException("kafkaParams must not be null: pass the Kafka consumer configuration,"
                    + " at least bootstrap.servers, key.deserializer and value.deserializer");
        }
    }

    /**
     * Lets Kafka's own config parser check every value's type (booleans, numbers, classes that must exist),
     * so a bad value fails here, on the driver, instead of in an executor's task.
     */
    private static void requireValidForKafka(Map<String, Object> kafkaParams) {
        try {
            new QuietConsumerConfig(KafkaDirectOptions.withoutOptions(kafkaParams));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("kafkaParams are not a valid Kafka consumer configuration: "
                    + e.getMessage(), e);
        }
    }

    /** Kafka's consumer config, parsed without logging every value. */
    private static final class QuietConsumerConfig extends ConsumerConfig {
        QuietConsumerConfig(Map<String, Object> props) {
            super(props, false);
        }
    }

    /**
     * @param kafkaParams the user's consumer configuration
     * @param strategy the strategy that needs a consumer group
     * @throws IllegalArgumentException when group.id is missing
     */
    public static void requireGroupId(Map<String, Object> kafkaParams, String strategy) {
        Object groupId = kafkaParams.get(ConsumerConfig.GROUP_ID_CONFIG);
        if (groupId == null || String.valueOf(groupId).trim().isEmpty()) {
            throw new IllegalArgumentException("kafkaParams must set group.id for " + strategy
                    + " (a consumer group joins to be assigned partitions); use a separate group.id for each stream");
        }
    }

    private static void require(Map<String, Object> kafkaParams, String key, String hint) {
        Object value = kafkaParams.get(key);
        if (value == null || String.valueOf(value).trim().isEmpty()) {
            throw new IllegalArgumentException("kafkaParams must set " + key + " (" + hint + ")"
                    + (value == null ? "" : " but it was empty"));
        }
    }
}
