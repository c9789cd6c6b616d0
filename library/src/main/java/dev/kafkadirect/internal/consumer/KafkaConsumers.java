package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.internal.security.DelegationTokens;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.util.Map;

/** The consumer factories used outside tests: real {@link KafkaConsumer}s. */
public enum KafkaConsumers implements ConsumerFactory {
    /** Creates a {@link KafkaConsumer} from the configuration as given. */
    REAL {
        @Override
        public <K, V> Consumer<K, V> create(Map<String, Object> kafkaParams) {
            return new KafkaConsumer<>(kafkaParams);
        }
    },
    /**
     * Creates a {@link KafkaConsumer} that logs in with the delegation token Spark obtained for its cluster, when
     * there is one and the configuration has no login of its own (the executors' consumers).
     */
    WITH_TOKEN_LOGIN {
        @Override
        public <K, V> Consumer<K, V> create(Map<String, Object> kafkaParams) {
            return new KafkaConsumer<>(DelegationTokens.withTokenLogin(kafkaParams));
        }
    };

    /** @return the factory given, or {@link #REAL} when it is null (a strategy read back from a checkpoint) */
    public static ConsumerFactory orReal(ConsumerFactory factory) {
        return factory == null ? REAL : factory;
    }
}
