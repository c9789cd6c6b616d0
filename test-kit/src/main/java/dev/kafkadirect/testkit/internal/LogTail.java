package dev.kafkadirect.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** The last lines of log files, to quote in an error when a child process fails. */
public final class LogTail {
    private LogTail() {
    }

    /**
     * Returns the last {@code lines} lines of each existing file, each block headed by the file name.
     *
     * @param lines how many lines per file
     * @param files the files; missing ones are skipped
     * @return the text to quote
     */
    public static String of(int lines, List<Path> files) {
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Deque<String> last = new ArrayDeque<>(lines);
            try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
                all.forEach(line -> {
                    if (last.size() == lines) {
                        last.removeFirst();
                    }
                    last.addLast(line);
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                text.append("(cannot read ").append(file).append(": ").append(e.getMessage()).append(")\n");
                continue;
            }
            text.append("--- last ").append(last.size()).append(" lines of ").append(file).append(" ---\n");
            last.forEach(line -> text.append(line).append('\n'));
        }
        return text.length() == 0 ? "(no log written)" : text.toString();
    }
}
