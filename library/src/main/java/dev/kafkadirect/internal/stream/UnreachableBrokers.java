package dev.kafkadirect.internal.stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.TimeoutException;

import java.util.Map;

/**
 * The error of a batch that could not be planned because the brokers did not answer the driver in time:
 * it names the brokers and the setting that bounded the wait, and says what happened to the batch's offsets.
 */
final class UnreachableBrokers {
    private static final String KAFKA_DEFAULT_API_TIMEOUT_MS = "60000";

    private UnreachableBrokers() {
    }

    /**
     * @param streamId the stream
     * @param batchTimeMillis the batch that was not planned
     * @param kafkaParams the stream's kafkaParams (bootstrap servers and timeouts; nothing secret is quoted)
     * @param cause Kafka's timeout
     * @return the error to fail the batch with
     */
    static IllegalStateException planningFailed(int streamId, long batchTimeMillis, Map<String, Object> kafkaParams,
                                                TimeoutException cause) {
        Object timeout = kafkaParams.getOrDefault(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, KAFKA_DEFAULT_API_TIMEOUT_MS);
        return new IllegalStateException("Direct stream " + streamId + " could not plan the batch of time "
                + batchTimeMillis + ": the brokers at bootstrap.servers=" + kafkaParams.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)
                + " did not answer the driver within default.api.timeout.ms=" + timeout + " ms (" + cause.getMessage()
                + "). Check that they are up and reachable from the driver. Nothing was read or committed for this"
                + " batch: the stream plans from the same offsets at its next batch, and a restarted application"
                + " resumes from the offsets it stored.", cause);
    }
}
