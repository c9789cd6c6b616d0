package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.internal.placement.PlacementPolicy;

/**
 * Where Kafka partitions are scheduled among Spark executors. Obtain one from
 * {@link LocationStrategies}; it cannot be extended outside this package.
 */
public abstract class LocationStrategy {
    LocationStrategy() {
    }

    /** @return the internal policy that places partitions on executors */
    abstract PlacementPolicy placementPolicy();
}
