package dev.kafkadirect.bench;

import dev.kafkadirect.testkit.KafkaCluster;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmark: one local broker, the data sets, then every workload for every contender in its own
 * JVM, round after round with the contenders' order rotated, and writes CSV, Markdown and a PNG chart.
 *
 * <pre>{@code ./kafka-direct bench [--smoke] [--records 2000000] [--rounds 7] [--warm 5] [--warm-up 20] [--warm-up-seconds 30]
 * [--workloads scan,skew-io]
 * [--contenders ours,apache] [--out DIR]}</pre>
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        run(options, ("./kafka-direct bench " + String.join(" ", args)).trim(), System.out);
        System.exit(0);
    }

    /**
     * @return the summaries of every metric measured; the files are under {@code options.outputDirectory}
     */
    static List<MetricSummary> run(BenchOptions options, String command, PrintStream out) throws Exception {
        String apacheClasspath = new String(Files.readAllBytes(Paths.get(System.getProperty(
                "kafkadirect.bench.apacheClasspath", "bench-apache/target/apache-classpath.txt"))), StandardCharsets.UTF_8);
        String machine = MachineInfo.describe(apacheClasspath);
        out.println("Kafka Direct benchmark" + (options.smoke ? " (smoke: tiny sizes, proves it runs, measures nothing)" : ""));
        out.println("  " + machine);
        WorkerLauncher launcher = new WorkerLauncher(options.workerJvmOptions, options.outputDirectory.resolve("logs"),
                options.smoke ? 3 : 15);
        RunInfo run = new RunInfo(machine, command, options.rounds, options.warm, options.warmUp, options.warmUpSeconds,
                launcher.classpaths().kafkaClientsVersion(Contender.OURS),
                launcher.classpaths().kafkaClientsVersion(Contender.APACHE_SHIPPED),
                launcher.classpaths().sparkVersion(Contender.STRUCTURED));
        List<Measurement> measurements = new ArrayList<>();
        try (KafkaCluster kafka = KafkaCluster.builder().name("bench").jvmOption("-Xmx2g").build().start()) {
            out.println("1/3 Producing the data sets to a local broker at " + kafka.bootstrapServers());
            BenchData.produce(kafka, options, out);
            Map<Workload, List<String>> settings = BenchData.workerSettings(options);
            out.printf("2/3 Running %d workloads, %d rounds, each contender in its own JVM%n", options.workloads.size(),
                    options.rounds);
            for (int round = 1; round <= options.rounds; round++) {
                for (Workload workload : options.workloads) {
                    for (Contender contender : rotated(workload, round, options.contenders)) {
                        List<Measurement> results = launcher.run(round, workload, contender, kafka.bootstrapServers(),
                                settings.get(workload));
                        for (Measurement result : results) {
                            out.printf(Locale.ROOT, "  round %d/%d %-18s %-4s %-20s %,14.1f %-9s live heap %,5d MiB"
                                            + "  RSS %,5d MiB%n", round, options.rounds, result.metric, result.phase,
                                    contender.label(), result.value, result.unit, result.liveHeapMb, result.rssPeakMb);
                        }
                        measurements.addAll(results);
                    }
                }
            }
        }
        List<MetricSummary> summaries = ResultFiles.summarize(measurements);
        ResultFiles.write(options.outputDirectory, measurements, summaries, run);
        out.println("3/3 Results");
        out.println(ResultFiles.markdown(summaries, run));
        out.println("Raw numbers:  " + options.outputDirectory.resolve(ResultFiles.CSV).toAbsolutePath());
        out.println("Summary:      " + options.outputDirectory.resolve(ResultFiles.MARKDOWN).toAbsolutePath());
        out.println("Chart:        " + options.outputDirectory.resolve(ResultFiles.CHART).toAbsolutePath());
        out.println("Worker logs:  " + options.outputDirectory.resolve("logs").toAbsolutePath());
        return summaries;
    }

    /** The workload's contenders that were chosen, starting one further along each round, so no one always runs first. */
    private static List<Contender> rotated(Workload workload, int round, List<Contender> chosen) {
        List<Contender> contenders = new ArrayList<>(workload.contenders());
        contenders.retainAll(chosen);
        Collections.rotate(contenders, -(round - 1));
        return contenders;
    }
}
