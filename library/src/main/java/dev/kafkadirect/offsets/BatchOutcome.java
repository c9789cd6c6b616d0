package dev.kafkadirect.offsets;

/** What {@link JdbcOffsetStore#runInTransaction} did with a batch. */
public enum BatchOutcome {
    /** The work ran and its ranges were committed with it. */
    STORED,
    /**
     * The store already holds every range of the batch (a task or batch run again after it committed):
     * the work was not run, and a warning was logged.
     */
    ALREADY_STORED
}
