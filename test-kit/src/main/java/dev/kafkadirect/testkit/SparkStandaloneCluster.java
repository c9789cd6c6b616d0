package dev.kafkadirect.testkit;

import dev.kafkadirect.testkit.internal.FreePorts;
import dev.kafkadirect.testkit.internal.RecursiveDelete;
import dev.kafkadirect.testkit.internal.SparkDistribution;
import dev.kafkadirect.testkit.internal.SparkProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Spark standalone cluster on this machine: a Master and Workers, each a JVM of its own started from the
 * jars of the build's Spark line (taken from the Maven local repository, no Spark installation needed), each
 * Worker on its own loopback address so that executors have distinct hosts, as on a real cluster. Submit
 * applications with {@link #submit(List, Duration)} (Spark's own spark-submit, client or cluster deploy
 * mode), or point a {@code SparkContext} at {@link #masterUrl()}.
 *
 * <pre>{@code
 * try (SparkStandaloneCluster spark = SparkStandaloneCluster.builder().build().start()) {
 *     SparkSubmitResult result = spark.submit(List.of("--deploy-mode", "cluster", "--class", "com.example.Job",
 *             "app.jar", "arg"), Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>Every JVM runs on the JDK running this one, with the {@code --add-opens} options Spark needs on Java 17
 * (also given to drivers and executors through {@code spark.driver.extraJavaOptions} and
 * {@code spark.executor.extraJavaOptions}). Logs and the Workers' work directories (application jars, each
 * executor's and driver's output) stay under {@link #logDirectory()} for post-mortems. Children exit by
 * themselves if this JVM dies.
 */
public final class SparkStandaloneCluster implements AutoCloseable {
    /** The module options Spark 3.x needs on Java 17; harmless on later Spark lines. */
    public static final List<String> JAVA17_OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

    private static final Logger LOG = LoggerFactory.getLogger(SparkStandaloneCluster.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String MASTER_HOST = "127.0.0.1";
    private static final String MASTER_READY = "I have been elected leader";
    private static final String WORKER_READY = "Successfully registered with master";

    private final List<String> workerHosts;
    private final int coresPerWorker;
    private final String workerMemory;
    private final Duration startTimeout;
    private final Path logRoot;
    private final AtomicInteger submissions = new AtomicInteger();
    private final List<SparkWorker> workers = new ArrayList<>();
    private Path dataRoot;
    private SparkDistribution distribution;
    private SparkProcess master;
    private String masterUrl;
    private String masterWebUrl;

    private SparkStandaloneCluster(Builder builder) {
        this.workerHosts = List.copyOf(builder.workerHosts);
        this.coresPerWorker = builder.coresPerWorker;
        this.workerMemory = builder.workerMemory;
        this.startTimeout = builder.startTimeout;
        String name = builder.name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + SEQUENCE.incrementAndGet();
        this.logRoot = logRoot().resolve(name);
    }

    /** @return a builder for a Master and two Workers (127.0.0.1 and 127.0.0.2, one core and 1 GiB each) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the Master, then the Workers, and waits until every Worker has registered with the Master.
     *
     * @return this cluster
     * @throws IllegalStateException when a JVM fails to start, quoting its log
     */
    public synchronized SparkStandaloneCluster start() {
        if (master != null) {
            return this;
        }
        long started = System.nanoTime();
        try {
            dataRoot = Files.createTempDirectory("kafka-direct-spark-");
            distribution = SparkDistribution.create(dataRoot.resolve("spark-home"));
            List<Integer> ports = FreePorts.allocate(2 + 2 * workerHosts.size());
            masterUrl = "spark://" + MASTER_HOST + ":" + ports.get(0);
            masterWebUrl = "http://" + MASTER_HOST + ":" + ports.get(1);
            master = daemon("Spark master on " + MASTER_HOST, MASTER_HOST, "org.apache.spark.deploy.master.Master",
                    List.of("--host", MASTER_HOST, "--port", String.valueOf(ports.get(0)),
                            "--webui-port", String.valueOf(ports.get(1))),
                    logRoot.resolve("master.log"));
            master.launch();
            master.awaitLogLine(MASTER_READY, remaining(started));
            for (int i = 0; i < workerHosts.size(); i++) {
                String host = workerHosts.get(i);
                Path workDirectory = Files.createDirectories(logRoot.resolve("worker-" + (i + 1) + "-work"));
                SparkProcess process = daemon("Spark worker " + (i + 1) + " on " + host, host,
                        "org.apache.spark.deploy.worker.Worker",
                        List.of("--host", host, "--port", String.valueOf(ports.get(2 + 2 * i)),
                                "--webui-port", String.valueOf(ports.get(3 + 2 * i)),
                                "--cores", String.valueOf(coresPerWorker), "--memory", workerMemory,
                                "--work-dir", workDirectory.toString(), masterUrl),
                        logRoot.resolve("worker-" + (i + 1) + ".log"));
                workers.add(new SparkWorker(i + 1, host, workDirectory, process));
                process.launch();
            }
            for (SparkWorker worker : workers) {
                worker.process().awaitLogLine(WORKER_READY, remaining(started));
            }
            LOG.info("Spark {} standalone cluster at {} with {} worker(s) on {} started in {} ms; logs in {}",
                    distribution.sparkVersion(), masterUrl, workers.size(), workerHosts,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logRoot);
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot create the directories of a Spark standalone cluster", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return the Master's URL, such as {@code spark://127.0.0.1:40123} */
    public synchronized String masterUrl() {
        requireStarted();
        return masterUrl;
    }

    /** @return the Master's web UI, such as {@code http://127.0.0.1:40124} ({@code /json/} gives its state) */
    public synchronized String masterWebUrl() {
        requireStarted();
        return masterWebUrl;
    }

    /** @return the Spark installation the cluster runs (its {@code jars/} links to the Maven local repository) */
    public synchronized Path sparkHome() {
        requireStarted();
        return distribution.home();
    }

    /** @return the Spark version the cluster runs, such as {@code 3.2.4} */
    public synchronized String sparkVersion() {
        requireStarted();
        return distribution.sparkVersion();
    }

    /** @return the Workers, in start order */
    public synchronized List<SparkWorker> workers() {
        requireStarted();
        return List.copyOf(workers);
    }

    /** @return the Java options drivers and executors need, for {@code spark.*.extraJavaOptions} */
    public String javaOptions() {
        return String.join(" ", JAVA17_OPENS);
    }

    /** @return where the Master's, the Workers' and spark-submit's logs are kept */
    public Path logDirectory() {
        return logRoot;
    }

    /**
     * Runs Spark's spark-submit against this cluster and waits for it to end. The cluster's Master URL and
     * the Java options drivers and executors need come first, so {@code arguments} can override them. In
     * cluster deploy mode spark-submit waits for the driver to finish
     * ({@code spark.standalone.submit.waitAppCompletion=true}) and {@link SparkSubmitResult#driverState()}
     * tells how it ended.
     *
     * @param arguments spark-submit's arguments after {@code --master}, e.g. {@code --deploy-mode cluster
     *                  --class com.example.Job app.jar arg1}
     * @param timeout how long it may run; after that it is killed and this method fails
     * @return its exit status and output
     */
    public SparkSubmitResult submit(List<String> arguments, Duration timeout) {
        return submit(arguments, timeout, null);
    }

    /**
     * Like {@link #submit(List, Duration)}, with spark-submit started in {@code workingDirectory}, where a
     * client-mode driver finds files named by relative paths (a keytab, say), as when a user runs it there.
     *
     * <p>As Spark's {@code spark-submit} script does, a client-mode driver (which runs in spark-submit's own JVM)
     * gets the options of {@code --driver-java-options} on its JVM's command line.
     *
     * @param arguments spark-submit's arguments after {@code --master}
     * @param timeout how long it may run; after that it is killed and this method fails
     * @param workingDirectory the directory to start spark-submit in, or null for this JVM's
     * @return its exit status and output
     */
    public SparkSubmitResult submit(List<String> arguments, Duration timeout, Path workingDirectory) {
        List<String> all = new ArrayList<>(List.of("--master", masterUrl(),
                "--conf", "spark.driver.extraJavaOptions=" + javaOptions(),
                "--conf", "spark.executor.extraJavaOptions=" + javaOptions(),
                "--conf", "spark.standalone.submit.waitAppCompletion=true"));
        all.addAll(arguments);
        Path logFile = logRoot.resolve("spark-submit-" + submissions.incrementAndGet() + ".log");
        SparkProcess submit = daemon("spark-submit " + String.join(" ", arguments), MASTER_HOST,
                "org.apache.spark.deploy.SparkSubmit", all, logFile, clientDriverJavaOptions(arguments))
                .in(workingDirectory);
        submit.launch();
        OptionalInt status = submit.awaitExit(timeout);
        if (status.isEmpty()) {
            throw new IllegalStateException("spark-submit did not end within " + timeout.toSeconds()
                    + " s and was killed. Output: " + logFile + "\n" + submit.logTail());
        }
        return new SparkSubmitResult(status.getAsInt(), logFile);
    }

    /**
     * Stops the Workers (which stop their executors and drivers), then the Master; logs and work
     * directories stay. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        for (SparkWorker worker : workers) {
            worker.process().stop();
        }
        workers.clear();
        if (master != null) {
            master.stop();
            master = null;
        }
        if (dataRoot != null) {
            RecursiveDelete.delete(dataRoot);
            dataRoot = null;
        }
    }

    @Override
    public String toString() {
        return "SparkStandaloneCluster{master=" + masterUrl + ", workers=" + workerHosts + "}";
    }

    /** @return the {@code --driver-java-options} of a client-mode submission, split at spaces; else none */
    private static List<String> clientDriverJavaOptions(List<String> arguments) {
        int mode = arguments.indexOf("--deploy-mode");
        if (mode >= 0 && mode + 1 < arguments.size() && arguments.get(mode + 1).equals("cluster")) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (arguments.get(i).equals("--driver-java-options")) {
                options.addAll(List.of(arguments.get(i + 1).trim().split("\\s+")));
            }
        }
        return options;
    }

    private SparkProcess daemon(String description, String host, String mainClass, List<String> arguments, Path logFile) {
        return daemon(description, host, mainClass, arguments, logFile, List.of());
    }

    private SparkProcess daemon(String description, String host, String mainClass, List<String> arguments, Path logFile,
                                List<String> extraJvmOptions) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPARK_HOME", distribution.home().toString());
        environment.put("SPARK_SCALA_VERSION", distribution.scalaBinaryVersion());
        environment.put("SPARK_LOCAL_IP", host);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        List<String> jvmOptions = new ArrayList<>(JAVA17_OPENS);
        jvmOptions.add("-Xmx512m");
        jvmOptions.add("-Djava.awt.headless=true");
        jvmOptions.addAll(extraJvmOptions);
        return new SparkProcess(description, distribution.daemonClasspath(), jvmOptions, mainClass, arguments,
                environment, logFile);
    }

    private void requireStarted() {
        if (master == null) {
            throw new IllegalStateException("The Spark cluster is not started: call start() first");
        }
    }

    private Duration remaining(long startedNanos) {
        long left = startTimeout.toNanos() - (System.nanoTime() - startedNanos);
        return Duration.ofNanos(Math.max(0, left));
    }

    private static Path logRoot() {
        String configured = System.getProperty(KafkaCluster.LOG_ROOT_PROPERTY);
        Path base = configured != null && !configured.isBlank() ? Paths.get(configured).resolveSibling("spark-clusters")
                : Files.isDirectory(Paths.get("target")) ? Paths.get("target", "spark-clusters")
                : Paths.get(System.getProperty("java.io.tmpdir"), "kafka-direct-spark-clusters");
        return base;
    }

    /** Settings of a {@link SparkStandaloneCluster}; {@link #build()} makes an unstarted cluster. */
    public static final class Builder {
        private List<String> workerHosts = List.of("127.0.0.1", "127.0.0.2");
        private int coresPerWorker = 1;
        private String workerMemory = "1g";
        private Duration startTimeout = Duration.ofSeconds(90);
        private String name = "spark";

        private Builder() {
        }

        /**
         * @param hosts one loopback address per Worker (such as {@code 127.0.0.2}); a Worker on
         *              {@code 127.0.0.1} shares its host with brokers of the test kit
         */
        public Builder workerHosts(String... hosts) {
            if (hosts.length < 1) {
                throw new IllegalArgumentException("A Spark cluster needs at least one worker host");
            }
            for (String host : hosts) {
                if (!host.startsWith("127.")) {
                    throw new IllegalArgumentException("Worker hosts must be loopback addresses (127.x.y.z) but one was "
                            + host);
                }
            }
            this.workerHosts = List.of(hosts);
            return this;
        }

        /** @param cores how many cores each Worker offers, 1 or more */
        public Builder coresPerWorker(int cores) {
            if (cores < 1) {
                throw new IllegalArgumentException("coresPerWorker must be >= 1 but was " + cores);
            }
            this.coresPerWorker = cores;
            return this;
        }

        /** @param memory how much memory each Worker offers its executors, in Spark's notation ({@code 1g}) */
        public Builder workerMemory(String memory) {
            this.workerMemory = memory;
            return this;
        }

        /** @param timeout how long a start may take before it fails with the logs' tails */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** @param name a name for the log folder, e.g. the test class */
        public Builder name(String name) {
            this.name = name.replaceAll("[^A-Za-z0-9_.-]", "_");
            return this;
        }

        /** @return an unstarted cluster; call {@link SparkStandaloneCluster#start()} */
        public SparkStandaloneCluster build() {
            return new SparkStandaloneCluster(this);
        }
    }
}
