package dev.kafkadirect.internal.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An executor consumer with the partition it is assigned to, what it carried over, and whether a task
 * holds it. All state is guarded by the {@link ConsumerCache} that owns it; an uncached one belongs to
 * its single lease.
 */
final class CachedConsumer<K, V> implements ConsumerLease<K, V> {
    private static final Logger LOG = LoggerFactory.getLogger(CachedConsumer.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Consumer<K, V> consumer;
    /** Null for a consumer outside the cache, closed when its task ends. */
    private final ConsumerCache owner;
    private CacheKey key;
    private LeaseOrigin origin = LeaseOrigin.CREATED;
    private List<ConsumerRecord<K, V>> carriedRecords = Collections.emptyList();
    private long carriedFromOffset = -1;
    /** When it last went back to the cache, in the cache's release order; meaningful while idle. */
    private long releasedAt;
    /** The ticker's time when it last went back to the cache; meaningful while idle. */
    private long idleSinceNanos;
    /** How long it may stay idle, from the settings of the RDD that last borrowed it; 0 for no limit. */
    private long idleTimeoutNanos;
    private boolean inUse;
    private boolean closed;

    CachedConsumer(CacheKey key, Consumer<K, V> consumer, ConsumerCache owner) {
        this.key = key;
        this.consumer = consumer;
        this.owner = owner;
    }

    CacheKey key() {
        return key;
    }

    boolean inUse() {
        return inUse;
    }

    void lend(LeaseOrigin how, long idleTimeoutMs) {
        inUse = true;
        origin = how;
        idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMs);
    }

    /** @return when, on the cache's ticker, this idle consumer is due to be closed; Long.MAX_VALUE for never */
    long idleDeadlineNanos() {
        return idleTimeoutNanos == 0 ? Long.MAX_VALUE : idleSinceNanos + idleTimeoutNanos;
    }

    /** Reassigns this idle consumer to another partition with the same configuration; what it carried is dropped. */
    void moveTo(CacheKey newKey) {
        forgetCarriedOver();
        key = newKey;
        consumer.assign(Collections.singletonList(newKey.partition()));
    }

    /** @return whether the last range this consumer read ended at {@code offset}, with the consumer there */
    boolean continuesAt(long offset) {
        return carriedFromOffset == offset;
    }

    long releasedAt() {
        return releasedAt;
    }

    void returned(long releaseOrder, long nowNanos) {
        inUse = false;
        releasedAt = releaseOrder;
        idleSinceNanos = nowNanos;
    }

    @Override
    public Consumer<K, V> consumer() {
        return consumer;
    }

    @Override
    public LeaseOrigin origin() {
        return origin;
    }

    @Override
    public CarriedOver<K, V> carriedOverFor(long fromOffset) {
        if (carriedFromOffset != fromOffset) {
            return CarriedOver.nothing();
        }
        CarriedOver<K, V> carried = CarriedOver.positioned(carriedRecords);
        forgetCarriedOver();
        return carried;
    }

    @Override
    public void release(RangeReader<K, V> reader, boolean readOnByAnother) {
        if (reader.finished() && !readOnByAnother) {
            carriedRecords = reader.unreadFetchedRecords();
            carriedFromOffset = reader.position();
        } else {
            forgetCarriedOver();
        }
        if (readOnByAnother && owner != null && !dropFetchedRecords()) {
            owner.invalidated(this);
            return;
        }
        if (owner == null) {
            close();
        } else {
            owner.released(this);
        }
    }

    @Override
    public void invalidate() {
        forgetCarriedOver();
        if (owner == null) {
            close();
        } else {
            owner.invalidated(this);
        }
    }

    /**
     * Frees the records the consumer fetched ahead: unassigning a partition discards its buffered fetches, and a
     * response still in flight is discarded when it comes. Assigned again at once, without a position: the next
     * range read with this consumer seeks to its start, as it would anyway.
     */
    private boolean dropFetchedRecords() {
        try {
            consumer.assign(Collections.emptyList());
            consumer.assign(Collections.singletonList(key.partition()));
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Reassigning the executor consumer for {} to drop what it fetched ahead failed; closing it: {}", key,
                    e.toString());
            return false;
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        forgetCarriedOver();
        try {
            consumer.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warn("Closing the executor consumer for {} failed: {}", key, e.toString());
        }
    }

    private void forgetCarriedOver() {
        carriedRecords = Collections.emptyList();
        carriedFromOffset = -1;
    }
}
