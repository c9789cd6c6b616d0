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

    /**
     * Returns the consumer after a task; keeps what the reader fetched past its range when it finished, unless
     * another task reads on from there (then the consumer would never go on at that offset: what it fetched past
     * its range, and the fetch it has in flight, are dropped so that the idle consumer holds no records).
     *
     * @param reader the task's reader
     * @param readOnByAnother whether another task of the same RDD reads the offsets that follow the reader's range
     */
    void release(RangeReader<K, V> reader, boolean readOnByAnother);

    /** Closes and forgets the consumer after a failed task. */
    void invalidate();
}
