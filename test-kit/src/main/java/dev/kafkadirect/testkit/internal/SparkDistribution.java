package dev.kafkadirect.testkit.internal;

import dev.kafkadirect.testkit.spark.SparkDaemonMain;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark installation made from the Maven local repository: a directory whose {@code jars/} links to the
 * jars of the build's Spark line (listed at build time by {@code kafka-direct-test-kit-spark}), which is
 * what a Worker needs to launch executors and drivers, plus the classpath of the child JVMs the test kit
 * starts itself.
 */
public final class SparkDistribution {
    private static final Pattern SCALA_LIBRARY = Pattern.compile("/scala-library/(\\d+\\.\\d+)\\.[^/]+/");
    private static final Pattern SPARK_CORE = Pattern.compile("/spark-core_[^/]+/([^/]+)/");

    private final Path home;
    private final List<Path> jars;

    private SparkDistribution(Path home, List<Path> jars) {
        this.home = home;
        this.jars = List.copyOf(jars);
    }

    /**
     * Creates the installation directory.
     *
     * @param home an empty or missing directory; {@code home/jars} gets a link per Spark jar
     * @return the installation
     * @throws IllegalStateException naming a jar missing from the local repository and how to fetch it
     */
    public static SparkDistribution create(Path home) {
        List<Path> jars = listedJars();
        try {
            Path jarsDirectory = Files.createDirectories(home.resolve("jars"));
            for (Path jar : jars) {
                Path link = jarsDirectory.resolve(jar.getFileName());
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, jar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a Spark installation in " + home, e);
        }
        return new SparkDistribution(home, jars);
    }

    /** @return the installation directory, to pass as {@code SPARK_HOME} */
    public Path home() {
        return home;
    }

    /** @return the classpath of a test-kit Spark child JVM: Spark's jars and {@link SparkDaemonMain}'s */
    public String daemonClasspath() {
        List<String> entries = new ArrayList<>();
        entries.add(RepositoryListing.codeSource(SparkDaemonMain.class).toString());
        jars.forEach(jar -> entries.add(jar.toString()));
        return String.join(File.pathSeparator, entries);
    }

    /** @return the Scala version Spark was built for, such as {@code 2.12} */
    public String scalaBinaryVersion() {
        return find(SCALA_LIBRARY, "scala-library");
    }

    /** @return the Spark version, such as {@code 3.2.4} */
    public String sparkVersion() {
        return find(SPARK_CORE, "spark-core");
    }

    private String find(Pattern pattern, String artifact) {
        for (Path jar : jars) {
            Matcher matcher = pattern.matcher(jar.toString().replace(File.separatorChar, '/'));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new IllegalStateException("No " + artifact + " jar in the Spark classpath listing " + jars);
    }

    private static List<Path> listedJars() {
        return RepositoryListing.jars(RepositoryListing.read(SparkDaemonMain.class, SparkDaemonMain.CLASSPATH_LISTING),
                jar -> "The Spark jar " + jar + " is not in the local Maven repository " + RepositoryListing.localRepository()
                        + ". Build the test kit once (mvn -pl test-kit -am package) to fetch Spark.");
    }
}
