package dev.kafkadirect.testkit;

/** How {@link KafkaCluster#produceInTransaction} ends its transaction. */
public enum TransactionOutcome {
    /** The records become visible to {@code read_committed} consumers. */
    COMMIT,
    /** The records stay in the log but {@code read_committed} consumers skip them. */
    ABORT
}
