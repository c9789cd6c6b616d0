package dev.kafkadirect.internal.stream;

import dev.kafkadirect.PlanningFailedException;
import dev.kafkadirect.StreamCannotContinueException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import java.util.Map;

/**
 * The errors of a batch that could not be planned: brokers that did not answer the driver in time, or
 * partitions whose topic was deleted while the stream read it. Each names what is at fault (the brokers and
 * the setting that bounded the wait, or the partitions) and says what happened to the stream's offsets.
 */
final class PlanningFailure {
    private static final String KAFKA_DEFAULT_API_TIMEOUT_MS = "60000";

    private PlanningFailure() {
    }

    /**
     * @param streamId the stream
     * @param batchTimeMillis the batch that was not planned
     * @param kafkaParams the stream's kafkaParams (bootstrap servers and timeouts; nothing secret is quoted)
     * @param cause Kafka's timeout
     * @return the error to fail the batch with
     */
    static PlanningFailedException brokersUnreachable(int streamId, long batchTimeMillis, Map<String, Object> kafkaParams,
                                                    TimeoutException cause) {
        Object timeout = kafkaParams.getOrDefault(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, KAFKA_DEFAULT_API_TIMEOUT_MS);
        return new PlanningFailedException("Direct stream " + streamId + " could not plan the batch of time "
                + batchTimeMillis + ": the brokers at bootstrap.servers=" + kafkaParams.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)
                + " did not answer the driver within default.api.timeout.ms=" + timeout + " ms (" + cause.getMessage()
                + "). Check that they are up and reachable from the driver. Nothing was read or committed for this"
                + " batch: the stream plans from the same offsets at its next batch, and a restarted application"
                + " resumes from the offsets it stored.", cause);
    }

    /**
     * @param streamId the stream
     * @param missing the stream's partitions the cluster no longer lists, with the offsets the stream stands at
     * @return the error that stops the stream
     */
    static StreamCannotContinueException partitionsDeleted(int streamId, Map<TopicPartition, Long> missing) {
        return new StreamCannotContinueException("Direct stream " + streamId + " reads partitions that no longer exist: "
                + missing.keySet() + " (it stood at offsets " + missing + "). Their topic was deleted while the stream"
                + " read it; a client may have created a topic of the same name again, as brokers with"
                + " auto.create.topics.enable=true do. The stream stops rather than wait for them: records it had not"
                + " read are gone with the topic. Start a new stream with starting offsets that exist, or a new group.id.");
    }
}
