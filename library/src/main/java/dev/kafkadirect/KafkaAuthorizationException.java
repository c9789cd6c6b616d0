package dev.kafkadirect;

/**
 * The brokers refused an operation for want of an ACL; the message names the topics or group and the
 * permission to grant. Not retried: the job fails once.
 */
public class KafkaAuthorizationException extends KafkaDirectException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the explanation
     * @param cause Kafka's authorization error
     */
    public KafkaAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
