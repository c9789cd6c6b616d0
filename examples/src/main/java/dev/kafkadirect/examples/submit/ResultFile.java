package dev.kafkadirect.examples.submit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;

/** An application's result as a properties file, written whole or not at all (renamed into place). */
final class ResultFile {
    private ResultFile() {
    }

    /**
     * @param file where to write
     * @param values the result
     */
    static void write(Path file, Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                properties.store(out, "Kafka Direct example result");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the result to " + file, e);
        }
    }
}
