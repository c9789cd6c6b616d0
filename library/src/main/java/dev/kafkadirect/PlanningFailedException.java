package dev.kafkadirect;

/**
 * The driver could not plan a batch: the brokers did not answer it within {@code default.api.timeout.ms}.
 * Nothing was read or committed for the batch; the stream plans from the same offsets at its next batch.
 */
public class PlanningFailedException extends KafkaDirectException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the explanation, naming the brokers and the timeout
     * @param cause Kafka's timeout
     */
    public PlanningFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
