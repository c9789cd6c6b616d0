package dev.kafkadirect.internal.consumer;

/** Where the consumer of a lease came from, counted per RDD so users see whether the cache works. */
public enum LeaseOrigin {
    /** An idle cached consumer already assigned to the partition. */
    CACHED,
    /** An idle cached consumer of another partition, reassigned (the cache was full): no new connection. */
    MOVED,
    /** A new consumer: the first read of a partition, a retried task, or the cache disabled. */
    CREATED
}
