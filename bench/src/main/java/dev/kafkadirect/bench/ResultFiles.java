package dev.kafkadirect.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Writes a run's raw numbers (CSV), its summary (Markdown) and its chart (PNG). */
final class ResultFiles {
    static final String CSV = "results.csv";
    static final String MARKDOWN = "summary.md";
    static final String CHART = "ratios.png";

    private ResultFiles() {
    }

    /** @return each metric's summary, in the order measured */
    static List<MetricSummary> summarize(List<Measurement> measurements) {
        Map<String, MetricSummary> summaries = new LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            summaries.computeIfAbsent(measurement.metric, metric -> new MetricSummary(measurement.workload, metric,
                    measurement.unit, measurement.higherIsBetter())).add(measurement);
        }
        return new ArrayList<>(summaries.values());
    }

    static void write(Path directory, List<Measurement> measurements, List<MetricSummary> summaries, String machine,
                      String command, int rounds) throws IOException {
        Files.createDirectories(directory);
        List<String> csv = new ArrayList<>();
        csv.add(Measurement.csvHeader());
        measurements.forEach(measurement -> csv.add(measurement.csvRow()));
        Files.write(directory.resolve(CSV), csv, StandardCharsets.UTF_8);
        Files.write(directory.resolve(MARKDOWN), markdown(summaries, machine, command, rounds)
                .getBytes(StandardCharsets.UTF_8));
        RatioChart.write(summaries, directory.resolve(CHART));
    }

    static String markdown(List<MetricSummary> summaries, String machine, String command, int rounds) {
        StringBuilder text = new StringBuilder();
        text.append("Machine: ").append(machine).append(".\n\n");
        text.append("Command: `").append(command).append("`; ").append(rounds)
                .append(rounds == 1 ? " round" : " rounds").append(", contenders interleaved (order rotated each round),"
                        + " each in its own JVM (local[2], so driver and executors share it).\n\n");
        text.append("| metric | unit | ours | Apache | raw-single | raw-parallel | ours vs Apache | ours vs raw-parallel"
                + " | peak heap MiB ours / Apache | peak RSS MiB ours / Apache |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (MetricSummary summary : summaries) {
            text.append("| ").append(summary.metric).append(" | ").append(summary.unit);
            for (Contender contender : Contender.values()) {
                text.append(" | ").append(summary.has(contender) ? cell(summary, contender) : "–");
            }
            text.append(" | ").append(ratio(summary.oursVersus(Contender.APACHE)))
                    .append(" | ").append(ratio(summary.oursVersus(Contender.RAW_PARALLEL)))
                    .append(" | ").append(peaks(summary, true))
                    .append(" | ").append(peaks(summary, false)).append(" |\n");
        }
        text.append("\nCells: median [min – max] over the rounds. Ratios: how many times better ours is on medians"
                + " (throughput ours/theirs, time theirs/ours; above 1 means ours is better).\n");
        text.append("In the skew workload both Spark contenders get dev.kafkadirect.maxRecordsPerPartition = an eighth"
                + " of the records: ours splits the hot partition's range (off by default), Apache's module ignores it.\n");
        return text.toString();
    }

    private static String cell(MetricSummary summary, Contender contender) {
        if (summary.rounds(contender) == 1) {
            return number(summary.median(contender));
        }
        return number(summary.median(contender)) + " [" + number(summary.min(contender)) + " – "
                + number(summary.max(contender)) + "]";
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ratio(OptionalDouble ratio) {
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.2f×", ratio.getAsDouble()) : "–";
    }

    private static String peaks(MetricSummary summary, boolean heap) {
        if (!summary.has(Contender.OURS) || !summary.has(Contender.APACHE)) {
            return "–";
        }
        return heap ? String.format(Locale.ROOT, "%.0f / %.0f", summary.medianHeapMb(Contender.OURS),
                summary.medianHeapMb(Contender.APACHE))
                : String.format(Locale.ROOT, "%.0f / %.0f", summary.medianRssMb(Contender.OURS),
                summary.medianRssMb(Contender.APACHE));
    }
}
