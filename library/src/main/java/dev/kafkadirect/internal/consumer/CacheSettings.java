package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.internal.config.Settings;
import org.apache.spark.SparkConf;

import java.io.Serializable;

/** The executor consumer cache settings, read and validated once on the driver, shipped with each RDD. */
public final class CacheSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String ENABLED = Settings.CACHE_ENABLED.key();
    public static final String INITIAL_CAPACITY = Settings.CACHE_INITIAL_CAPACITY.key();
    public static final String MAX_CAPACITY = Settings.CACHE_MAX_CAPACITY.key();
    public static final String LOAD_FACTOR = Settings.CACHE_LOAD_FACTOR.key();
    public static final String IDLE_TIMEOUT = Settings.CONSUMER_CACHE_IDLE_TIMEOUT.key();

    private final boolean enabled;
    private final int initialCapacity;
    private final int maxCapacity;
    private final float loadFactor;
    /** 0 when idle consumers stay until capacity or JVM exit closes them. */
    private final long idleTimeoutMs;

    public CacheSettings(boolean enabled, int initialCapacity, int maxCapacity, float loadFactor) {
        this(enabled, initialCapacity, maxCapacity, loadFactor, 0);
    }

    /**
     * @param idleTimeoutMs how long a consumer may stay idle before it is closed; 0 for no limit
     */
    public CacheSettings(boolean enabled, int initialCapacity, int maxCapacity, float loadFactor, long idleTimeoutMs) {
        if (initialCapacity <= 0) {
            throw new IllegalArgumentException(INITIAL_CAPACITY + " must be > 0 but was " + initialCapacity);
        }
        if (maxCapacity <= 0) {
            throw new IllegalArgumentException(MAX_CAPACITY + " must be > 0 but was " + maxCapacity);
        }
        if (!(loadFactor > 0 && loadFactor <= 1)) {
            throw new IllegalArgumentException(LOAD_FACTOR + " must be > 0 and <= 1 but was " + loadFactor);
        }
        this.enabled = enabled;
        this.initialCapacity = initialCapacity;
        this.maxCapacity = maxCapacity;
        this.loadFactor = loadFactor;
        if (idleTimeoutMs < 0) {
            throw new IllegalArgumentException(IDLE_TIMEOUT + " must be > 0 but was " + idleTimeoutMs);
        }
        this.idleTimeoutMs = idleTimeoutMs;
    }

    /**
     * @param conf the application's configuration
     * @return the settings (defaults: enabled, 16, 64, 0.75, no idle timeout)
     * @throws IllegalArgumentException naming a setting with a bad value
     */
    public static CacheSettings from(SparkConf conf) {
        return new CacheSettings(
                Settings.CACHE_ENABLED.from(conf),
                Settings.CACHE_INITIAL_CAPACITY.from(conf),
                Settings.CACHE_MAX_CAPACITY.from(conf),
                Settings.CACHE_LOAD_FACTOR.from(conf),
                Settings.CONSUMER_CACHE_IDLE_TIMEOUT.optionalFrom(conf).orElse(0L));
    }

    public boolean enabled() {
        return enabled;
    }

    public int initialCapacity() {
        return initialCapacity;
    }

    public int maxCapacity() {
        return maxCapacity;
    }

    public float loadFactor() {
        return loadFactor;
    }

    /** @return how long a consumer may stay idle before it is closed, in milliseconds; 0 for no limit */
    public long idleTimeoutMs() {
        return idleTimeoutMs;
    }
}
