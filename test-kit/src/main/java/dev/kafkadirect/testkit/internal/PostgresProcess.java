package dev.kafkadirect.testkit.internal;

import dev.kafkadirect.testkit.postgres.PostgresMain;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL child JVM behind {@code PostgresServer}: runs {@link PostgresMain} from its own classpath (listed
 * at build time by {@code kafka-direct-test-kit-postgres}), so the embedded PostgreSQL library and the commons-io it
 * unpacks its binaries with never depend on the test's classpath.
 */
public final class PostgresProcess {
    private static final int LOG_TAIL_LINES = 40;
    private static final Duration GRACEFUL_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ChildJvm child;
    private final Path logFile;

    private PostgresProcess(ChildJvm child, Path logFile) {
        this.child = child;
        this.logFile = logFile;
    }

    /**
     * Starts the child and waits until the server accepts connections.
     *
     * @param port the loopback port to listen on
     * @param workDirectory a folder of this server's own: the data directory and the log go there
     * @param binariesDirectory where the binaries are unpacked, or found unpacked by an earlier run
     * @param timeout how long start-up may take, unpacking included
     * @return the running child
     * @throws IllegalStateException quoting the child's log when it exited or was not ready in time
     */
    public static PostgresProcess start(int port, Path workDirectory, Path binariesDirectory, Duration timeout) {
        Path logFile = workDirectory.resolve("postgres.log");
        try {
            Files.createDirectories(workDirectory);
            Files.createDirectories(binariesDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the PostgreSQL folders " + workDirectory + " and "
                    + binariesDirectory, e);
        }
        List<String> command = ChildJvm.plainJavaCommand();
        command.add("-Xmx128m");
        command.add("-cp");
        command.add(classpath());
        command.add(PostgresMain.class.getName());
        command.add(String.valueOf(port));
        command.add(workDirectory.resolve("data").toString());
        command.add(binariesDirectory.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        PostgresProcess process = new PostgresProcess(ChildJvm.start(builder, "PostgreSQL"), logFile);
        try {
            LogLineWait.await(process.child::process, logFile, PostgresMain.READY + port, timeout,
                    "PostgreSQL on port " + port, LOG_TAIL_LINES);
            return process;
        } catch (RuntimeException e) {
            process.child.kill();
            throw e;
        }
    }

    /** Stops the server (the child stops PostgreSQL on SIGTERM), killing it if it takes longer than 30 s. */
    public void stop() {
        child.stop(GRACEFUL_STOP_TIMEOUT);
    }

    /** @return the child's log: PostgreSQL's output and the embedded library's */
    public Path logFile() {
        return logFile;
    }

    private static String classpath() {
        List<String> entries = new ArrayList<>();
        entries.add(RepositoryListing.codeSource(PostgresMain.class).toString());
        RepositoryListing.jars(RepositoryListing.read(PostgresMain.class, PostgresMain.CLASSPATH_LISTING),
                jar -> "The embedded PostgreSQL jar " + jar + " is not in the local Maven repository "
                        + RepositoryListing.localRepository() + ". Build the test kit once (mvn -pl test-kit -am package)"
                        + " to fetch it.").forEach(jar -> entries.add(jar.toString()));
        return String.join(File.pathSeparator, entries);
    }
}
