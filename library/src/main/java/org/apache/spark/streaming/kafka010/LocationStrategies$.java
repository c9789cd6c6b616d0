package org.apache.spark.streaming.kafka010;

import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/**
 * Binary compatibility for Scala applications compiled against Apache's module, where
 * {@code LocationStrategies} is a Scala {@code object}. Every method delegates to
 * {@link LocationStrategies}; do not use this class from source code.
 */
public final class LocationStrategies$ {
    /** The instance Scala-compiled callers use. */
    public static final LocationStrategies$ MODULE$ = new LocationStrategies$();

    private LocationStrategies$() {
    }

    /** See {@link LocationStrategies#PreferBrokers()}. */
    public LocationStrategy PreferBrokers() {
        return LocationStrategies.PreferBrokers();
    }

    /** See {@link LocationStrategies#PreferConsistent()}. */
    public LocationStrategy PreferConsistent() {
        return LocationStrategies.PreferConsistent();
    }

    /** See {@link LocationStrategies#PreferFixed(scala.collection.Map)}. */
    public LocationStrategy PreferFixed(scala.collection.Map<TopicPartition, String> hostMap) {
        return LocationStrategies.PreferFixed(hostMap);
    }

    /** See {@link LocationStrategies#PreferFixed(Map)}. */
    public LocationStrategy PreferFixed(Map<TopicPartition, String> hostMap) {
        return LocationStrategies.PreferFixed(hostMap);
    }
}
