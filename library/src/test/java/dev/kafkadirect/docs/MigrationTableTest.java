package dev.kafkadirect.docs;

import dev.kafkadirect.testing.RepositoryFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each row of docs/migrating.md's tables of differences names a test method that exists in the repository. */
class MigrationTableTest {
    private static final Pattern LAST_CELL_TEST = Pattern.compile("\\| `(\\w+)\\.(\\w+)` \\|\\s*$");

    @Test
    void everyDifferenceNamesATestThatExists() throws IOException {
        List<String> rows = Files.readAllLines(RepositoryFiles.ROOT.resolve("docs/migrating.md"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| behaviour |"))
                .collect(Collectors.toList());
        List<String> testSources = RepositoryFiles.matching(path -> path.contains("/src/test/java/") && path.endsWith(".java"));
        List<String> notFound = new ArrayList<>();
        for (String row : rows) {
            Matcher test = LAST_CELL_TEST.matcher(row);
            if (!test.find()) {
                notFound.add("no test named in: " + row);
            } else if (testSources.stream().noneMatch(source -> declares(source, test.group(1), test.group(2)))) {
                notFound.add(test.group(1) + "." + test.group(2));
            }
        }
        assertThat(rows).hasSizeGreaterThan(20);
        assertThat(notFound).isEmpty();
    }

    private static boolean declares(String path, String className, String method) {
        if (!path.endsWith("/" + className + ".java")) {
            return false;
        }
        try {
            return RepositoryFiles.read(path).contains(" void " + method + "(");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
