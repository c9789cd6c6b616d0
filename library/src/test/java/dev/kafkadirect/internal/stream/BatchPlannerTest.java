package dev.kafkadirect.internal.stream;

import dev.kafkadirect.StreamCannotContinueException;
import dev.kafkadirect.testing.SteppingTicker;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.streaming.kafka010.PerPartitionConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Planning batches against Kafka's MockConsumer, with a ticker that moves 100 ms each time it is read. */
class BatchPlannerTest {
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);
    private static final TopicPartition P2 = new TopicPartition("orders", 2);

    private final MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private final DriverConsumer<String, String> driver = new DriverConsumer<>(consumer, Duration.ofSeconds(30),
            ExpiredCommits.of(7, Map.of("group.id", "orders-app", "auto.offset.reset", "earliest")), false,
            new SteppingTicker());
    private final BatchPlanner planner = new BatchPlanner(7, "orders-app", maxRate(100), 1_000);

    @Test
    void aBatchReadsFromWhereTheStreamStandsToTheLatestOffsetsWithinTheRate() {
        topic(3);
        consumer.assign(List.of(P0, P1));
        consumer.updateEndOffsets(Map.of(P0, 1_000L, P1, 10L));

        PlannedBatch batch = planner.plan(driver, Map.of(P0, 0L, P1, 5L), OptionalLong.empty());

        assertThat(batch.ranges()).containsExactly(OffsetRange.create(P0, 0, 100), OffsetRange.create(P1, 5, 10));
        assertThat(batch.until()).isEqualTo(Map.of(P0, 100L, P1, 10L));
        assertThat(batch.latest()).isEqualTo(Map.of(P0, 1_000L, P1, 10L));
    }

    @Test
    void newPartitionsStartAtTheGroupsCommittedOffsetElseAtTheirBeginning() {
        topic(3);
        consumer.assign(List.of(P0, P1, P2));
        consumer.commitSync(Map.of(P1, new OffsetAndMetadata(7)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L, P2, 3L));
        consumer.updateEndOffsets(Map.of(P0, 20L, P1, 20L, P2, 20L));

        PlannedBatch batch = planner.plan(driver, Map.of(P0, 10L), OptionalLong.empty());

        assertThat(batch.ranges()).containsExactly(OffsetRange.create(P0, 10, 20), OffsetRange.create(P1, 7, 20),
                OffsetRange.create(P2, 3, 20));
    }

    @Test
    void aJournalledPartitionStartsAtTheJournalsOffsetWhenItIsFirstAssigned() {
        topic(3);
        consumer.assign(List.of(P0, P1));
        consumer.commitSync(Map.of(P1, new OffsetAndMetadata(7)));
        consumer.updateEndOffsets(Map.of(P0, 50L, P1, 50L));
        planner.resumeFromJournal(Map.of(P1, 20L, new TopicPartition("dropped-topic", 0), 5L));

        PlannedBatch batch = planner.plan(driver, Map.of(P0, 40L), OptionalLong.empty());

        assertThat(batch.ranges()).containsExactly(OffsetRange.create(P0, 40, 50), OffsetRange.create(P1, 20, 50));
        assertThat(planner.journalledStarts(java.util.Set.of(P0, P2))).isEmpty();
    }

    @Test
    void partitionsARebalanceTookStopThePlanNamingThemAndTheGroup() {
        topic(3);
        consumer.assign(List.of(P0));
        consumer.updateEndOffsets(Map.of(P0, 50L, P1, 50L));

        assertThatThrownBy(() -> planner.plan(driver, Map.of(P0, 0L, P1, 0L), OptionalLong.empty()))
                .isInstanceOf(StreamCannotContinueException.class)
                .hasMessage("Partitions [orders-1] were taken from this stream's consumer by a rebalance of group.id"
                        + " 'orders-app': another consumer uses the same group.id. Use a separate group.id for each stream.");
    }

    @Test
    void partitionsWhoseTopicWasDeletedStopThePlanNamingWhereTheStreamStood() {
        topic(1);
        consumer.assign(List.of(P0));
        consumer.updateEndOffsets(Map.of(P0, 50L));

        assertThatThrownBy(() -> planner.plan(driver, Map.of(P0, 3L, P1, 12L), OptionalLong.empty()))
                .isInstanceOf(StreamCannotContinueException.class)
                .hasMessageStartingWith("Direct stream 7 reads partitions that no longer exist: [orders-1] (it stood at"
                        + " offsets {orders-1=12}).");
    }

    @Test
    void aLogEndingBeforeWhereTheStreamStandsStopsThePlan() {
        topic(1);
        consumer.assign(List.of(P0));
        consumer.updateEndOffsets(Map.of(P0, 10L));

        assertThatThrownBy(() -> planner.plan(driver, Map.of(P0, 500L), OptionalLong.empty()))
                .isInstanceOf(StreamCannotContinueException.class)
                .hasMessageStartingWith("The stream stands at offset 500 of orders-0 but the partition ends at offset 10");
    }

    @Test
    void underBackpressureTheStreamsRateIsSharedByLag() {
        topic(2);
        consumer.assign(List.of(P0, P1));
        consumer.updateEndOffsets(Map.of(P0, 300L, P1, 100L));
        BatchPlanner unlimited = new BatchPlanner(7, "orders-app", maxRate(0), 2_000);

        PlannedBatch batch = unlimited.plan(driver, Map.of(P0, 0L, P1, 0L), OptionalLong.of(40));

        assertThat(batch.until()).isEqualTo(Map.of(P0, 60L, P1, 20L));
    }

    /** Lists the topic's partitions to the consumer, with beginning offsets 0, as a cluster would. */
    private void topic(int partitions) {
        List<PartitionInfo> infos = new ArrayList<>();
        Map<TopicPartition, Long> beginnings = new HashMap<>();
        Node broker = new Node(1, "127.0.0.1", 9092);
        for (int partition = 0; partition < partitions; partition++) {
            infos.add(new PartitionInfo("orders", partition, broker, new Node[]{broker}, new Node[]{broker}));
            beginnings.put(new TopicPartition("orders", partition), 0L);
        }
        consumer.updatePartitions("orders", infos);
        consumer.updateBeginningOffsets(beginnings);
    }

    private static PerPartitionConfig maxRate(long recordsPerSecond) {
        return new PerPartitionConfig() {
            @Override
            public long maxRatePerPartition(TopicPartition topicPartition) {
                return recordsPerSecond;
            }
        };
    }
}
