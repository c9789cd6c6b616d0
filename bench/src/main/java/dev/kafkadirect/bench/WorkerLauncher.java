package dev.kafkadirect.bench;

import dev.kafkadirect.testkit.SparkStandaloneCluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs one contender's worker in its own JVM, with our classpath or Apache's, and reads its results. The
 * worker's output goes to a log file under the results directory.
 */
final class WorkerLauncher {

    private final String benchClasses;
    private final Classpaths classpaths;
    private final List<String> jvmOptions;
    private final Path logDirectory;
    private final long timeoutMinutes;

    /**
     * Reads the classpaths from the files the build writes: system properties {@code kafkadirect.bench.classes},
     * {@code kafkadirect.bench.classpath}, {@code kafkadirect.bench.apacheClasspath} and
     * {@code kafkadirect.bench.structuredClasspath}.
     */
    WorkerLauncher(List<String> jvmOptions, Path logDirectory, long timeoutMinutes) throws IOException {
        this.benchClasses = requiredProperty("kafkadirect.bench.classes");
        this.classpaths = new Classpaths(read(requiredProperty("kafkadirect.bench.classpath")),
                read(requiredProperty("kafkadirect.bench.apacheClasspath")),
                read(requiredProperty("kafkadirect.bench.structuredClasspath")));
        this.jvmOptions = jvmOptions;
        this.logDirectory = Files.createDirectories(logDirectory);
        this.timeoutMinutes = timeoutMinutes;
    }

    /** @return the classpaths the contenders run with */
    Classpaths classpaths() {
        return classpaths;
    }

    List<Measurement> run(int round, Workload workload, Contender contender, String bootstrap, List<String> settings)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        // This JVM's temporary directory, not /tmp: Spark's local dirs and native libraries go there.
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.addAll(SparkStandaloneCluster.JAVA17_OPENS);
        String name = String.format("round%d-%s-%s", round, workload.label(), contender.label());
        command.addAll(extraOptions(System.getProperty("kafkadirect.bench.workerOptions", ""), name, contender));
        command.addAll(jvmOptions);
        command.addAll(Arrays.asList("-XX:+UseG1GC", "-cp", benchClasses + File.pathSeparator
                + classpaths.of(contender),
                "dev.kafkadirect.bench.worker.BenchWorker", workload.label(), contender.label(), "bootstrap=" + bootstrap));
        command.addAll(settings);
        Path log = logDirectory.resolve(name + ".log");
        Process worker = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!worker.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                throw failure(workload, contender, log, "did not finish within " + timeoutMinutes + " minutes");
            }
        } finally {
            worker.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<Measurement> measurements = lines.stream().filter(line -> line.startsWith("RESULT "))
                .map(line -> Measurement.parse(round, workload, contender, line)).collect(Collectors.toList());
        if (worker.exitValue() != 0 || measurements.isEmpty()) {
            throw failure(workload, contender, log, "exited with " + worker.exitValue() + " and "
                    + measurements.size() + " results");
        }
        return measurements;
    }

    /**
     * Extra JVM options for every worker from system property {@code kafkadirect.bench.workerOptions}, with
     * {@code {name}} replaced by the worker's name, e.g. to profile each worker with JFR:
     * {@code -XX:StartFlightRecording=filename=/tmp/{name}.jfr}. An option written {@code @<contender>:<option>}
     * goes to that contender's workers only, e.g. {@code @ours:-Dbench.consumer.check.crcs=false} to change one
     * thing for one contender and measure it side by side.
     */
    static List<String> extraOptions(String workerOptions, String name, Contender contender) {
        List<String> options = new ArrayList<>();
        String onlyHere = "@" + contender.label() + ":";
        for (String option : workerOptions.split(" ")) {
            if (option.startsWith(onlyHere)) {
                options.add(option.substring(onlyHere.length()).replace("{name}", name));
            } else if (!option.isEmpty() && !option.startsWith("@")) {
                options.add(option.replace("{name}", name));
            }
        }
        return options;
    }

    private static IllegalStateException failure(Workload workload, Contender contender, Path log, String what)
            throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        return new IllegalStateException("The " + contender.label() + " worker of " + workload.label() + " " + what
                + "; its log is " + log.toAbsolutePath() + ", ending:\n" + tail);
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("System property " + name + " is not set: run the benchmark with"
                    + " ./kafka-direct bench (or its test), which set it from the build");
        }
        return value;
    }

    private static String read(String classpathFile) throws IOException {
        Path file = Paths.get(classpathFile);
        if (!Files.exists(file)) {
            throw new IllegalStateException("The classpath file " + file.toAbsolutePath() + " is missing: build the"
                    + " benchmark first (mvn -DskipTests package -pl bench -am)");
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
    }
}
