package dev.kafkadirect.internal.consumer;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The executor's Kafka consumers, one per (group id, topic-partition), reused from batch to batch so
 * that their connections and prefetched records survive. A consumer serves one task at a time: a
 * second task on the same key gets a consumer of its own, closed when it ends. A retried task does not
 * trust the cached consumer. Beyond {@code maxCapacity} the least recently used idle consumers are
 * closed; a consumer in use is never evicted. Everything left is closed when the JVM exits.
 * One instance per JVM; thread-safe.
 */
public final class ConsumerCache {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerCache.class);
    private static final AtomicLong CONSUMERS_CREATED = new AtomicLong();
    private static final ConsumerCache INSTANCE = new ConsumerCache();

    private final Map<CacheKey, CachedConsumer<?, ?>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final AtomicBoolean warnedAboutCapacity = new AtomicBoolean();
    private int maxCapacity = Integer.MAX_VALUE;

    private ConsumerCache() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "kafka-direct-consumer-cache-close"));
    }

    /** @return this JVM's cache */
    public static ConsumerCache instance() {
        return INSTANCE;
    }

    /** @return how many executor consumers this JVM has created, cached or not */
    public static long consumersCreated() {
        return CONSUMERS_CREATED.get();
    }

    /**
     * Lends a consumer assigned to the key's topic-partition.
     *
     * @param key group id and topic-partition
     * @param kafkaParams executor kafkaParams, to create a consumer when needed
     * @param settings the cache settings of the RDD being read
     * @param retriedTask whether this task is a retry (attempt above 0): then a cached consumer is replaced
     * @return the lease; the caller releases or invalidates it when the task ends
     */
    public <K, V> ConsumerLease<K, V> acquire(CacheKey key, Map<String, Object> kafkaParams, CacheSettings settings,
                                              boolean retriedTask) {
        if (!settings.enabled()) {
            return new CachedConsumer<>(key, create(key, kafkaParams), null);
        }
        List<CachedConsumer<?, ?>> toClose = new ArrayList<>();
        CachedConsumer<K, V> lease;
        synchronized (this) {
            maxCapacity = settings.maxCapacity();
            @SuppressWarnings("unchecked")
            CachedConsumer<K, V> cached = (CachedConsumer<K, V>) entries.get(key);
            if (cached != null && cached.inUse()) {
                return new CachedConsumer<>(key, create(key, kafkaParams), null);
            }
            if (cached != null && !retriedTask) {
                cached.markInUse();
                return cached;
            }
            if (cached != null) {
                entries.remove(key);
                toClose.add(cached);
            }
            lease = new CachedConsumer<>(key, create(key, kafkaParams), this);
            lease.markInUse();
            entries.put(key, lease);
            toClose.addAll(evictIdleBeyondCapacity());
        }
        toClose.forEach(CachedConsumer::close);
        return lease;
    }

    /** @return how many consumers the cache holds now */
    public synchronized int size() {
        return entries.size();
    }

    /** Closes every cached consumer (at JVM exit, and between tests). */
    public void closeAll() {
        List<CachedConsumer<?, ?>> all;
        synchronized (this) {
            all = new ArrayList<>(entries.values());
            entries.clear();
        }
        all.forEach(CachedConsumer::close);
    }

    void released(CachedConsumer<?, ?> consumer) {
        List<CachedConsumer<?, ?>> toClose;
        synchronized (this) {
            consumer.releasedByOwner();
            if (entries.get(consumer.key()) != consumer) {
                toClose = Collections.singletonList(consumer);
            } else {
                toClose = evictIdleBeyondCapacity();
            }
        }
        toClose.forEach(CachedConsumer::close);
    }

    void invalidated(CachedConsumer<?, ?> consumer) {
        synchronized (this) {
            consumer.releasedByOwner();
            entries.remove(consumer.key(), consumer);
        }
        consumer.close();
    }

    private List<CachedConsumer<?, ?>> evictIdleBeyondCapacity() {
        List<CachedConsumer<?, ?>> evicted = new ArrayList<>();
        Iterator<CachedConsumer<?, ?>> leastRecentlyUsedFirst = entries.values().iterator();
        while (entries.size() > maxCapacity && leastRecentlyUsedFirst.hasNext()) {
            CachedConsumer<?, ?> candidate = leastRecentlyUsedFirst.next();
            if (!candidate.inUse()) {
                leastRecentlyUsedFirst.remove();
                evicted.add(candidate);
            }
        }
        if (!evicted.isEmpty() && warnedAboutCapacity.compareAndSet(false, true)) {
            LOG.warn("This executor reads more Kafka partitions than {}={} allows, so it closes and recreates"
                    + " consumers between batches; raise that setting to at least the partitions per executor",
                    CacheSettings.MAX_CAPACITY, maxCapacity);
        }
        return evicted;
    }

    private static <K, V> KafkaConsumer<K, V> create(CacheKey key, Map<String, Object> kafkaParams) {
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(kafkaParams);
        CONSUMERS_CREATED.incrementAndGet();
        consumer.assign(Collections.singletonList(key.partition()));
        return consumer;
    }
}
