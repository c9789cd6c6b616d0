package dev.kafkadirect.testkit;

import dev.kafkadirect.testkit.internal.SparkProcess;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One Worker of a {@link SparkStandaloneCluster}: a child JVM on its own loopback address, which launches
 * the executors (and, in cluster deploy mode, the drivers) of applications as JVMs of its own.
 */
public final class SparkWorker {
    private static final String EXECUTOR_MAIN = "CoarseGrainedExecutorBackend";
    private static final String DRIVER_MAIN = "DriverWrapper";

    private final int index;
    private final String host;
    private final Path workDirectory;
    private final SparkProcess process;

    SparkWorker(int index, String host, Path workDirectory, SparkProcess process) {
        this.index = index;
        this.host = host;
        this.workDirectory = workDirectory;
        this.process = process;
    }

    /** @return the worker's number in its cluster, from 1 */
    public int index() {
        return index;
    }

    /** @return its address, which is also the host of its executors in Spark (e.g. {@code 127.0.0.2}) */
    public String host() {
        return host;
    }

    /** @return where it keeps applications' jars and each executor's and driver's stdout and stderr */
    public Path workDirectory() {
        return workDirectory;
    }

    /** @return its own log */
    public Path logFile() {
        return process.logFile();
    }

    /** @return the executor JVMs it runs now (descendants of its process running Spark's executor backend) */
    public List<ProcessHandle> executorProcesses() {
        return children(EXECUTOR_MAIN);
    }

    /** @return the driver JVMs it runs now, for applications submitted in cluster deploy mode */
    public List<ProcessHandle> driverProcesses() {
        return children(DRIVER_MAIN);
    }

    /**
     * Kills its executor JVMs at once ({@code kill -9}), as a crashed machine would; the Master then asks
     * it to launch new ones for the applications still running.
     *
     * @return how many executors were killed
     */
    public int killExecutors() {
        List<ProcessHandle> executors = executorProcesses();
        executors.forEach(ProcessHandle::destroyForcibly);
        executors.forEach(executor -> executor.onExit().join());
        return executors.size();
    }

    /** @return whether its JVM runs */
    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public String toString() {
        return "SparkWorker{" + index + " on " + host + ", running=" + isRunning() + "}";
    }

    SparkProcess process() {
        return process;
    }

    private List<ProcessHandle> children(String mainClassSuffix) {
        return process.handle().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(child -> child.info().commandLine().map(line -> line.contains(mainClassSuffix)).orElse(false))
                .collect(Collectors.toList());
    }
}
