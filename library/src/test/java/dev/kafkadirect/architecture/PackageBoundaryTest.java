package dev.kafkadirect.architecture;

import dev.kafkadirect.testing.RepositoryFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package rules: {@code dev.kafkadirect.internal} is the library's own (nothing outside {@code library/}
 * names it: examples, guide programs, benchmarks and the test kit use the public API only), and the public
 * facades in {@code org.apache.spark.streaming.kafka010} stay facades: argument checks and delegation, within
 * a line budget; logic goes to {@code dev.kafkadirect.internal}.
 */
class PackageBoundaryTest {
    private static final String FACADES = "library/src/main/java/org/apache/spark/streaming/kafka010/";
    /** Lines each facade may have; raise one only with a reason in the commit. */
    private static final Map<String, Integer> FACADE_LINES = Map.of("KafkaUtils.java", 220);
    private static final int OTHER_FACADE_LINES = 120;

    @Test
    void nothingOutsideTheLibraryNamesItsInternalPackages() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String source : RepositoryFiles.matching(path -> !path.startsWith("library/")
                && (path.endsWith(".java") || path.endsWith(".scala")))) {
            if (RepositoryFiles.read(source).contains("dev.kafkadirect.internal")) {
                offenders.add(source);
            }
        }
        assertThat(offenders).as("sources outside library/ that name dev.kafkadirect.internal").isEmpty();
    }

    @Test
    void theFacadesStayWithinTheirLineBudget() throws IOException {
        List<String> facades = RepositoryFiles.matching(path -> path.startsWith(FACADES) && path.endsWith(".java"));
        List<String> over = new ArrayList<>();
        for (String facade : facades) {
            String name = facade.substring(FACADES.length());
            long lines = RepositoryFiles.read(facade).lines().count();
            int budget = FACADE_LINES.getOrDefault(name, OTHER_FACADE_LINES);
            if (lines > budget) {
                over.add(name + ": " + lines + " lines, budget " + budget + " (move the logic to dev.kafkadirect.internal)");
            }
        }
        assertThat(facades).hasSizeGreaterThan(10);
        assertThat(over).isEmpty();
    }
}
