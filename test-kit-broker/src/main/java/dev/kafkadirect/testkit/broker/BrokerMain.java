package dev.kafkadirect.testkit.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * Entry point of a broker child JVM started by the Kafka Direct test kit.
 *
 * <p>It formats the broker's storage on first start, then runs {@code kafka.Kafka}. A daemon thread
 * reads standard input, which is a pipe from the parent JVM: when the parent dies, even by
 * {@code kill -9}, the pipe closes and this JVM halts, so no broker outlives the tests that started
 * it.
 *
 * <pre>{@code java -cp <broker classpath> dev.kafkadirect.testkit.broker.BrokerMain server.properties <clusterId>}</pre>
 *
 * <p>Kafka is called by reflection so that this class compiles without the broker on the classpath;
 * the test kit puts this jar on its own classpath only to find it.
 */
public final class BrokerMain {
    /** Exit status when the parent JVM went away. */
    static final int PARENT_GONE = 3;
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
        haltWhenParentDies(System.in);
        Path serverProperties = Paths.get(args[0]);
        String clusterId = args[1];
        if (!isFormatted(serverProperties)) {
            int status = format(serverProperties, clusterId);
            if (status != 0) {
                System.err.println("Formatting the broker storage failed with status " + status);
                System.exit(FORMAT_FAILED);
            }
        }
        invokeStatic("kafka.Kafka", "main", new Class<?>[] {String[].class},
                (Object) new String[] {serverProperties.toString()});
    }

    private static void haltWhenParentDies(InputStream parentPipe) {
        Thread watchdog = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (parentPipe.read(buffer) >= 0) {
                    // The parent never writes; any bytes are ignored.
                }
            } catch (IOException closed) {
                // A broken pipe means the same as end of stream: the parent is gone.
            }
            System.err.println("Parent JVM gone: halting broker");
            Runtime.getRuntime().halt(PARENT_GONE);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static boolean isFormatted(Path serverProperties) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(serverProperties)) {
            properties.load(in);
        }
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

    private static int format(Path serverProperties, String clusterId) throws Exception {
        String[] formatArgs = {"format", "-t", clusterId, "-c", serverProperties.toString(), "--ignore-formatted"};
        Object status = invokeStatic("kafka.tools.StorageTool", "execute",
                new Class<?>[] {String[].class, PrintStream.class}, formatArgs, System.out);
        return ((Number) status).intValue();
    }

    private static Object invokeStatic(String className, String methodName, Class<?>[] types, Object... args)
            throws Exception {
        Method method = Class.forName(className).getMethod(methodName, types);
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
    }
}
