package dev.kafkadirect.testing;

import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Spark's {@code local-cluster} mode: a master and workers inside this JVM, each executor a JVM of its own
 * on this test's classpath. Spark launches executors from a Spark home with a {@code jars} directory; in
 * testing mode it adds this JVM's classpath instead, so an empty {@code jars} directory is enough (and a
 * {@code launcher/target/scala-<version>} directory, from which Spark's launcher learns the Scala version).
 */
public final class LocalCluster {
    private LocalCluster() {
    }

    /**
     * @param appName the application name
     * @param executors how many executor JVMs, each with one core and 1 GiB
     * @param settings extra Spark settings; {@code spark.executor.extraJavaOptions} is added to the kit's own
     * @return a running context; closing it stops the executors (and clears the testing properties)
     */
    public static JavaSparkContext start(String appName, int executors, Map<String, String> settings) {
        Map<String, String> conf = new HashMap<>(settings);
        String opens = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens")).collect(Collectors.joining(" "));
        // Executors use this JVM's temporary directory, not /tmp.
        conf.put("spark.executor.extraJavaOptions", opens + " -Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")
                + " " + settings.getOrDefault("spark.executor.extraJavaOptions", ""));
        System.setProperty("spark.testing", "true");
        System.setProperty("spark.test.home", emptySparkHome().toString());
        return new JavaSparkContext(LocalSpark.conf("local-cluster[" + executors + ",1,1024]", appName, conf)) {
            @Override
            public void close() {
                try {
                    super.close();
                } finally {
                    System.clearProperty("spark.testing");
                    System.clearProperty("spark.test.home");
                }
            }
        };
    }

    private static Path emptySparkHome() {
        try {
            Path home = Files.createTempDirectory("kafka-direct-spark-home");
            String scalaVersion = scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1");
            Path[] directories = {home, home.resolve("jars"), home.resolve("launcher"), home.resolve("launcher/target"),
                    home.resolve("launcher/target/scala-" + scalaVersion)};
            for (Path directory : directories) {
                Files.createDirectories(directory);
                directory.toFile().deleteOnExit();
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create an empty Spark home for local-cluster mode", e);
        }
    }
}
