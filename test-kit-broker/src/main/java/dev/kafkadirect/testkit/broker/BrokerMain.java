package dev.kafkadirect.testkit.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * Entry point of a broker child JVM started by the Kafka Direct test kit.
 *
 * <p>It formats the broker's storage on first start (KRaft mode; a broker in ZooKeeper mode needs none),
 * then runs {@code kafka.Kafka}, and halts when the parent JVM goes away ({@link ParentWatchdog}).
 *
 * <pre>{@code java -cp <broker classpath> dev.kafkadirect.testkit.broker.BrokerMain server.properties <clusterId>}</pre>
 *
 * <p>Kafka is called by reflection so that this class compiles without the broker on the classpath;
 * the test kit puts this jar on its own classpath only to find it.
 */
public final class BrokerMain {
    /** Exit status when formatting the storage failed. */
    static final int FORMAT_FAILED = 4;

    private BrokerMain() {
    }

    /**
     * Formats (if needed) and runs the broker.
     *
     * @param args the {@code server.properties} path and the cluster id
     * @throws Exception when Kafka cannot be found or fails to start
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BrokerMain <server.properties> <clusterId>");
            System.exit(2);
        }
        ParentWatchdog.haltWhenParentDies(System.in, "broker");
        Path serverProperties = Paths.get(args[0]);
        String clusterId = args[1];
        if (!zooKeeperMode(serverProperties) && !isFormatted(serverProperties)) {
            int status = format(serverProperties, clusterId);
            if (status != 0) {
                System.err.println("Formatting the broker storage failed with status " + status);
                System.exit(FORMAT_FAILED);
            }
        }
        Reflection.invokeStatic("kafka.Kafka", "main", new Class<?>[] {String[].class},
                (Object) new String[] {serverProperties.toString()});
    }

    /** A broker in ZooKeeper mode (before KRaft) keeps no formatted metadata log: its storage needs no format. */
    private static boolean zooKeeperMode(Path serverProperties) throws IOException {
        return load(serverProperties).getProperty("zookeeper.connect") != null;
    }

    private static boolean isFormatted(Path serverProperties) throws IOException {
        Properties properties = load(serverProperties);
        String logDirs = properties.getProperty("log.dirs");
        if (logDirs == null) {
            throw new IllegalArgumentException("log.dirs is missing from " + serverProperties);
        }
        for (String logDir : logDirs.split(",")) {
            if (!Files.exists(Paths.get(logDir.trim(), "meta.properties"))) {
                return false;
            }
        }
        return true;
    }

    private static Properties load(Path serverProperties) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(serverProperties)) {
            properties.load(in);
        }
        return properties;
    }

    private static int format(Path serverProperties, String clusterId) throws Exception {
        String[] formatArgs = {"format", "-t", clusterId, "-c", serverProperties.toString(), "--ignore-formatted"};
        Object status = Reflection.invokeStatic("kafka.tools.StorageTool", "execute",
                new Class<?>[] {String[].class, PrintStream.class}, formatArgs, System.out);
        return ((Number) status).intValue();
    }
}
