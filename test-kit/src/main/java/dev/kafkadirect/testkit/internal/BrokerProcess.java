package dev.kafkadirect.testkit.internal;

import dev.kafkadirect.testkit.KafkaBroker;
import dev.kafkadirect.testkit.broker.BrokerMain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One broker child JVM: writes its configuration, starts it, waits until its port accepts connections,
 * stops it gracefully or kills it, and starts it again on the same ports and data.
 */
public final class BrokerProcess implements KafkaBroker {
    private static final int LOG_TAIL_LINES = 40;
    private static final Duration GRACEFUL_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final BrokerNodeConfig config;
    private final Path logDir;
    private final String clusterId;
    private final String classpath;
    private final List<String> jvmOptions;
    /** Null while the broker is not running. */
    private ChildJvm child;

    /**
     * @param config the node's configuration
     * @param serverProperties its full server properties
     * @param logDir where its configuration and logs are written (kept after the test)
     * @param clusterId the KRaft cluster id shared by all nodes
     * @param classpath the broker classpath
     * @param jvmOptions options for the child JVM
     */
    public BrokerProcess(BrokerNodeConfig config, Properties serverProperties, Path logDir, String clusterId,
                         String classpath, List<String> jvmOptions) {
        this.config = config;
        this.logDir = logDir;
        this.clusterId = clusterId;
        this.classpath = classpath;
        this.jvmOptions = List.copyOf(jvmOptions);
        writeFiles(serverProperties);
    }

    @Override
    public int nodeId() {
        return config.nodeId();
    }

    @Override
    public String bootstrapAddress() {
        return config.bootstrapAddress();
    }

    @Override
    public Path logFile() {
        return logDir.resolve("server.log");
    }

    @Override
    public synchronized java.util.OptionalLong pid() {
        return isRunning() ? java.util.OptionalLong.of(child.process().pid()) : java.util.OptionalLong.empty();
    }

    @Override
    public synchronized boolean isRunning() {
        return child != null && child.process().isAlive();
    }

    /**
     * Starts the child JVM; does not wait for readiness (see {@link #awaitListening(Duration)}).
     * Calling it while the broker runs does nothing.
     */
    public synchronized void launch() {
        if (isRunning()) {
            return;
        }
        List<String> command = ChildJvm.javaCommand();
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + logDir.resolve("log4j2.properties").toUri());
        command.add("-Dkafka.logs.dir=" + logDir);
        command.add("-cp");
        command.add(classpath);
        command.add(BrokerMain.class.getName());
        command.add(logDir.resolve("server.properties").toString());
        command.add(clusterId);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdoutFile().toFile()));
        child = ChildJvm.start(builder, "broker " + nodeId());
    }

    /**
     * Waits until the broker's client port accepts connections.
     *
     * @param timeout how long to wait at most
     * @throws IllegalStateException quoting the log tail when the broker exited or did not listen in time
     */
    public void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Process current;
            synchronized (this) {
                current = child == null ? null : child.process();
            }
            if (current == null || !current.isAlive()) {
                String exit = current == null ? "was not started" : "exited with status " + current.exitValue();
                throw new IllegalStateException("Kafka broker " + nodeId() + " " + exit + " before listening on "
                        + bootstrapAddress() + ". Logs in " + logDir + "\n" + logTail());
            }
            if (accepts(config.brokerPort())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka broker " + nodeId() + " did not listen on " + bootstrapAddress()
                        + " within " + timeout.toSeconds() + " s. Logs in " + logDir + "\n" + logTail());
            }
            pause(Duration.ofMillis(100));
        }
    }

    @Override
    public synchronized void stop() {
        if (child != null) {
            child.stop(GRACEFUL_STOP_TIMEOUT);
            child = null;
        }
    }

    @Override
    public synchronized void kill() {
        if (child != null) {
            child.kill();
            child = null;
        }
    }

    /** @return the last lines of the broker's logs, for error messages */
    public String logTail() {
        return LogTail.of(LOG_TAIL_LINES, List.of(stdoutFile(), logFile()));
    }

    @Override
    public String toString() {
        return "KafkaBroker{node=" + nodeId() + ", address=" + bootstrapAddress() + ", running=" + isRunning() + "}";
    }

    private Path stdoutFile() {
        return logDir.resolve("stdout.log");
    }

    private void writeFiles(Properties serverProperties) {
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(config.dataDir());
            try (OutputStream out = Files.newOutputStream(logDir.resolve("server.properties"))) {
                serverProperties.store(out, "Kafka Direct test kit, node " + nodeId());
            }
            Files.write(logDir.resolve("log4j2.properties"), log4jConfiguration(logFile()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the configuration of broker " + nodeId() + " to " + logDir, e);
        }
    }

    /** @return a log4j 2 configuration writing every INFO line to {@code logFile} (state changes at WARN) */
    static String log4jConfiguration(Path logFile) {
        return String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + logFile,
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                "logger.statechange.name = state.change.logger",
                "logger.statechange.level = WARN",
                "");
    }

    /** @return whether a loopback port accepts a TCP connection now */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a Kafka broker", e);
        }
    }
}
