package dev.kafkadirect.testkit;

/**
 * The Kafka broker versions the test kit can start, each from a classpath listed at build time (the default
 * one by {@code kafka-direct-test-kit-broker}, the others by the modules of {@code test-kit-brokers}).
 * Brokers before 3.x run in ZooKeeper mode, with a ZooKeeper server as another child JVM started from the
 * same classpath; the others run in KRaft combined mode (each node also a controller).
 */
public enum BrokerVersion {
    /** Kafka 2.8.2, ZooKeeper mode: the oldest line still common in production. */
    KAFKA_2_8("2.8.2", true),
    /** Kafka 3.9.1, KRaft: the last 3.x line, the last with ZooKeeper support (not used here). */
    KAFKA_3_9("3.9.1", false),
    /** Kafka 4.1.1, KRaft: the test kit's default. */
    KAFKA_4_1("4.1.1", false),
    /** Kafka 4.4.0, KRaft: the newest broker that resolves from Maven Central. */
    KAFKA_4_4("4.4.0", false);

    /** The version every cluster runs unless its builder names another. */
    public static final BrokerVersion DEFAULT = KAFKA_4_1;

    private final String version;
    private final boolean zooKeeperMode;

    BrokerVersion(String version, boolean zooKeeperMode) {
        this.version = version;
        this.zooKeeperMode = zooKeeperMode;
    }

    /** @return the release, such as {@code 2.8.2} */
    public String version() {
        return version;
    }

    /** @return whether the broker keeps its metadata in ZooKeeper (true) or in KRaft (false) */
    public boolean zooKeeperMode() {
        return zooKeeperMode;
    }

    /** @return whether this broker's release is at least {@code major.minor} */
    public boolean atLeast(int major, int minor) {
        String[] parts = version.split("\\.");
        int ownMajor = Integer.parseInt(parts[0]);
        int ownMinor = Integer.parseInt(parts[1]);
        return ownMajor > major || (ownMajor == major && ownMinor >= minor);
    }

    @Override
    public String toString() {
        return "Kafka " + version + (zooKeeperMode ? " (ZooKeeper)" : " (KRaft)");
    }
}
