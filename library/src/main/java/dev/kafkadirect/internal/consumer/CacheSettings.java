package dev.kafkadirect.internal.consumer;

import org.apache.spark.SparkConf;

import java.io.Serializable;

/** The executor consumer cache settings, read and validated once on the driver, shipped with each RDD. */
public final class CacheSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String ENABLED = "spark.streaming.kafka.consumer.cache.enabled";
    public static final String INITIAL_CAPACITY = "spark.streaming.kafka.consumer.cache.initialCapacity";
    public static final String MAX_CAPACITY = "spark.streaming.kafka.consumer.cache.maxCapacity";
    public static final String LOAD_FACTOR = "spark.streaming.kafka.consumer.cache.loadFactor";

    private final boolean enabled;
    private final int initialCapacity;
    private final int maxCapacity;
    private final float loadFactor;

    public CacheSettings(boolean enabled, int initialCapacity, int maxCapacity, float loadFactor) {
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
    }

    /**
     * @param conf the application's configuration
     * @return the settings (defaults: enabled, 16, 64, 0.75)
     * @throws IllegalArgumentException naming a setting with a bad value
     */
    public static CacheSettings from(SparkConf conf) {
        return new CacheSettings(
                SparkSettings.booleanValue(conf, ENABLED, true),
                (int) SparkSettings.longValue(conf, INITIAL_CAPACITY, 16),
                (int) SparkSettings.longValue(conf, MAX_CAPACITY, 64),
                SparkSettings.floatValue(conf, LOAD_FACTOR, 0.75f));
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
}
