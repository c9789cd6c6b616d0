package dev.kafkadirect.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Quantiles by linear interpolation between the closest ranks (the median of 1, 2, 3, 4 is 2.5). */
final class Quantiles {
    private Quantiles() {
    }

    /** @return the quantile {@code q} (0 to 1) of values already in ascending order */
    static double of(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double rank = q * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
    }

    static double median(Collection<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return of(sorted, 0.5);
    }
}
