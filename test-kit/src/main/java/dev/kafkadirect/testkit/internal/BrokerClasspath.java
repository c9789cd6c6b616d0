package dev.kafkadirect.testkit.internal;

import dev.kafkadirect.testkit.broker.BrokerMain;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath of a broker child JVM: the broker runtime jar (which holds {@link BrokerMain}) and the
 * broker's dependencies, listed at build time relative to the Maven local repository.
 */
public final class BrokerClasspath {
    /** Overrides the whole broker classpath (entries separated by the platform path separator). */
    public static final String CLASSPATH_PROPERTY = "kafkadirect.broker.classpath";
    static final String LISTING_RESOURCE = "dev/kafkadirect/testkit/broker/classpath.txt";
    private static final String REPOSITORY_PLACEHOLDER = "$MAVEN_REPOSITORY";

    private BrokerClasspath() {
    }

    /**
     * Resolves the broker classpath for this machine.
     *
     * @return the classpath string for {@code java -cp}
     * @throws IllegalStateException naming the missing jar and the command that fetches it
     */
    public static String resolve() {
        String override = System.getProperty(CLASSPATH_PROPERTY);
        if (override != null && !override.isBlank()) {
            return override;
        }
        Path repository = localRepository();
        List<String> entries = new ArrayList<>();
        entries.add(brokerMainLocation().toString());
        for (String entry : listing().split(":")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Path jar = Paths.get(trimmed.replace(REPOSITORY_PLACEHOLDER, repository.toString()));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("The Kafka broker jar " + jar + " is not in the local Maven repository "
                        + repository + ". Fetch the broker with: mvn dependency:get -Dartifact=org.apache.kafka:kafka_2.13:"
                        + brokerVersion() + " (or run the build once), or set -D" + CLASSPATH_PROPERTY + "=<classpath>");
            }
            entries.add(jar.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        return Paths.get(System.getProperty("user.home"), ".m2", "repository");
    }

    private static String brokerVersion() {
        for (String entry : listing().split(":")) {
            int at = entry.indexOf("/kafka_2.13/");
            if (at >= 0) {
                return entry.substring(at + "/kafka_2.13/".length(), entry.indexOf('/', at + "/kafka_2.13/".length()));
            }
        }
        return "<version>";
    }

    private static String listing() {
        try (InputStream in = BrokerMain.class.getClassLoader().getResourceAsStream(LISTING_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + LISTING_RESOURCE
                        + " is missing: kafka-direct-test-kit-broker is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + LISTING_RESOURCE, e);
        }
    }

    private static Path brokerMainLocation() {
        try {
            return Paths.get(BrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the jar of " + BrokerMain.class.getName(), e);
        }
    }
}
