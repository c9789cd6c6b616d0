package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.internal.time.Ticker;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The executor's Kafka consumers, reused from batch to batch so that their connections and prefetched
 * records survive. A consumer serves one task at a time; several may read one partition (split ranges,
 * concurrent tasks), and a task is lent the one that stopped exactly where its range starts, when there
 * is one. A retried task does not trust cached consumers and gets a new one.
 *
 * <p>At {@code maxCapacity}, a task whose partition has no idle consumer takes an idle consumer of
 * another partition (same configuration) and reassigns it, instead of closing one and creating one:
 * connections stay open and consumers created stay flat however many partitions an executor reads.
 * It takes the least recently used idle consumer, whose last prefetch has most likely returned (a consumer cannot
 * fetch from a broker while an earlier fetch to it is pending); when that one has another configuration (another
 * group, cluster or deserializer), it is closed and a new consumer made instead. Beyond {@code maxCapacity} (more
 * tasks at once than that, or other configurations) the least recently used idle consumers are closed; a consumer
 * in use never is. With {@code dev.kafkadirect.consumerCache.idleTimeout}, a consumer idle longer than that is
 * closed by a daemon thread of the cache, so an executor whose topics went quiet releases its connections.
 * Everything left is closed when the JVM exits.
 * One instance per JVM; thread-safe.
 */
public final class ConsumerCache {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerCache.class);
    private static final AtomicLong CONSUMERS_CREATED = new AtomicLong();
    private static final ConsumerCache INSTANCE =
            closedAtExit(new ConsumerCache(KafkaConsumers.WITH_TOKEN_LOGIN, Ticker.SYSTEM, true));
    /** Checks for idle consumers come no closer together than this. */
    private static final long MIN_CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Every cached consumer, idle or in use. */
    private final Set<CachedConsumer<?, ?>> consumers = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<CacheKey, List<CachedConsumer<?, ?>>> idleByKey = new HashMap<>();
    /** Idle consumers by when they were released, least recently first. */
    private final TreeMap<Long, CachedConsumer<?, ?>> idleByRelease = new TreeMap<>();
    private final AtomicBoolean warnedAboutPartitions = new AtomicBoolean();
    private final AtomicBoolean warnedAboutOtherConfigurations = new AtomicBoolean();
    private long releases;
    private final ConsumerFactory factory;
    private final Ticker ticker;
    /** Null for a cache whose idle consumers are closed only when {@link #closeExpiredIdle()} is called. */
    private final ScheduledExecutorService idleCloser;
    private ScheduledFuture<?> nextIdleCheck;
    private long nextIdleCheckNanos = Long.MAX_VALUE;
    private int maxCapacity = Integer.MAX_VALUE;

    private ConsumerCache(ConsumerFactory factory, Ticker ticker, boolean closesIdleByItself) {
        this.factory = factory;
        this.ticker = ticker;
        this.idleCloser = closesIdleByItself ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-direct-consumer-cache-idle");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    private static ConsumerCache closedAtExit(ConsumerCache cache) {
        Runtime.getRuntime().addShutdownHook(new Thread(cache::closeAll, "kafka-direct-consumer-cache-close"));
        return cache;
    }

    /**
     * @param factory where the new cache's consumers come from (tests give one of {@code MockConsumer}s)
     * @return a cache of its own, apart from this JVM's; the caller closes its consumers
     */
    static ConsumerCache using(ConsumerFactory factory) {
        return using(factory, Ticker.SYSTEM);
    }

    /**
     * @param ticker the time idle consumers are measured on; the new cache closes them only when
     *               {@link #closeExpiredIdle()} is called
     * @return a cache of its own, apart from this JVM's; the caller closes its consumers
     */
    static ConsumerCache using(ConsumerFactory factory, Ticker ticker) {
        return new ConsumerCache(factory, ticker, false);
    }

    /** @return a cache of its own that, like this JVM's, closes idle consumers from a thread of its own */
    static ConsumerCache usingItsOwnThread(ConsumerFactory factory) {
        return new ConsumerCache(factory, Ticker.SYSTEM, true);
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
     * @param key configuration and topic-partition
     * @param kafkaParams executor kafkaParams, to create a consumer when needed
     * @param settings the cache settings of the RDD being read
     * @param retriedTask whether this task is a retry (attempt above 0): then a new consumer is created
     * @param fromOffset where the task's range starts: a consumer standing there is preferred
     * @return the lease; the caller releases or invalidates it when the task ends
     */
    public <K, V> ConsumerLease<K, V> acquire(CacheKey key, Map<String, Object> kafkaParams, CacheSettings settings,
                                              boolean retriedTask, long fromOffset) {
        if (!settings.enabled()) {
            CachedConsumer<K, V> uncached = new CachedConsumer<>(key, create(key, kafkaParams), null);
            uncached.lend(LeaseOrigin.CREATED, 0);
            return uncached;
        }
        List<CachedConsumer<?, ?>> toClose = new ArrayList<>();
        synchronized (this) {
            maxCapacity = settings.maxCapacity();
            CachedConsumer<K, V> idle = takeIdle(key, fromOffset);
            if (idle != null && retriedTask) {
                consumers.remove(idle);
                toClose.add(idle);
            } else if (idle != null) {
                idle.lend(LeaseOrigin.CACHED, settings.idleTimeoutMs());
                return idle;
            } else if (!retriedTask && consumers.size() >= maxCapacity) {
                CachedConsumer<K, V> moved = takeLeastRecentIdleLike(key);
                if (moved != null) {
                    warnOnceAboutPartitions("moves consumers from partition to partition");
                    moved.moveTo(key);
                    moved.lend(LeaseOrigin.MOVED, settings.idleTimeoutMs());
                    return moved;
                }
            }
        }
        toClose.forEach(CachedConsumer::close);
        CachedConsumer<K, V> created = new CachedConsumer<>(key, create(key, kafkaParams), this);
        created.lend(LeaseOrigin.CREATED, settings.idleTimeoutMs());
        synchronized (this) {
            consumers.add(created);
            toClose = closeIdleBeyondCapacity(key);
        }
        toClose.forEach(CachedConsumer::close);
        return created;
    }

    /** @return how many consumers the cache holds now */
    public synchronized int size() {
        return consumers.size();
    }

    /** Closes every cached consumer (at JVM exit, and between tests). */
    public void closeAll() {
        List<CachedConsumer<?, ?>> all;
        synchronized (this) {
            all = new ArrayList<>(consumers);
            consumers.clear();
            idleByKey.clear();
            idleByRelease.clear();
        }
        all.forEach(CachedConsumer::close);
    }

    /**
     * Closes the idle consumers that have been idle longer than the idle timeout of the RDD that last borrowed
     * them; the cache's own thread calls this when the next one is due.
     *
     * @return how many were closed
     */
    int closeExpiredIdle() {
        List<CachedConsumer<?, ?>> expired = new ArrayList<>();
        List<TopicPartition> partitions = new ArrayList<>();
        synchronized (this) {
            long now = ticker.nanoTime();
            for (CachedConsumer<?, ?> idle : new ArrayList<>(idleByRelease.values())) {
                if (idle.idleDeadlineNanos() <= now) {
                    forgetIdle(idle);
                    consumers.remove(idle);
                    expired.add(idle);
                    partitions.add(idle.key().partition());
                }
            }
            nextIdleCheck = null;
            nextIdleCheckNanos = Long.MAX_VALUE;
            scheduleIdleCheck();
        }
        if (!expired.isEmpty()) {
            LOG.info("Closing {} executor consumers idle longer than {} ({})", expired.size(),
                    CacheSettings.IDLE_TIMEOUT, partitions);
        }
        expired.forEach(CachedConsumer::close);
        return expired.size();
    }

    void released(CachedConsumer<?, ?> consumer) {
        List<CachedConsumer<?, ?>> toClose;
        synchronized (this) {
            consumer.returned(++releases, ticker.nanoTime());
            if (!consumers.contains(consumer)) {
                toClose = Collections.singletonList(consumer);
            } else {
                idleByKey.computeIfAbsent(consumer.key(), key -> new ArrayList<>(1)).add(consumer);
                idleByRelease.put(consumer.releasedAt(), consumer);
                toClose = closeIdleBeyondCapacity(consumer.key());
                scheduleIdleCheck();
            }
        }
        toClose.forEach(CachedConsumer::close);
    }

    /** Has the cache's thread wake when the soonest idle deadline passes (guarded by this). */
    private void scheduleIdleCheck() {
        if (idleCloser == null) {
            return;
        }
        long soonest = Long.MAX_VALUE;
        for (CachedConsumer<?, ?> idle : idleByRelease.values()) {
            soonest = Math.min(soonest, idle.idleDeadlineNanos());
        }
        if (soonest == Long.MAX_VALUE || soonest >= nextIdleCheckNanos) {
            return;
        }
        if (nextIdleCheck != null) {
            nextIdleCheck.cancel(false);
        }
        long delay = Math.max(MIN_CHECK_INTERVAL_NANOS, soonest - ticker.nanoTime());
        nextIdleCheckNanos = soonest;
        nextIdleCheck = idleCloser.schedule(this::closeExpiredIdle, delay, TimeUnit.NANOSECONDS);
    }

    void invalidated(CachedConsumer<?, ?> consumer) {
        synchronized (this) {
            consumer.returned(++releases, ticker.nanoTime());
            consumers.remove(consumer);
        }
        consumer.close();
    }

    /** @return an idle consumer of the key, preferring one that stopped at {@code fromOffset}; null if none */
    @SuppressWarnings("unchecked")
    private <K, V> CachedConsumer<K, V> takeIdle(CacheKey key, long fromOffset) {
        List<CachedConsumer<?, ?>> idle = idleByKey.get(key);
        if (idle == null) {
            return null;
        }
        CachedConsumer<?, ?> chosen = idle.get(idle.size() - 1);
        for (CachedConsumer<?, ?> candidate : idle) {
            if (candidate.continuesAt(fromOffset)) {
                chosen = candidate;
                break;
            }
        }
        forgetIdle(chosen);
        return (CachedConsumer<K, V>) chosen;
    }

    /**
     * @return the least recently used idle consumer when it has the key's configuration; null when there is none,
     *         or when it has another configuration: then it is the one to give way, closed once a new consumer is made
     *         (moving a more recent one instead made a stream that met a cache full of other groups' consumers move
     *         its own from partition to partition every batch, losing what they fetched ahead)
     */
    @SuppressWarnings("unchecked")
    private <K, V> CachedConsumer<K, V> takeLeastRecentIdleLike(CacheKey key) {
        if (idleByRelease.isEmpty()) {
            return null;
        }
        CachedConsumer<?, ?> leastRecent = idleByRelease.firstEntry().getValue();
        if (!leastRecent.key().sameConfiguration(key)) {
            return null;
        }
        forgetIdle(leastRecent);
        return (CachedConsumer<K, V>) leastRecent;
    }

    private void forgetIdle(CachedConsumer<?, ?> consumer) {
        idleByRelease.remove(consumer.releasedAt());
        List<CachedConsumer<?, ?>> sameKey = idleByKey.get(consumer.key());
        sameKey.remove(consumer);
        if (sameKey.isEmpty()) {
            idleByKey.remove(consumer.key());
        }
    }

    /**
     * @param making the key of the consumer that made room necessary (just created or just released)
     * @return the idle consumers to close, least recently used first, until the cache is back at capacity
     */
    private List<CachedConsumer<?, ?>> closeIdleBeyondCapacity(CacheKey making) {
        List<CachedConsumer<?, ?>> evicted = new ArrayList<>();
        while (consumers.size() > maxCapacity && !idleByRelease.isEmpty()) {
            CachedConsumer<?, ?> leastRecentlyUsed = idleByRelease.firstEntry().getValue();
            forgetIdle(leastRecentlyUsed);
            consumers.remove(leastRecentlyUsed);
            evicted.add(leastRecentlyUsed);
        }
        for (CachedConsumer<?, ?> closed : evicted) {
            if (closed.key().sameConfiguration(making)) {
                warnOnceAboutPartitions("closes consumers between batches");
            } else {
                warnOnceAboutOtherConfigurations();
            }
        }
        return evicted;
    }

    private void warnOnceAboutPartitions(String consequence) {
        if (warnedAboutPartitions.compareAndSet(false, true)) {
            LOG.warn("This executor reads more Kafka partitions at once than {}={} allows, so it {}; raise that"
                    + " setting to at least the partitions per executor to keep each partition's consumer",
                    CacheSettings.MAX_CAPACITY, maxCapacity, consequence);
        }
    }

    /** Consumers of another group, cluster or deserializer (an earlier stream's, or another stream's) gave way. */
    private void warnOnceAboutOtherConfigurations() {
        if (warnedAboutOtherConfigurations.compareAndSet(false, true)) {
            LOG.warn("This executor's consumer cache is full ({}={}), partly with consumers of other kafkaParams"
                    + " (another group.id, cluster or deserializer: an earlier stream's, or another stream's of this"
                    + " application), so it closes the least recently used of those; when several streams read at once,"
                    + " raise that setting to the partitions per executor of all of them together",
                    CacheSettings.MAX_CAPACITY, maxCapacity);
        }
    }

    private <K, V> Consumer<K, V> create(CacheKey key, Map<String, Object> kafkaParams) {
        Consumer<K, V> consumer = factory.create(kafkaParams);
        CONSUMERS_CREATED.incrementAndGet();
        consumer.assign(Collections.singletonList(key.partition()));
        return consumer;
    }
}
