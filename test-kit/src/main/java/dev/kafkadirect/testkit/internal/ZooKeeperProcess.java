package dev.kafkadirect.testkit.internal;

import dev.kafkadirect.testkit.broker.ZooKeeperMain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The ZooKeeper server of a cluster whose brokers run in ZooKeeper mode: a standalone server in a child JVM,
 * started from the broker's classpath (which holds the ZooKeeper release that broker was built with), on one
 * loopback port, with its admin HTTP server off.
 */
public final class ZooKeeperProcess {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final int LOG_TAIL_LINES = 30;

    private final int port;
    private final Path logDir;
    private final String classpath;
    /** Null while the server is not running. */
    private ChildJvm child;

    /**
     * @param port the client port, on 127.0.0.1
     * @param dataDir where the server keeps its snapshots and transaction log
     * @param logDir where its configuration and logs are written (kept after the test)
     * @param classpath the broker classpath, which holds ZooKeeper and the test kit's entry point
     */
    public ZooKeeperProcess(int port, Path dataDir, Path logDir, String classpath) {
        this.port = port;
        this.logDir = logDir;
        this.classpath = classpath;
        writeFiles(dataDir);
    }

    /** @return {@code 127.0.0.1:port}, the brokers' {@code zookeeper.connect} */
    public String connectString() {
        return "127.0.0.1:" + port;
    }

    /**
     * Starts the server and waits until its port accepts connections.
     *
     * @param timeout how long to wait at most
     * @throws IllegalStateException quoting the log tail when it exited or did not listen in time
     */
    public synchronized void start(Duration timeout) {
        List<String> command = ChildJvm.javaCommand();
        command.add("-Xmx256m");
        command.add("-Dzookeeper.admin.enableServer=false");
        command.add("-Dlog4j2.configurationFile=" + logDir.resolve("log4j2.properties").toUri());
        command.add("-cp");
        command.add(classpath);
        command.add(ZooKeeperMain.class.getName());
        command.add(logDir.resolve("zookeeper.properties").toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("stdout.log").toFile()));
        child = ChildJvm.start(builder, "ZooKeeper");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!BrokerProcess.accepts(port)) {
            if (!child.process().isAlive() || System.nanoTime() > deadline) {
                String state = child.process().isAlive() ? "did not listen within " + timeout.toSeconds() + " s"
                        : "exited with status " + child.process().exitValue();
                throw new IllegalStateException("ZooKeeper on " + connectString() + " " + state + ". Logs in " + logDir
                        + "\n" + LogTail.of(LOG_TAIL_LINES, List.of(logDir.resolve("stdout.log"), logFile())));
            }
            BrokerProcess.pause(Duration.ofMillis(100));
        }
    }

    /** Kills the server at once (its brokers are gone or going: nothing is left to flush). */
    public synchronized void kill() {
        if (child != null) {
            child.kill();
            child = null;
        }
    }

    /** Stops the server gracefully. */
    public synchronized void stop() {
        if (child != null) {
            child.stop(STOP_TIMEOUT);
            child = null;
        }
    }

    private Path logFile() {
        return logDir.resolve("zookeeper.log");
    }

    private void writeFiles(Path dataDir) {
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(dataDir);
            String configuration = String.join("\n",
                    "dataDir=" + dataDir,
                    "clientPort=" + port,
                    "clientPortAddress=127.0.0.1",
                    "tickTime=2000",
                    "maxClientCnxns=0",
                    "");
            Files.write(logDir.resolve("zookeeper.properties"), configuration.getBytes(StandardCharsets.UTF_8));
            Files.write(logDir.resolve("log4j2.properties"),
                    BrokerProcess.log4jConfiguration(logFile()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ZooKeeper configuration to " + logDir, e);
        }
    }
}
