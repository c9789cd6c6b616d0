package dev.kafkadirect.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quantiles interpolate between the closest ranks. */
class QuantilesTest {
    @Test
    void quantilesInterpolateBetweenRanks() {
        List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0);

        assertThat(Quantiles.of(sorted, 0.5)).isEqualTo(2.5);
        assertThat(Quantiles.of(sorted, 0.25)).isEqualTo(1.75);
        assertThat(Quantiles.of(sorted, 1.0)).isEqualTo(4.0);
        assertThat(Quantiles.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThatThrownBy(() -> Quantiles.of(List.of(), 0.5)).hasMessage("no values");
    }
}
