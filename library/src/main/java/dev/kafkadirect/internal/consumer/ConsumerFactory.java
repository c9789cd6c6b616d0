package dev.kafkadirect.internal.consumer;

import org.apache.kafka.clients.consumer.Consumer;

import java.io.Serializable;
import java.util.Map;

/**
 * Makes the Kafka consumers that the executor cache and our consumer strategies use. In production it is
 * {@link KafkaConsumers#REAL}; tests give one that returns Kafka's {@code MockConsumer}, so the cache's and the
 * strategies' decisions can be checked without a broker. Serializable because strategies travel in checkpoints.
 */
public interface ConsumerFactory extends Serializable {
    /**
     * @param kafkaParams a consumer configuration, without our {@code dev.kafkadirect.*} options
     * @return a new consumer, neither assigned nor subscribed
     */
    <K, V> Consumer<K, V> create(Map<String, Object> kafkaParams);
}
