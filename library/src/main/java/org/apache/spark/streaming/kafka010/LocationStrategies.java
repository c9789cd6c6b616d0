package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.internal.placement.PlacementPolicy;
import dev.kafkadirect.internal.scala.ScalaInterop;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.Objects;

/**
 * The ways to place Kafka partitions on executors. Consumers are cached on executors, so a partition
 * that stays on one executor from batch to batch reuses its consumer and the records it prefetched.
 * {@link #PreferConsistent()} and {@link #PreferBrokers()} return one instance each; two
 * {@link #PreferFixed(Map)} strategies are equal when their host maps are (from Java or Scala maps alike).
 *
 * <pre>{@code
 * KafkaUtils.createRDD(sparkContext, kafkaParams, offsetRanges, LocationStrategies.PreferConsistent());
 * }</pre>
 */
public final class LocationStrategies {
    private LocationStrategies() {
    }

    /**
     * Spreads partitions evenly across the available executors and keeps each partition on the same
     * executor for as long as the set of executors does not change. Use this in most cases.
     *
     * @return the strategy
     */
    public static LocationStrategy PreferConsistent() {
        return Strategy.CONSISTENT;
    }

    /**
     * Prefers the executor on the host of each partition's leader broker; use it only when executors
     * run on the broker hosts. Needs the driver's consumer, so only direct streams accept it.
     *
     * @return the strategy
     */
    public static LocationStrategy PreferBrokers() {
        return Strategy.BROKERS;
    }

    /**
     * Places the given partitions on the given hosts (for example to spread skewed partitions by hand);
     * partitions not in the map are placed as {@link #PreferConsistent()} would.
     *
     * @param hostMap host name for each partition
     * @return the strategy
     */
    public static LocationStrategy PreferFixed(Map<TopicPartition, String> hostMap) {
        Objects.requireNonNull(hostMap, "PreferFixed needs a host map, but it was null");
        return new Strategy(PlacementPolicy.fixed(hostMap));
    }

    /**
     * Scala variant of {@link #PreferFixed(Map)}.
     *
     * @param hostMap host name for each partition
     * @return the strategy
     */
    public static LocationStrategy PreferFixed(scala.collection.Map<TopicPartition, String> hostMap) {
        Objects.requireNonNull(hostMap, "PreferFixed needs a host map, but it was null");
        return PreferFixed(ScalaInterop.toJavaMap(hostMap));
    }

    private static final class Strategy extends LocationStrategy {
        static final Strategy CONSISTENT = new Strategy(PlacementPolicy.consistent());
        static final Strategy BROKERS = new Strategy(PlacementPolicy.brokers());

        private final PlacementPolicy policy;

        private Strategy(PlacementPolicy policy) {
            this.policy = policy;
        }

        @Override
        PlacementPolicy placementPolicy() {
            return policy;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Strategy && policy.equals(((Strategy) other).policy);
        }

        @Override
        public int hashCode() {
            return policy.hashCode();
        }

        @Override
        public String toString() {
            return policy.toString();
        }
    }
}
