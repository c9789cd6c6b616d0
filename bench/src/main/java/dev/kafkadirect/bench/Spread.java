package dev.kafkadirect.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A median with its interquartile range, over the values of several rounds. */
final class Spread {
    final double median;
    final double lowerQuartile;
    final double upperQuartile;
    final int count;

    /** @throws IllegalArgumentException when there are no values */
    Spread(Collection<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        this.median = Quantiles.of(sorted, 0.5);
        this.lowerQuartile = Quantiles.of(sorted, 0.25);
        this.upperQuartile = Quantiles.of(sorted, 0.75);
        this.count = sorted.size();
    }
}
