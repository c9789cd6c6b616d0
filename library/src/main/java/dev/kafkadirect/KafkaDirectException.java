package dev.kafkadirect;

/**
 * The supertype of the errors Kafka Direct raises for a read, a batch or a stream that cannot go on. It is an
 * {@link IllegalStateException}, so code written for Apache's module that catches that still catches these.
 * Each message names what is at fault (the setting, the offset range, the permission) and what to do next.
 */
public class KafkaDirectException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and what to do
     * @param cause the Kafka client's error, if any
     */
    public KafkaDirectException(String message, Throwable cause) {
        super(message, cause);
    }
}
