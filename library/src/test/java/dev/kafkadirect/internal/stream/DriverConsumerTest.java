package dev.kafkadirect.internal.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How the driver's consumer keeps every partition paused, against Kafka's MockConsumer. */
class DriverConsumerTest {
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private final CountingConsumer consumer = new CountingConsumer();

    @Test
    void aStrategyThatPausesOnAssignmentIsNotPausedAgainAtEachPollNorItsAssignmentCopiedTwice() {
        consumer.assign(List.of(P0, P1));
        consumer.pause(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        DriverConsumer<String, String> driver = driver(true);

        for (int i = 0; i < 3; i++) {
            assertThat(driver.refreshAssignment()).containsExactlyInAnyOrder(P0, P1);
        }

        assertThat(consumer.pauseCalls).isEqualTo(1);
        assertThat(consumer.assignmentCalls).as("one copy a poll, and one more before the first").isEqualTo(4);
        assertThat(consumer.paused()).containsExactlyInAnyOrder(P0, P1);
    }

    @Test
    void anyOtherStrategysAssignmentIsPausedAroundEachPoll() {
        consumer.assign(List.of(P0));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.addRecord(new ConsumerRecord<>("orders", 0, 0L, "k", "v"));
        DriverConsumer<String, String> driver = driver(false);

        driver.refreshAssignment();

        assertThat(consumer.pauseCalls).isEqualTo(2);
        assertThat(consumer.paused()).containsExactly(P0);
        assertThat(consumer.position(P0)).as("nothing fetched").isEqualTo(0L);
    }

    @Test
    void recordsReturnedAlthoughTheStrategyPausesAreNotSkippedAndLaterPollsPauseEverything() {
        consumer.assign(List.of(P0));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 7L, P1, 0L));
        consumer.seek(P0, 5L);
        consumer.addRecord(new ConsumerRecord<>("orders", 0, 5L, "k", "v"));
        consumer.addRecord(new ConsumerRecord<>("orders", 0, 6L, "k", "v"));
        DriverConsumer<String, String> driver = driver(true);

        Set<TopicPartition> assigned = driver.refreshAssignment();

        assertThat(assigned).containsExactly(P0);
        assertThat(consumer.paused()).containsExactly(P0);
        assertThat(driver.positions(List.of(P0))).as("where the returned records start").isEqualTo(Map.of(P0, 5L));

        consumer.assign(List.of(P0, P1));
        driver.refreshAssignment();
        assertThat(consumer.paused()).containsExactlyInAnyOrder(P0, P1);
    }

    private DriverConsumer<String, String> driver(boolean pausedOnAssignment) {
        return new DriverConsumer<>(consumer, Duration.ofSeconds(30), ExpiredCommits.of(7, Map.of()),
                pausedOnAssignment);
    }

    /** A MockConsumer that counts its pause and assignment calls. */
    private static final class CountingConsumer extends MockConsumer<String, String> {
        private int pauseCalls;
        private int assignmentCalls;

        CountingConsumer() {
            super(OffsetResetStrategy.EARLIEST);
        }

        @Override
        public synchronized void pause(Collection<TopicPartition> partitions) {
            pauseCalls++;
            super.pause(partitions);
        }

        @Override
        public synchronized Set<TopicPartition> assignment() {
            assignmentCalls++;
            return super.assignment();
        }
    }
}
