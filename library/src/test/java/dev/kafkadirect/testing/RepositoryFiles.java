package dev.kafkadirect.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The repository's own files, for tests that check docs and code against each other. */
public final class RepositoryFiles {
    /** The repository's root, seen from the library module, where the tests run. */
    public static final Path ROOT = Paths.get("..");

    private RepositoryFiles() {
    }

    /**
     * @param wanted which paths (relative to the root, with '/') to return
     * @return the matching files, relative to the root; build output (target*) and hidden folders are not walked
     */
    public static List<String> matching(Predicate<String> wanted) throws IOException {
        List<String> found = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = !dir.equals(ROOT) && (name.startsWith("target") || name.startsWith("."));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String path = ROOT.relativize(file).toString().replace('\\', '/');
                if (wanted.test(path)) {
                    found.add(path);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /** @return the file's text */
    public static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }
}
