package dev.kafkadirect.testkit.internal;

import dev.kafkadirect.testkit.spark.SparkDaemonMain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One Spark child JVM (a Master, a Worker or spark-submit) running {@link SparkDaemonMain}: started with
 * its output in a log file, awaited by a line of that log or by its exit, stopped gracefully (so a Worker
 * stops the executors it launched) or killed.
 */
public final class SparkProcess {
    private static final int LOG_TAIL_LINES = 60;
    private static final Duration GRACEFUL_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String description;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    /** Null for this JVM's working directory. */
    private Path workingDirectory;
    /** Null while the child is not running. */
    private ChildJvm child;

    /**
     * @param description what the process is, for error messages ("Spark worker 1 on 127.0.0.2")
     * @param classpath the child's classpath (Spark's jars and {@link SparkDaemonMain})
     * @param jvmOptions options for the child JVM
     * @param mainClass the Spark main class, such as {@code org.apache.spark.deploy.master.Master}
     * @param arguments its arguments
     * @param environment variables added to this JVM's environment for the child
     * @param logFile where the child's standard output and error go
     */
    public SparkProcess(String description, String classpath, List<String> jvmOptions, String mainClass,
                        List<String> arguments, Map<String, String> environment, Path logFile) {
        this.description = description;
        List<String> line = ChildJvm.javaCommand();
        line.addAll(jvmOptions);
        line.add("-cp");
        line.add(classpath);
        line.add(SparkDaemonMain.class.getName());
        line.add(mainClass);
        line.addAll(arguments);
        this.command = List.copyOf(line);
        this.environment = Map.copyOf(withTemporaryDirectory(environment));
        this.logFile = logFile;
    }

    /**
     * @param directory the child's working directory, as the directory a user starts it in
     * @return this process, not yet launched
     */
    public synchronized SparkProcess in(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /** Starts the child; does not wait for it to be ready. */
    public synchronized void launch() {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory == null ? null : workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the log folder of " + description, e);
        }
        child = ChildJvm.start(builder, description);
    }

    /**
     * Waits until the child's log has a line containing {@code marker}.
     *
     * @param marker the text that says the child is ready
     * @param timeout how long to wait at most
     * @throws IllegalStateException quoting the log tail when the child exited or did not log it in time
     */
    public void awaitLogLine(String marker, Duration timeout) {
        LogLineWait.await(this::current, logFile, marker, timeout, description, LOG_TAIL_LINES);
    }

    /**
     * Waits for the child to exit.
     *
     * @param timeout how long to wait at most
     * @return its exit status, or empty when it still runs after the timeout (it is then killed)
     */
    public OptionalInt awaitExit(Duration timeout) {
        Process current = current();
        try {
            if (current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                synchronized (this) {
                    child.release();
                    child = null;
                }
                return OptionalInt.of(current.exitValue());
            }
            kill();
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("Interrupted while waiting for " + description, e);
        }
    }

    /** @return the child's process, for its id and descendants */
    public ProcessHandle handle() {
        return current().toHandle();
    }

    /** @return whether the child runs */
    public synchronized boolean isAlive() {
        return child != null && child.process().isAlive();
    }

    /** Stops the child gracefully (SIGTERM, then SIGKILL after 30 s); does nothing when it is not running. */
    public synchronized void stop() {
        if (child != null) {
            child.stop(GRACEFUL_STOP_TIMEOUT);
            child = null;
        }
    }

    /** Kills the child and everything it started at once; does nothing when it is not running. */
    public synchronized void kill() {
        if (child != null) {
            child.kill();
            child = null;
        }
    }

    /** @return the child's log file */
    public Path logFile() {
        return logFile;
    }

    /** @return the last lines of its log, for error messages */
    public String logTail() {
        return LogTail.of(LOG_TAIL_LINES, List.of(logFile));
    }

    @Override
    public String toString() {
        return description;
    }

    private synchronized Process current() {
        if (child == null) {
            throw new IllegalStateException(description + " is not running");
        }
        return child.process();
    }

    /**
     * The executors and drivers a Worker launches are JVMs of Spark's making, which get only the Worker's
     * environment from us: {@code JAVA_TOOL_OPTIONS} carries this JVM's temporary directory to them.
     */
    private static Map<String, String> withTemporaryDirectory(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(environment);
        String inherited = System.getenv("JAVA_TOOL_OPTIONS");
        String option = ChildJvm.temporaryDirectoryOption();
        merged.put("JAVA_TOOL_OPTIONS", inherited == null || inherited.isBlank() ? option : inherited + " " + option);
        return merged;
    }
}
