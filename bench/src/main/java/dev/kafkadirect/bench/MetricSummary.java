package dev.kafkadirect.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * One metric in one phase over all rounds. A contender's value in a round is the median of its passes in that
 * round's JVM; across rounds each contender has a median and an interquartile range, and two contenders compare
 * by {@link PairedRatios}: the ratio in each round, then their median.
 */
final class MetricSummary {
    final Workload workload;
    final String metric;
    final String phase;
    final String unit;
    final boolean higherIsBetter;
    private final Map<Contender, List<Measurement>> byContender = new EnumMap<>(Contender.class);

    MetricSummary(Workload workload, String metric, String phase, String unit, boolean higherIsBetter) {
        this.workload = workload;
        this.metric = metric;
        this.phase = phase;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    void add(Measurement measurement) {
        byContender.computeIfAbsent(measurement.contender, contender -> new ArrayList<>()).add(measurement);
    }

    boolean has(Contender contender) {
        return byContender.containsKey(contender);
    }

    /** @return round → the median of the contender's passes in that round */
    Map<Integer, Double> perRound(Contender contender) {
        return perRound(contender, measurement -> measurement.value, false);
    }

    /** @return the median, lower and upper quartile over the rounds of the contender's per-round values */
    Spread spread(Contender contender) {
        return new Spread(perRound(contender).values());
    }

    /** @return how many times better {@code first} is than {@code second}, paired per round, if both ran */
    Optional<Spread> ratio(Contender first, Contender second) {
        if (!has(first) || !has(second)) {
            return Optional.empty();
        }
        return PairedRatios.of(perRound(first), perRound(second), higherIsBetter);
    }

    /** @return the median over rounds of the largest live heap of a pass in each round */
    double liveHeapMb(Contender contender) {
        return Quantiles.median(perRound(contender, measurement -> measurement.liveHeapMb, true).values());
    }

    /** @return the median over rounds of the worker JVM's peak RSS */
    double rssPeakMb(Contender contender) {
        return Quantiles.median(perRound(contender, measurement -> measurement.rssPeakMb, true).values());
    }

    private Map<Integer, Double> perRound(Contender contender, ToDoubleFunction<Measurement> field, boolean largest) {
        Map<Integer, List<Double>> values = new TreeMap<>();
        for (Measurement measurement : byContender.get(contender)) {
            values.computeIfAbsent(measurement.round, round -> new ArrayList<>()).add(field.applyAsDouble(measurement));
        }
        Map<Integer, Double> perRound = new TreeMap<>();
        values.forEach((round, roundValues) -> perRound.put(round, largest
                ? roundValues.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)
                : Quantiles.median(roundValues)));
        return perRound;
    }
}
