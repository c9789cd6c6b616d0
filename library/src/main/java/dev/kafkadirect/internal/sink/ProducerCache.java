package dev.kafkadirect.internal.sink;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The producers (and admin clients) of this JVM's sinks, reused across tasks and batches and closed when
 * the JVM exits. A plain producer is shared by all tasks (Kafka's producer is thread-safe); a
 * transactional producer serves one task at a time through a {@link Lease}, and one that failed is
 * closed instead of returned.
 */
public final class ProducerCache {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerCache.class);
    private static final Map<ProducerParams, Producer<?, ?>> PLAIN = new HashMap<>();
    private static final Map<ProducerParams, Admin> ADMINS = new HashMap<>();
    private static final Map<TransactionalKey, Deque<Producer<?, ?>>> IDLE_TRANSACTIONAL = new HashMap<>();
    private static final AtomicLong TRANSACTIONAL_CREATED = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProducerCache::closeAll, "kafka-direct-close-producers"));
    }

    private ProducerCache() {
    }

    /** @return the JVM's plain producer for these settings */
    @SuppressWarnings("unchecked")
    public static synchronized <K, V> Producer<K, V> plain(ProducerParams params) {
        return (Producer<K, V>) PLAIN.computeIfAbsent(params, key -> new KafkaProducer<>(key.plain()));
    }

    /** @return the JVM's admin client for the cluster these settings write to */
    public static synchronized Admin admin(ProducerParams params) {
        return ADMINS.computeIfAbsent(params, key -> Admin.create(key.admin()));
    }

    /**
     * @return an idle transactional producer with this id, or a new one (its {@code initTransactions}
     *         fences any older producer with the id and settles that producer's open transaction)
     */
    public static <K, V> Lease<K, V> transactional(ProducerParams params, String transactionalId) {
        TransactionalKey key = new TransactionalKey(params, transactionalId);
        Producer<?, ?> idle;
        synchronized (ProducerCache.class) {
            Deque<Producer<?, ?>> producers = IDLE_TRANSACTIONAL.get(key);
            idle = producers == null ? null : producers.poll();
        }
        if (idle != null) {
            return new Lease<>(key, cast(idle), true);
        }
        return fresh(key);
    }

    private static <K, V> Lease<K, V> fresh(TransactionalKey key) {
        KafkaProducer<K, V> producer = new KafkaProducer<>(key.params.transactional(key.transactionalId));
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        TRANSACTIONAL_CREATED.incrementAndGet();
        return new Lease<>(key, producer, false);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Producer<K, V> cast(Producer<?, ?> producer) {
        return (Producer<K, V>) producer;
    }

    /** @return how many transactional producers this JVM has created */
    public static long transactionalProducersCreated() {
        return TRANSACTIONAL_CREATED.get();
    }

    /** Closes every cached producer and admin client; later calls create new ones. */
    public static void closeAll() {
        List<AutoCloseable> toClose = new ArrayList<>();
        synchronized (ProducerCache.class) {
            PLAIN.values().forEach(producer -> toClose.add(closer(producer)));
            IDLE_TRANSACTIONAL.values().forEach(idle -> idle.forEach(producer -> toClose.add(closer(producer))));
            toClose.addAll(ADMINS.values());
            PLAIN.clear();
            IDLE_TRANSACTIONAL.clear();
            ADMINS.clear();
        }
        for (AutoCloseable closeable : toClose) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Closing a sink's Kafka client failed: {}", e.toString());
            }
        }
    }

    private static AutoCloseable closer(Producer<?, ?> producer) {
        return () -> producer.close(Duration.ofSeconds(10));
    }

    /** One task's use of a transactional producer: released when the task succeeded, discarded otherwise. */
    public static final class Lease<K, V> {
        private final TransactionalKey key;
        private final Producer<K, V> producer;
        private final boolean reused;

        private Lease(TransactionalKey key, Producer<K, V> producer, boolean reused) {
            this.key = key;
            this.producer = producer;
            this.reused = reused;
        }

        /** @return the producer, for this task only */
        public Producer<K, V> producer() {
            return producer;
        }

        /** @return true when the producer served earlier tasks (another attempt may have fenced it since) */
        public boolean reused() {
            return reused;
        }

        /** @return a new lease on a fresh producer with the same id; this one is discarded */
        public Lease<K, V> renew() {
            discard();
            return fresh(key);
        }

        /** Returns the producer for the next task. */
        public void release() {
            synchronized (ProducerCache.class) {
                IDLE_TRANSACTIONAL.computeIfAbsent(key, k -> new ArrayDeque<>()).push(producer);
            }
        }

        /** Closes the producer without waiting: it failed or was fenced. */
        public void discard() {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing a failed transactional producer: {}", e.toString());
            }
        }
    }

    private static final class TransactionalKey {
        private final ProducerParams params;
        private final String transactionalId;

        TransactionalKey(ProducerParams params, String transactionalId) {
            this.params = params;
            this.transactionalId = transactionalId;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof TransactionalKey)) {
                return false;
            }
            TransactionalKey that = (TransactionalKey) other;
            return params.equals(that.params) && transactionalId.equals(that.transactionalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(params, transactionalId);
        }
    }
}
