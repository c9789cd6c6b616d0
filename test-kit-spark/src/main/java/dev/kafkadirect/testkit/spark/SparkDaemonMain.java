package dev.kafkadirect.testkit.spark;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of a Spark child JVM (Master, Worker or spark-submit) started by the Kafka Direct test kit.
 *
 * <p>It starts a daemon thread that reads standard input, a pipe from the parent JVM, and runs the Spark
 * main class named by the first argument with the remaining arguments. When the parent dies, even by
 * {@code kill -9}, the pipe closes and this JVM exits through {@link System#exit(int)}, so Spark's shutdown
 * hooks run: a Worker then kills the executors and drivers it launched, and nothing outlives the tests.
 *
 * <pre>{@code java -cp <spark classpath> dev.kafkadirect.testkit.spark.SparkDaemonMain org.apache.spark.deploy.master.Master --host 127.0.0.1 ...}</pre>
 *
 * <p>Spark is called by reflection so that this class compiles without Spark on the classpath.
 */
public final class SparkDaemonMain {
    /** Exit status when the parent JVM went away. */
    static final int PARENT_GONE = 3;
    /** Where the test kit finds the list of Spark's runtime jars (relative to the Maven repository). */
    public static final String CLASSPATH_LISTING = "dev/kafkadirect/testkit/spark/classpath.txt";

    private SparkDaemonMain() {
    }

    /**
     * Runs a Spark main class, exiting when the parent JVM goes away.
     *
     * @param args the main class, then its arguments
     * @throws Throwable whatever the Spark main class throws
     */
    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            System.err.println("usage: SparkDaemonMain <spark main class> [arguments...]");
            System.exit(2);
        }
        exitWhenParentDies(System.in);
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitWhenParentDies(InputStream parentPipe) {
        Thread watchdog = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (parentPipe.read(buffer) >= 0) {
                    // The parent never writes; any bytes are ignored.
                }
            } catch (IOException closed) {
                // A broken pipe means the same as end of stream: the parent is gone.
            }
            System.err.println("Parent JVM gone: stopping");
            System.exit(PARENT_GONE);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
