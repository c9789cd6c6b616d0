package dev.kafkadirect.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A classpath listed at build time (by {@code dependency:build-classpath}) with the Maven local repository
 * written as {@code $MAVEN_REPOSITORY}, read from a resource of the runtime module that holds it, and resolved
 * against this machine's repository.
 */
final class RepositoryListing {
    private static final String REPOSITORY_PLACEHOLDER = "$MAVEN_REPOSITORY";

    private RepositoryListing() {
    }

    /**
     * @param anchor a class of the runtime module holding the listing
     * @param resource the listing's resource name
     * @return the listing's text
     */
    static String read(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + resource + " is missing: the jar of "
                        + anchor.getName() + " on the classpath does not hold it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /**
     * @param listing the listing's text, entries separated by {@code :}
     * @param missing the error message for a jar not found in the local repository
     * @return the listed jars, in order
     * @throws IllegalStateException with {@code missing}'s message for the first jar that is not there
     */
    static List<Path> jars(String listing, Function<Path, String> missing) {
        String repository = localRepository().toString();
        List<Path> jars = new ArrayList<>();
        for (String entry : listing.split(":")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Path jar = Paths.get(trimmed.replace(REPOSITORY_PLACEHOLDER, repository));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(missing.apply(jar));
            }
            jars.add(jar);
        }
        return jars;
    }

    /** @return the Maven local repository: {@code -Dmaven.repo.local}, else {@code ~/.m2/repository} */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        return Paths.get(System.getProperty("user.home"), ".m2", "repository");
    }

    /** @return the jar (or classes folder) a class was loaded from */
    static Path codeSource(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the jar of " + type.getName(), e);
        }
    }
}
