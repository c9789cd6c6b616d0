package dev.kafkadirect.internal.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LagWatchTest {
    @Test
    void theStreakCountsConsecutiveGrowthAndRestartsWhenLagStopsGrowing() {
        LagWatch watch = new LagWatch(2);

        assertThat(watch.observe(0, 10)).as("the first batch has nothing to compare with").isZero();
        assertThat(watch.observe(0, 20)).isEqualTo(1);
        assertThat(watch.observe(0, 30)).isEqualTo(2);
        assertThat(watch.observe(0, 30)).as("equal is not growth").isZero();
        assertThat(watch.observe(0, 31)).isEqualTo(1);
        assertThat(watch.observe(0, 5)).isZero();
    }
}
