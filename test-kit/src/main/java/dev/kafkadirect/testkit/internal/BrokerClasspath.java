package dev.kafkadirect.testkit.internal;

import dev.kafkadirect.testkit.BrokerVersion;
import dev.kafkadirect.testkit.broker.BrokerMain;

import java.util.ArrayList;
import java.util.List;

/**
 * The classpath of a broker child JVM: the broker runtime jar (which holds {@link BrokerMain}) and the
 * broker's dependencies, listed at build time relative to the Maven local repository: the default version's
 * by {@code kafka-direct-test-kit-broker}, each other {@link BrokerVersion}'s by its module in
 * {@code test-kit-brokers}.
 */
public final class BrokerClasspath {
    /** Overrides the whole classpath of the default broker version (entries separated by the platform path separator). */
    public static final String CLASSPATH_PROPERTY = "kafkadirect.broker.classpath";
    static final String LISTING_RESOURCE = "dev/kafkadirect/testkit/broker/classpath.txt";
    private static final String VERSION_LISTING_RESOURCE = "dev/kafkadirect/testkit/broker/kafka-%s.classpath.txt";

    private BrokerClasspath() {
    }

    /**
     * Resolves a broker version's classpath for this machine.
     *
     * @param version the broker version
     * @return the classpath string for {@code java -cp}
     * @throws IllegalStateException naming the missing jar and the command that fetches it
     */
    public static String resolve(BrokerVersion version) {
        String override = System.getProperty(CLASSPATH_PROPERTY);
        if (version == BrokerVersion.DEFAULT && override != null && !override.isBlank()) {
            return override;
        }
        String resource = version == BrokerVersion.DEFAULT
                ? LISTING_RESOURCE : String.format(VERSION_LISTING_RESOURCE, version.version());
        String listing = RepositoryListing.read(BrokerMain.class, resource);
        List<String> entries = new ArrayList<>();
        entries.add(RepositoryListing.codeSource(BrokerMain.class).toString());
        RepositoryListing.jars(listing, jar -> "The Kafka broker jar " + jar + " is not in the local Maven repository "
                + RepositoryListing.localRepository() + ". Fetch the broker with: mvn dependency:get"
                + " -Dartifact=org.apache.kafka:kafka_2.13:" + brokerVersion(listing) + " (or run the build once)"
                + (version == BrokerVersion.DEFAULT ? ", or set -D" + CLASSPATH_PROPERTY + "=<classpath>" : "")).forEach(jar -> entries.add(jar.toString()));
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
