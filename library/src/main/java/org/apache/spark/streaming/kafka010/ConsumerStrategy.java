package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.internal.security.DelegationTokens;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.io.Serializable;
import java.util.Map;

/**
 * How a direct stream gets its driver consumer: which topics or partitions it follows and where it
 * starts. Use {@link ConsumerStrategies}, or extend this class for needs they do not meet.
 *
 * <pre>{@code
 * // Follows the partitions a service names, starting at offsets read from a database.
 * class FromMyDatabase extends ConsumerStrategy<String, String> {
 *     private final HashMap<String, Object> kafkaParams;
 *
 *     FromMyDatabase(Map<String, Object> kafkaParams) {
 *         this.kafkaParams = new HashMap<>(kafkaParams);
 *     }
 *
 *     public Map<String, Object> executorKafkaParams() {
 *         return kafkaParams;
 *     }
 *
 *     public Consumer<String, String> onStart(Map<TopicPartition, Long> currentOffsets) {
 *         KafkaConsumer<String, String> consumer =
 *                 new KafkaConsumer<>(setAuthenticationConfigIfNeeded(kafkaParams));
 *         Map<TopicPartition, Long> offsets = currentOffsets.isEmpty() ? loadOffsets() : currentOffsets;
 *         consumer.assign(offsets.keySet());
 *         offsets.forEach(consumer::seek);
 *         return consumer;
 *     }
 * }
 * }</pre>
 *
 * <p>The stream keeps the strategy in its checkpoint, so a strategy must be serializable (keep
 * kafkaParams in a {@code HashMap}, not in a consumer).
 */
public abstract class ConsumerStrategy<K, V> implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * @return the kafkaParams for executor consumers; executors adjust them (no auto-commit, no offset
     *         reset, their own group id), so return the user's params as given
     */
    public abstract Map<String, Object> executorKafkaParams();

    /**
     * Creates the driver's consumer, subscribed or assigned, positioned for the first batch. Called when
     * the stream starts, and again after recovery from a checkpoint.
     *
     * @param currentOffsets where the stream stands: empty on a first start, the offsets after the last
     *                       generated batch on a restart; these win over any other starting offsets
     * @return the consumer; the stream owns it from now on and closes it when it stops
     */
    public abstract Consumer<K, V> onStart(Map<TopicPartition, Long> currentOffsets);

    /**
     * Adds Spark's Kafka delegation-token login to a consumer's settings where one applies, as Apache's module
     * does for strategies that call it from {@link #onStart}: when the params give no {@code sasl.jaas.config},
     * their {@code bootstrap.servers} match a cluster configured under {@code spark.kafka.clusters.<id>.*} and
     * the current user holds that cluster's token (see docs/security.md).
     *
     * @param kafkaParams a consumer's settings; not changed
     * @return the settings to create the consumer with: a new map with the token login, or the same settings
     */
    public Map<String, Object> setAuthenticationConfigIfNeeded(Map<String, Object> kafkaParams) {
        return DelegationTokens.withTokenLogin(kafkaParams);
    }
}
