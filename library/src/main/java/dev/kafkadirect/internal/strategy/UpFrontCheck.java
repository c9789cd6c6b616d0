package dev.kafkadirect.internal.strategy;

/**
 * A built-in strategy's check of its kafkaParams, run when a stream is created from it (and again when it starts),
 * not when it is constructed: like Apache's, a strategy may be built from partial params in a factory or a test.
 */
public interface UpFrontCheck {
    /** @throws IllegalArgumentException naming the first missing or invalid setting */
    void validate();
}
