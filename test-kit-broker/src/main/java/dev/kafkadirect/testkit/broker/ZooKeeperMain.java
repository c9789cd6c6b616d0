package dev.kafkadirect.testkit.broker;

/**
 * Entry point of a ZooKeeper child JVM started by the Kafka Direct test kit for brokers in ZooKeeper mode
 * (before Kafka 3.x's KRaft). It runs ZooKeeper's standalone server from the broker's own classpath, which holds
 * the ZooKeeper release that broker was built with, and halts when the parent JVM goes away.
 *
 * <pre>{@code java -cp <broker classpath> dev.kafkadirect.testkit.broker.ZooKeeperMain zookeeper.properties}</pre>
 */
public final class ZooKeeperMain {
    private ZooKeeperMain() {
    }

    /**
     * Runs the server until the JVM stops.
     *
     * @param args the server's configuration file
     * @throws Exception when ZooKeeper cannot be found or fails to start
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ZooKeeperMain <zookeeper.properties>");
            System.exit(2);
        }
        ParentWatchdog.haltWhenParentDies(System.in, "ZooKeeper");
        Reflection.invokeStatic("org.apache.zookeeper.server.ZooKeeperServerMain", "main",
                new Class<?>[] {String[].class}, (Object) args);
    }
}
