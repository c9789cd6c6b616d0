package dev.kafkadirect.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each row of docs/migrating.md's tables of differences names a test method that exists in the repository. */
class MigrationTableTest {
    private static final Path REPOSITORY = Paths.get("..");
    private static final Pattern LAST_CELL_TEST = Pattern.compile("\\| `(\\w+)\\.(\\w+)` \\|\\s*$");

    @Test
    void everyDifferenceNamesATestThatExists() throws IOException {
        List<String> rows = Files.readAllLines(REPOSITORY.resolve("docs/migrating.md"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| behaviour |"))
                .collect(Collectors.toList());
        List<String> testSources = testSources();
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
            return Files.readString(Paths.get(path)).contains(" void " + method + "(");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's test sources; build output (target*) and hidden folders are not walked. */
    private static List<String> testSources() throws IOException {
        List<String> sources = new ArrayList<>();
        Files.walkFileTree(REPOSITORY, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = !dir.equals(REPOSITORY) && (name.startsWith("target") || name.startsWith("."));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String path = file.toString();
                if (path.contains("/src/test/java/") && path.endsWith(".java")) {
                    sources.add(path);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return sources;
    }
}
