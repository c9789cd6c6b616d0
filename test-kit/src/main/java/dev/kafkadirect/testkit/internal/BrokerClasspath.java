package dev.kafkadirect.testkit.internal;

import dev.kafkadirect.testkit.broker.BrokerMain;

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
        String listing = RepositoryListing.read(BrokerMain.class, LISTING_RESOURCE);
        List<String> entries = new ArrayList<>();
        entries.add(RepositoryListing.codeSource(BrokerMain.class).toString());
        RepositoryListing.jars(listing, jar -> "The Kafka broker jar " + jar + " is not in the local Maven repository "
                + RepositoryListing.localRepository() + ". Fetch the broker with: mvn dependency:get"
                + " -Dartifact=org.apache.kafka:kafka_2.13:" + brokerVersion(listing) + " (or run the build once), or set -D"
                + CLASSPATH_PROPERTY + "=<classpath>").forEach(jar -> entries.add(jar.toString()));
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static String brokerVersion(String listing) {
        String marker = "/kafka_2.13/";
        for (String entry : listing.split(":")) {
            int at = entry.indexOf(marker);
            if (at >= 0) {
                return entry.substring(at + marker.length(), entry.indexOf('/', at + marker.length()));
            }
        }
        return "<version>";
    }
}
