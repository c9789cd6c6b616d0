package dev.kafkadirect.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Writes a run's raw numbers (CSV), its summary (Markdown) and its chart (PNG). */
final class ResultFiles {
    static final String CSV = "results.csv";
    static final String MARKDOWN = "summary.md";
    static final String CHART = "ratios.png";

    private ResultFiles() {
    }

    /** @return each metric's summary per phase, in the order measured */
    static List<MetricSummary> summarize(List<Measurement> measurements) {
        Map<String, MetricSummary> summaries = new LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            summaries.computeIfAbsent(measurement.metric + " " + measurement.phase, key -> new MetricSummary(
                    measurement.workload, measurement.metric, measurement.phase, measurement.unit,
                    measurement.higherIsBetter())).add(measurement);
        }
        return new ArrayList<>(summaries.values());
    }

    static void write(Path directory, List<Measurement> measurements, List<MetricSummary> summaries, RunInfo run)
            throws IOException {
        Files.createDirectories(directory);
        List<String> csv = new ArrayList<>();
        csv.add(Measurement.csvHeader());
        measurements.forEach(measurement -> csv.add(measurement.csvRow()));
        Files.write(directory.resolve(CSV), csv, StandardCharsets.UTF_8);
        Files.write(directory.resolve(MARKDOWN), markdown(summaries, run).getBytes(StandardCharsets.UTF_8));
        RatioChart.write(summaries, directory.resolve(CHART));
    }

    static String markdown(List<MetricSummary> summaries, RunInfo run) {
        Set<Contender> contenders = EnumSet.noneOf(Contender.class);
        for (MetricSummary summary : summaries) {
            for (Contender contender : Contender.values()) {
                if (summary.has(contender)) {
                    contenders.add(contender);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("Machine: ").append(run.machine).append(".\n\n");
        text.append("Command: `").append(run.command).append("`; ").append(run.rounds)
                .append(run.rounds == 1 ? " round" : " rounds").append(", contenders interleaved (order rotated each"
                        + " round), each in its own JVM (driver and executors share it), which runs a read workload")
                .append(" once cold, then")
                .append(run.warmUp == 0 ? "" : " warms it up unmeasured (until two passes in a row compile little in"
                        + " the JIT, at most " + run.warmUp + " passes or " + run.warmUpSeconds
                        + " s of passes; the worker logs say how many),"
                        + " then runs it")
                .append(" ").append(run.warm == 1 ? "once more" : run.warm + " more times").append(" warm.\n\n");
        text.append(run.clients).append("\n\n");
        text.append("| metric | phase | unit");
        contenders.forEach(contender -> text.append(" | ").append(contender.label()));
        text.append(" | ours vs apache | ours vs raw-parallel | ours vs structured | live heap MiB ours / apache"
                + " | peak RSS MiB ours / apache |\n");
        text.append("|---|---|---");
        contenders.forEach(contender -> text.append("|---"));
        text.append("|---|---|---|---|---|\n");
        for (MetricSummary summary : summaries) {
            text.append("| ").append(summary.metric).append(" | ").append(summary.phase).append(" | ").append(summary.unit);
            for (Contender contender : contenders) {
                text.append(" | ").append(summary.has(contender) ? cell(summary.spread(contender)) : "–");
            }
            text.append(" | ").append(ratio(summary.ratio(Contender.OURS, Contender.APACHE)))
                    .append(" | ").append(ratio(summary.ratio(Contender.OURS, Contender.RAW_PARALLEL)))
                    .append(" | ").append(ratio(summary.ratio(Contender.OURS_BESIDE_STRUCTURED, Contender.STRUCTURED)))
                    .append(" | ").append(memory(summary, true))
                    .append(" | ").append(memory(summary, false)).append(" |\n");
        }
        text.append("\nCells: median [lower quartile – upper quartile] over the rounds of each round's value (the"
                + " median of that JVM's passes of the phase). Ratios: how many times better ours is, paired per"
                + " round (throughput ours/theirs, time theirs/ours; above 1 means ours is better), median"
                + " [interquartile range] of the rounds' ratios; ours vs structured pairs ours-beside-structured with"
                + " structured (the same Spark release). Live heap: heap in use after a garbage collection,"
                + " the largest of a pass.\n");
        text.append(clientEffect(summaries, run));
        text.append("\nIn the skew workloads both Spark contenders get dev.kafkadirect.maxRecordsPerPartition = an eighth"
                + " of the records: ours splits the hot partition's range (off by default), Apache's module ignores it.\n");
        return text.toString();
    }

    /** The same module on either kafka-clients: the client version's own effect, apart from the modules'. */
    private static String clientEffect(List<MetricSummary> summaries, RunInfo run) {
        StringBuilder text = new StringBuilder();
        for (MetricSummary summary : summaries) {
            Optional<Spread> apache = summary.ratio(Contender.APACHE, Contender.APACHE_SHIPPED);
            Optional<Spread> raw = summary.ratio(Contender.RAW_PARALLEL, Contender.RAW_PARALLEL_SHIPPED);
            if (apache.isPresent() || raw.isPresent()) {
                text.append("| ").append(summary.metric).append(" | ").append(summary.phase).append(" | ")
                        .append(ratio(apache)).append(" | ").append(ratio(raw)).append(" |\n");
            }
        }
        if (text.length() == 0) {
            return "";
        }
        return "\nThe client version alone (" + run.oursClient + " vs " + run.shippedClient + ", same code, paired per"
                + " round; above 1 means " + run.oursClient + " is better):\n\n"
                + "| metric | phase | Apache's module | raw-parallel |\n|---|---|---|---|\n" + text;
    }

    private static String cell(Spread spread) {
        if (spread.count == 1) {
            return number(spread.median);
        }
        return number(spread.median) + " [" + number(spread.lowerQuartile) + " – "
                + number(spread.upperQuartile) + "]";
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(Optional<Spread> ratio) {
        if (!ratio.isPresent()) {
            return "–";
        }
        Spread spread = ratio.get();
        String median = String.format(Locale.ROOT, "%.2f×", spread.median);
        return spread.count == 1 ? median : median + String.format(Locale.ROOT, " [%.2f – %.2f]",
                spread.lowerQuartile, spread.upperQuartile);
    }

    private static String memory(MetricSummary summary, boolean liveHeap) {
        if (!summary.has(Contender.OURS) || !summary.has(Contender.APACHE)) {
            return "–";
        }
        return liveHeap
                ? String.format(Locale.ROOT, "%.0f / %.0f", summary.liveHeapMb(Contender.OURS), summary.liveHeapMb(Contender.APACHE))
                : String.format(Locale.ROOT, "%.0f / %.0f", summary.rssPeakMb(Contender.OURS), summary.rssPeakMb(Contender.APACHE));
    }
}
