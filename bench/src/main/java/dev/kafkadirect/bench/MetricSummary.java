package dev.kafkadirect.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** One metric over all rounds: each contender's median, min and max, peaks, and how ours compares. */
final class MetricSummary {
    final Workload workload;
    final String metric;
    final String unit;
    final boolean higherIsBetter;
    private final Map<Contender, List<Measurement>> byContender = new EnumMap<>(Contender.class);

    MetricSummary(Workload workload, String metric, String unit, boolean higherIsBetter) {
        this.workload = workload;
        this.metric = metric;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    void add(Measurement measurement) {
        byContender.computeIfAbsent(measurement.contender, contender -> new ArrayList<>()).add(measurement);
    }

    boolean has(Contender contender) {
        return byContender.containsKey(contender);
    }

    double median(Contender contender) {
        return medianOf(values(contender));
    }

    double min(Contender contender) {
        return Collections.min(values(contender));
    }

    double max(Contender contender) {
        return Collections.max(values(contender));
    }

    int rounds(Contender contender) {
        return values(contender).size();
    }

    double medianHeapMb(Contender contender) {
        List<Double> heaps = new ArrayList<>();
        byContender.get(contender).forEach(measurement -> heaps.add((double) measurement.heapPeakMb));
        return medianOf(heaps);
    }

    double medianRssMb(Contender contender) {
        List<Double> rss = new ArrayList<>();
        byContender.get(contender).forEach(measurement -> rss.add((double) measurement.rssPeakMb));
        return medianOf(rss);
    }

    /** @return how many times better ours is than the other on medians (above 1: ours is better), if both ran */
    OptionalDouble oursVersus(Contender other) {
        if (!has(Contender.OURS) || !has(other)) {
            return OptionalDouble.empty();
        }
        double ours = median(Contender.OURS);
        double theirs = median(other);
        return OptionalDouble.of(higherIsBetter ? ours / theirs : theirs / ours);
    }

    private List<Double> values(Contender contender) {
        List<Double> values = new ArrayList<>();
        byContender.get(contender).forEach(measurement -> values.add(measurement.value));
        return values;
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
