package dev.kafkadirect.internal.consumer;

import org.apache.kafka.clients.consumer.Consumer;

/**
 * One task's use of an executor consumer, from acquisition to the end of the task. Cached consumers go
 * back to the cache on {@link #release}; uncached ones (cache disabled, or the cached one busy) are
 * closed. A failed task {@link #invalidate}s its consumer, whose state is then unknown.
 */
public interface ConsumerLease<K, V> {
    /** @return the consumer, assigned to the lease's topic-partition */
    Consumer<K, V> consumer();

    /** @return whether the consumer was cached, moved from another partition or created for this lease */
    LeaseOrigin origin();

    /**
     * @param fromOffset where the task's range starts
     * @return records fetched past the previous range, when it ended exactly at {@code fromOffset}
     */
    CarriedOver<K, V> carriedOverFor(long fromOffset);

    /** Returns the consumer after a task; keeps what the reader fetched past its range when it finished. */
    void release(RangeReader<K, V> reader);

    /** Closes and forgets the consumer after a failed task. */
    void invalidate();
}
