package dev.kafkadirect;

/**
 * The transaction writing a task's output to Kafka was fenced: another attempt of the same task (a retry or a
 * speculative copy) took over its transactional id, and nothing of this attempt was committed.
 */
public class OutputFencedException extends KafkaDirectException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the explanation, naming the range and the transactional id
     * @param cause Kafka's fencing error
     */
    public OutputFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
