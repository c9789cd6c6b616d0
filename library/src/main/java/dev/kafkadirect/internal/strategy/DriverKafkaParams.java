package dev.kafkadirect.internal.strategy;

import dev.kafkadirect.internal.consumer.KafkaDirectOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The settings of a built-in strategy's driver consumer: the user's kafkaParams without our options and with
 * auto-commit off. The driver consumer stands at the start of the next batch between batches; auto-committing that
 * position would move the group's committed offsets back over every commitAsync, offset store or sink commit
 * (Kafka's default is on). Offsets are committed with {@code commitAsync} after the output instead.
 */
final class DriverKafkaParams {
    private static final Logger LOG = LoggerFactory.getLogger(DriverKafkaParams.class);

    private DriverKafkaParams() {
    }

    /**
     * Warns when auto-commit was asked for, or left at Kafka's default, for a consumer with a group id (without one
     * Kafka never auto-commits).
     *
     * @param kafkaParams the user's kafkaParams
     * @param strategy the strategy, for the warning
     * @return a new map for the driver's consumer
     */
    static Map<String, Object> of(Map<String, Object> kafkaParams, String strategy) {
        Map<String, Object> driverParams = KafkaDirectOptions.withoutOptions(kafkaParams);
        Object autoCommit = driverParams.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG);
        boolean inAGroup = driverParams.get(ConsumerConfig.GROUP_ID_CONFIG) != null;
        if (inAGroup && !"false".equalsIgnoreCase(String.valueOf(autoCommit).trim())) {
            LOG.warn("{}: enable.auto.commit is {} in kafkaParams; the stream's driver consumer runs with"
                    + " enable.auto.commit=false, since auto-committing would commit offsets of batches not yet"
                    + " processed and move back what commitAsync committed. Commit with commitAsync after your output"
                    + " (or use an offset store), and set enable.auto.commit=false to silence this warning.",
                    strategy, autoCommit == null ? "not set (Kafka's default is true)" : autoCommit);
        }
        driverParams.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return driverParams;
    }
}
