package dev.kafkadirect.examples.submit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The examples' application jar, which Maven builds in the package phase before running the *IT tests. */
final class ApplicationJar {
    private static final String PROPERTY = "kafkadirect.appJar";

    private ApplicationJar() {
    }

    /** @return the jar's path, checked to exist */
    static String path() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || !Files.isRegularFile(Paths.get(configured))) {
            throw new IllegalStateException("The application jar " + configured + " (system property " + PROPERTY
                    + ") does not exist: run the *IT tests with mvn verify, which packages it first");
        }
        Path jar = Paths.get(configured).toAbsolutePath();
        return jar.toString();
    }
}
