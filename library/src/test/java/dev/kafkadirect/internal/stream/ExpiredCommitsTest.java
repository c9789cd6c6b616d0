package dev.kafkadirect.internal.stream;

import dev.kafkadirect.DataLossException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Committed offsets below the log start follow auto.offset.reset; other starts stay as they are. */
class ExpiredCommitsTest {
    private static final TopicPartition EXPIRED = new TopicPartition("orders", 0);
    private static final TopicPartition KEPT = new TopicPartition("orders", 1);
    private static final TopicPartition GIVEN = new TopicPartition("orders", 2);
    /** Partition 0 committed 5 and starts at 10 now; partition 1 committed 7, within its log; partition 2 has no commit. */
    private static final Map<TopicPartition, Long> STARTS = Map.of(EXPIRED, 5L, KEPT, 7L, GIVEN, 1L);
    private static final Map<TopicPartition, Long> COMMITTED = Map.of(EXPIRED, 5L, KEPT, 7L);
    private static final Map<TopicPartition, Long> LOG_STARTS = Map.of(EXPIRED, 10L, KEPT, 0L, GIVEN, 4L);

    @Test
    void earliestStartsAnExpiredCommitAtTheLogStartAndLatestAtTheEnd() {
        assertThat(rule("earliest").resolve(STARTS, COMMITTED, LOG_STARTS, partitions -> Map.of(EXPIRED, 15L)))
                .isEqualTo(Map.of(EXPIRED, 10L, KEPT, 7L, GIVEN, 1L));
        assertThat(rule("latest").resolve(STARTS, COMMITTED, LOG_STARTS, partitions -> Map.of(EXPIRED, 15L)))
                .isEqualTo(Map.of(EXPIRED, 15L, KEPT, 7L, GIVEN, 1L));
        assertThat(ExpiredCommits.of(1, Map.of("group.id", "g")).resolve(STARTS, COMMITTED, LOG_STARTS,
                partitions -> Map.of(EXPIRED, 15L))).as("Kafka's default is latest").containsEntry(EXPIRED, 15L);
    }

    @Test
    void noneFailsNamingThePartitionTheCommittedOffsetAndTheLogStart() {
        assertThatThrownBy(() -> rule("none").resolve(STARTS, COMMITTED, LOG_STARTS, partitions -> Map.of()))
                .isInstanceOf(DataLossException.class)
                .hasMessage("The committed offset 5 of orders-0 is no longer in the log, which starts at offset 10"
                        + " (retention or deleteRecords removed offsets 5 to 9 before this stream read them), and"
                        + " auto.offset.reset is 'none'. Set auto.offset.reset to earliest to start there (the skipped"
                        + " offsets are logged), or to latest to start at the end.");
    }

    private static ExpiredCommits rule(String reset) {
        return ExpiredCommits.of(1, Map.of("group.id", "g", "auto.offset.reset", reset));
    }
}
