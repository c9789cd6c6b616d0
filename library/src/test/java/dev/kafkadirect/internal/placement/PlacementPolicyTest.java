package dev.kafkadirect.internal.placement;

import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlacementPolicyTest {
    private static final List<ExecutorLocation> EXECUTORS = List.of(
            new ExecutorLocation("host-b", "3"), new ExecutorLocation("host-a", "1"),
            new ExecutorLocation("host-a", "2"), new ExecutorLocation("host-b", "4"));

    @Test
    void consistentPlacementIgnoresTheOrderExecutorsAreListedIn() {
        List<ExecutorLocation> shuffled = new ArrayList<>(EXECUTORS);
        Collections.reverse(shuffled);
        PlacementPolicy policy = PlacementPolicy.consistent();

        for (int partition = 0; partition < 32; partition++) {
            TopicPartition topicPartition = new TopicPartition("events", partition);
            assertThat(policy.locate(topicPartition, shuffled, Map.of()))
                    .isEqualTo(policy.locate(topicPartition, EXECUTORS, Map.of()));
        }
    }

    @Test
    void consistentPlacementSpreadsConsecutivePartitionsOverEveryExecutor() {
        Map<String, Long> perExecutor = IntStream.range(0, 64)
                .mapToObj(partition -> PlacementPolicy.consistent()
                        .locate(new TopicPartition("events", partition), EXECUTORS, Map.of()).orElseThrow())
                .collect(Collectors.groupingBy(location -> location, Collectors.counting()));

        assertThat(perExecutor).containsOnlyKeys("executor_host-a_1", "executor_host-a_2",
                "executor_host-b_3", "executor_host-b_4");
        assertThat(perExecutor.values()).containsOnly(16L);
    }

    @Test
    void noExecutorsMeansNoPreference() {
        assertThat(PlacementPolicy.consistent().locate(new TopicPartition("events", 0), List.of(), Map.of())).isEmpty();
    }

    @Test
    void fixedPlacementUsesAnExecutorOnTheGivenHostAndFallsBackToConsistent() {
        TopicPartition hot = new TopicPartition("events", 0);
        TopicPartition other = new TopicPartition("events", 1);
        TopicPartition elsewhere = new TopicPartition("events", 2);
        Map<TopicPartition, String> hosts = new HashMap<>();
        hosts.put(hot, "host-b");
        hosts.put(elsewhere, "host-without-executors");
        PlacementPolicy policy = PlacementPolicy.fixed(hosts);

        assertThat(policy.locate(hot, EXECUTORS, Map.of()).orElseThrow()).startsWith("executor_host-b_");
        assertThat(policy.locate(elsewhere, EXECUTORS, Map.of())).isEqualTo(Optional.of("host-without-executors"));
        assertThat(policy.locate(other, EXECUTORS, Map.of()))
                .isEqualTo(PlacementPolicy.consistent().locate(other, EXECUTORS, Map.of()));
    }

    @Test
    void brokerPlacementUsesTheLeaderHost() {
        TopicPartition partition = new TopicPartition("events", 5);
        assertThat(PlacementPolicy.brokers().locate(partition, EXECUTORS, Map.of(partition, "host-a")).orElseThrow())
                .startsWith("executor_host-a_");
    }

    @Test
    void fixedHostMapEntriesNeedAHost() {
        Map<TopicPartition, String> hosts = new HashMap<>();
        hosts.put(new TopicPartition("events", 0), "");
        assertThatThrownBy(() -> PlacementPolicy.fixed(hosts))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PreferFixed host map entries need a partition and a host, but got events-0 -> ");
    }

    @Test
    void placesEachRangeOfAnRddAsAlonePlacesItsPartitionAndSpreadsSubRangesOverTheExecutors() {
        PlacementPolicy policy = PlacementPolicy.consistent();
        TopicPartition hot = new TopicPartition("events", 0);
        TopicPartition quiet = new TopicPartition("events", 1);
        OffsetRange[] ranges = {OffsetRange.create(hot, 0, 10), OffsetRange.create(hot, 10, 20),
                OffsetRange.create(hot, 20, 30), OffsetRange.create(hot, 30, 40), OffsetRange.create(quiet, 0, 5)};
        List<ExecutorLocation> shuffled = new ArrayList<>(EXECUTORS);
        Collections.reverse(shuffled);

        List<Optional<String>> locations = policy.locateAll(ranges, shuffled, Map.of());

        assertThat(locations).hasSize(5);
        assertThat(locations.get(0)).isEqualTo(policy.locate(hot, EXECUTORS, Map.of()));
        assertThat(locations.get(4)).isEqualTo(policy.locate(quiet, EXECUTORS, Map.of()));
        assertThat(locations.subList(0, 4).stream().map(Optional::orElseThrow).distinct().count())
                .as("four sub-ranges of one partition on four executors").isEqualTo(4);
        assertThat(policy.locateAll(ranges, List.of(), Map.of())).containsOnly(Optional.empty());
    }
}
