package dev.kafkadirect.internal.stream;

import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.PerPartitionConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** How far a batch reads in each partition, from the rates in records per second and the batch interval. */
class RateLimitTest {
    private static final TopicPartition BIG = new TopicPartition("t", 0);
    private static final TopicPartition SMALL = new TopicPartition("t", 1);

    @Test
    void withoutLimitsABatchReadsToTheLatestOffsets() {
        assertThat(RateLimit.untilOffsets(Map.of(BIG, 100L, SMALL, 0L), Map.of(BIG, 5_000L, SMALL, 7L), 2_000,
                rates(0, 1), OptionalLong.empty())).isEqualTo(Map.of(BIG, 5_000L, SMALL, 7L));
    }

    @Test
    void maxRatePerPartitionIsRecordsPerSecondOfTheBatchInterval() {
        assertThat(RateLimit.untilOffsets(Map.of(BIG, 100L, SMALL, 0L), Map.of(BIG, 5_000L, SMALL, 30L), 500,
                rates(100, 1), OptionalLong.empty())).isEqualTo(Map.of(BIG, 150L, SMALL, 30L));
    }

    @Test
    void underBackpressureTheRateIsSharedByLagAndMinRatePerPartitionIsAlsoPerSecond() {
        // 100 records/s for the stream, lags 10,000 and 1,000: shares 90.9 and 9.1 records/s; the small
        // partition's share is raised to the minimum, 50 records/s, which over a 2 s batch is 100 records.
        Map<TopicPartition, Long> until = RateLimit.untilOffsets(Map.of(BIG, 0L, SMALL, 0L),
                Map.of(BIG, 10_000L, SMALL, 1_000L), 2_000, rates(0, 50), OptionalLong.of(100));

        assertThat(until).isEqualTo(Map.of(BIG, 181L, SMALL, 100L));
    }

    @Test
    void maxRatePerPartitionCapsTheBackpressureShareAndNoBatchPassesTheLatestOffset() {
        Map<TopicPartition, Long> until = RateLimit.untilOffsets(Map.of(BIG, 0L, SMALL, 0L),
                Map.of(BIG, 10_000L, SMALL, 40L), 1_000, rates(300, 50), OptionalLong.of(10_000));

        assertThat(until).isEqualTo(Map.of(BIG, 300L, SMALL, 40L));
    }

    private static PerPartitionConfig rates(long max, long min) {
        return new PerPartitionConfig() {
            @Override
            public long maxRatePerPartition(TopicPartition topicPartition) {
                return max;
            }

            @Override
            public long minRatePerPartition(TopicPartition topicPartition) {
                return min;
            }
        };
    }
}
