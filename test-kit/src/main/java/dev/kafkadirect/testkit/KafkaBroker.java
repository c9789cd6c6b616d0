package dev.kafkadirect.testkit;

import java.nio.file.Path;

/**
 * One broker of a {@link KafkaCluster}: a child JVM running a KRaft node (broker and controller).
 * Stop, kill and restart it through {@link KafkaCluster#stopBroker(int)},
 * {@link KafkaCluster#killBroker(int)} and {@link KafkaCluster#restartBroker(int)}, which also wait
 * for the cluster to see the change. Thread-safe.
 */
public interface KafkaBroker {
    /** @return the broker's node id, from 1 */
    int nodeId();

    /** @return {@code 127.0.0.1:port} of its client listener; stays the same across restarts */
    String bootstrapAddress();

    /** @return the broker's log file, kept after the test for post-mortems */
    Path logFile();

    /** @return the process id of its JVM, or empty when it is not running */
    java.util.OptionalLong pid();

    /** @return whether its JVM is alive */
    boolean isRunning();

    /** Stops the broker gracefully (SIGTERM, then SIGKILL after 30 s); does nothing when stopped. */
    void stop();

    /** Kills the broker at once ({@code kill -9}); does nothing when stopped. */
    void kill();
}
