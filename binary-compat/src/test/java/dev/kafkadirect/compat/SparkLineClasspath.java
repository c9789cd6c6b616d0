package dev.kafkadirect.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime classpath of one Spark release, listed at build time by its module in {@code spark-lines/} (with the
 * Maven local repository written as {@code $MAVEN_REPOSITORY}) and resolved against this machine's repository.
 */
final class SparkLineClasspath {
    private static final String PLACEHOLDER = "$MAVEN_REPOSITORY";

    private SparkLineClasspath() {
    }

    /**
     * @param sparkVersion a release that {@code spark-lines/} lists, such as {@code 3.4.4}
     * @return its jars, in the listed order
     * @throws IllegalStateException naming the listing or the jar that is missing and what to run
     */
    static List<Path> jars(String sparkVersion) {
        String resource = "dev/kafkadirect/lines/spark-" + sparkVersion + ".classpath.txt";
        String listing;
        try (InputStream in = SparkLineClasspath.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No classpath listing " + resource + " on the test classpath: add a"
                        + " module for Spark " + sparkVersion + " to spark-lines/ and a test dependency on it here");
            }
            listing = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        String repository = localRepository().toString();
        List<Path> jars = new ArrayList<>();
        for (String entry : listing.trim().split(":")) {
            Path jar = Paths.get(entry.trim().replace(PLACEHOLDER, repository));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("The Spark " + sparkVersion + " jar " + jar + " is not in the local Maven"
                        + " repository: build spark-lines/ once (./mvnw -f spark-lines/pom.xml package) to fetch it");
            }
            jars.add(jar);
        }
        return jars;
    }

    /** @return the Maven local repository the listings are resolved against */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        return Paths.get(System.getProperty("user.home"), ".m2", "repository");
    }
}
