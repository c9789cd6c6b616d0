package dev.kafkadirect.internal.placement;

import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chooses the preferred location of a Kafka partition among the current executors. Consistent
 * placement hashes the partition onto the executors sorted by host and id, so a partition stays on one
 * executor (and its cached consumer) while the executors stay the same. Equal when kind and host map are.
 */
public final class PlacementPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    private enum Kind { CONSISTENT, BROKERS, FIXED }

    private final Kind kind;
    private final Map<TopicPartition, String> fixedHosts;

    private PlacementPolicy(Kind kind, Map<TopicPartition, String> fixedHosts) {
        this.kind = kind;
        this.fixedHosts = fixedHosts;
    }

    /** @return even, stable placement over all executors */
    public static PlacementPolicy consistent() {
        return new PlacementPolicy(Kind.CONSISTENT, Collections.emptyMap());
    }

    /** @return placement on the host of each partition's leader (needs leader hosts) */
    public static PlacementPolicy brokers() {
        return new PlacementPolicy(Kind.BROKERS, Collections.emptyMap());
    }

    /**
     * @param hosts host per partition; other partitions are placed consistently
     * @return placement on the given hosts
     */
    public static PlacementPolicy fixed(Map<TopicPartition, String> hosts) {
        Map<TopicPartition, String> copy = new HashMap<>();
        hosts.forEach((partition, host) -> {
            if (partition == null || host == null || host.isEmpty()) {
                throw new IllegalArgumentException("PreferFixed host map entries need a partition and a host, but got "
                        + partition + " -> " + host);
            }
            copy.put(partition, host);
        });
        return new PlacementPolicy(Kind.FIXED, Collections.unmodifiableMap(copy));
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PlacementPolicy)) {
            return false;
        }
        PlacementPolicy that = (PlacementPolicy) other;
        return kind == that.kind && fixedHosts.equals(that.fixedHosts);
    }

    @Override
    public int hashCode() {
        return 31 * kind.ordinal() + fixedHosts.hashCode();
    }

    /** @return whether this policy needs each partition's leader host, which only a driver consumer knows */
    public boolean needsLeaderHosts() {
        return kind == Kind.BROKERS;
    }

    /**
     * @param partition the Kafka partition
     * @param executors the current executors, any order
     * @param leaderHosts leader host per partition (used by broker placement only)
     * @return the preferred location, or empty when any executor will do
     */
    public Optional<String> locate(TopicPartition partition, List<ExecutorLocation> executors,
                                   Map<TopicPartition, String> leaderHosts) {
        return locateAmong(partition, 0, sorted(executors), leaderHosts);
    }

    /**
     * Places a whole RDD's ranges, sorting the executors once (not once per range: thousands of partitions on
     * many executors every batch). Consecutive ranges of one partition are its sub-ranges 0, 1, 2...; sub-range
     * {@code k} goes to the executor {@code k} places after the partition's own, so a hot partition's sub-ranges
     * spread over the executors (on its host, for host placement).
     *
     * @param ranges the RDD's ranges, a split partition's sub-ranges next to each other
     * @param executors the current executors, any order
     * @param leaderHosts leader host per partition (used by broker placement only)
     * @return the preferred location of each range, in the ranges' order
     */
    public List<Optional<String>> locateAll(OffsetRange[] ranges, List<ExecutorLocation> executors,
                                            Map<TopicPartition, String> leaderHosts) {
        List<ExecutorLocation> sorted = sorted(executors);
        List<Optional<String>> locations = new ArrayList<>(ranges.length);
        int subRange = 0;
        for (int i = 0; i < ranges.length; i++) {
            TopicPartition partition = ranges[i].topicPartition();
            subRange = i > 0 && ranges[i - 1].topicPartition().equals(partition) ? subRange + 1 : 0;
            locations.add(locateAmong(partition, subRange, sorted, leaderHosts));
        }
        return locations;
    }

    private Optional<String> locateAmong(TopicPartition partition, int subRange, List<ExecutorLocation> sorted,
                                         Map<TopicPartition, String> leaderHosts) {
        String host = null;
        if (kind == Kind.FIXED) {
            host = fixedHosts.get(partition);
        } else if (kind == Kind.BROKERS) {
            host = leaderHosts.get(partition);
        }
        if (host == null) {
            return pick(partition, subRange, sorted);
        }
        String wanted = host;
        List<ExecutorLocation> onHost = sorted.stream().filter(executor -> executor.host().equals(wanted))
                .collect(Collectors.toList());
        return onHost.isEmpty() ? Optional.of(wanted) : pick(partition, subRange, onHost);
    }

    private static List<ExecutorLocation> sorted(List<ExecutorLocation> executors) {
        List<ExecutorLocation> sorted = new ArrayList<>(executors);
        sorted.sort(ExecutorLocation.ORDER);
        return sorted;
    }

    private static Optional<String> pick(TopicPartition partition, int subRange, List<ExecutorLocation> sorted) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sorted.get(Math.floorMod(partition.hashCode() + subRange, sorted.size())).taskLocation());
    }

    @Override
    public String toString() {
        switch (kind) {
            case BROKERS:
                return "PreferBrokers";
            case FIXED:
                return "PreferFixed(" + fixedHosts + ")";
            default:
                return "PreferConsistent";
        }
    }
}
