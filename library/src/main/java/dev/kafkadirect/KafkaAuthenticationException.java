package dev.kafkadirect;

/**
 * A client could not authenticate to the brokers: an untrusted certificate (the message names the truststore),
 * or a failed SASL login (it names the protocol and mechanism and points at {@code sasl.jaas.config}, never
 * quoting it). Not retried: the job fails once.
 */
public class KafkaAuthenticationException extends KafkaDirectException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the explanation
     * @param cause Kafka's authentication error
     */
    public KafkaAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
