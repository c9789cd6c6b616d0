package dev.kafkadirect.internal.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * An executor consumer with what it carried over, and whether a task holds it. All state is guarded by
 * the {@link ConsumerCache} that owns it; an uncached one belongs to its single lease.
 */
final class CachedConsumer<K, V> implements ConsumerLease<K, V> {
    private static final Logger LOG = LoggerFactory.getLogger(CachedConsumer.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final CacheKey key;
    private final KafkaConsumer<K, V> consumer;
    /** Null for a consumer outside the cache, closed when its task ends. */
    private final ConsumerCache owner;
    private List<ConsumerRecord<K, V>> carriedRecords = Collections.emptyList();
    private long carriedFromOffset = -1;
    private boolean inUse;
    private boolean closed;

    CachedConsumer(CacheKey key, KafkaConsumer<K, V> consumer, ConsumerCache owner) {
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

    void markInUse() {
        inUse = true;
    }

    @Override
    public KafkaConsumer<K, V> consumer() {
        return consumer;
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
    public void release(RangeReader<K, V> reader) {
        if (reader.finished()) {
            carriedRecords = reader.unreadFetchedRecords();
            carriedFromOffset = reader.position();
        } else {
            forgetCarriedOver();
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

    void releasedByOwner() {
        inUse = false;
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
