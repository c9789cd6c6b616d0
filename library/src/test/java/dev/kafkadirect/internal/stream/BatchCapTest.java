package dev.kafkadirect.internal.stream;

import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.PerPartitionConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** dev.kafkadirect.maxRecordsPerBatch: the whole batch's cap, shared by lag, after the per-partition limits. */
class BatchCapTest {
    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);
    private static final TopicPartition P2 = new TopicPartition("t", 2);
    private static final Map<TopicPartition, Long> ZERO = Map.of(P0, 0L, P1, 0L, P2, 0L);

    @Test
    void theCapIsSharedInProportionToLag() {
        Map<TopicPartition, Long> latest = Map.of(P0, 600L, P1, 300L, P2, 100L);

        assertThat(BatchCap.apply(ZERO, latest, latest, 250)).isEqualTo(Map.of(P0, 150L, P1, 75L, P2, 25L));
    }

    @Test
    void aBatchTheOtherLimitsKeepUnderTheCapIsUnchanged() {
        Map<TopicPartition, Long> from = Map.of(P0, 10L, P1, 20L, P2, 30L);
        Map<TopicPartition, Long> latest = Map.of(P0, 110L, P1, 120L, P2, 80L);

        assertThat(BatchCap.apply(from, latest, latest, 250)).isEqualTo(latest);
    }

    @Test
    void whatAPartitionsOwnLimitLeavesGoesToTheOthersByLag() {
        // Shares of 250 by lag 600:300:100 are 150, 75, 25; partition 0 may read only 100, so 150 are left for
        // lags 300:100 (112.5, 37.5); partition 1 may read only 100, so partition 2 gets the last 50.
        Map<TopicPartition, Long> latest = Map.of(P0, 600L, P1, 300L, P2, 100L);
        Map<TopicPartition, Long> allowed = Map.of(P0, 100L, P1, 100L, P2, 100L);

        assertThat(BatchCap.apply(ZERO, allowed, latest, 250)).isEqualTo(Map.of(P0, 100L, P1, 100L, P2, 50L));
    }

    @Test
    void roundingGivesExactlyTheCapToTheLargestFractionsThenTheMostLag() {
        Map<TopicPartition, Long> latest = Map.of(P0, 1L, P1, 1L, P2, 1L);
        Map<TopicPartition, Long> uneven = Map.of(P0, 10L, P1, 20L, P2, 10L);

        assertThat(BatchCap.apply(ZERO, latest, latest, 2)).isEqualTo(Map.of(P0, 1L, P1, 1L, P2, 0L));
        // 7 by 10:20:10 is 1.75, 3.5, 1.75: floors 1, 3, 1, and the two left go to the fractions of .75.
        assertThat(BatchCap.apply(ZERO, uneven, uneven, 7)).isEqualTo(Map.of(P0, 2L, P1, 3L, P2, 2L));
    }

    @Test
    void underBackpressureAndMaxRatePerPartitionTheSmallestLimitWins() {
        Map<TopicPartition, Long> latest = Map.of(P0, 10_000L, P1, 10_000L, P2, 10L);
        PerPartitionConfig maxRate300 = new PerPartitionConfig() {
            @Override
            public long maxRatePerPartition(TopicPartition topicPartition) {
                return 300;
            }
        };
        // 1 s batches: backpressure at 800 records/s shares ~400 to each long partition, which maxRatePerPartition
        // lowers to 300, and 0.4 to the short one, which minRatePerPartition raises to 1; a cap of 500 then shares
        // those 601 records by lag: 249.875, 249.875 and 0.25, rounded to 250, 250 and 0.
        Map<TopicPartition, Long> allowed = RateLimit.untilOffsets(ZERO, latest, 1_000, maxRate300, OptionalLong.of(800));
        assertThat(allowed).isEqualTo(Map.of(P0, 300L, P1, 300L, P2, 1L));

        assertThat(BatchCap.apply(ZERO, allowed, latest, 500)).isEqualTo(Map.of(P0, 250L, P1, 250L, P2, 0L));
        assertThat(BatchCap.apply(ZERO, allowed, latest, 5_000)).isEqualTo(allowed);
    }
}
