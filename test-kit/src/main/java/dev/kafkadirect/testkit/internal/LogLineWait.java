package dev.kafkadirect.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits until a child process's log has a line holding a marker, giving up at once if the child exits. */
final class LogLineWait {
    private LogLineWait() {
    }

    /**
     * @param child the child's process, looked up on each check
     * @param logFile where the child's standard output goes
     * @param marker the text that says the child is ready
     * @param timeout how long to wait at most
     * @param description what the child is, for the error message
     * @param tailLines how many of the log's last lines the error quotes
     * @return the first line holding {@code marker}
     * @throws IllegalStateException quoting the log tail when the child exited or did not log it in time
     */
    static String await(Supplier<Process> child, Path logFile, String marker, Duration timeout, String description,
                        int tailLines) {
        return awaitEither(child, logFile, marker, marker, timeout, description, tailLines);
    }

    /**
     * Like {@link #await}, for a child that answers either way (e.g. "created" or "failed").
     *
     * @param marker one answer
     * @param otherMarker the other answer
     * @return the first line holding either
     */
    static String awaitEither(Supplier<Process> child, Path logFile, String marker, String otherMarker,
                              Duration timeout, String description, int tailLines) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> line = findLine(logFile, marker, otherMarker);
            if (line.isPresent()) {
                return line.get();
            }
            Process current = child.get();
            if (!current.isAlive()) {
                throw new IllegalStateException(description + " exited with status " + current.exitValue()
                        + " before logging '" + marker + "'. Log: " + logFile + "\n"
                        + LogTail.of(tailLines, List.of(logFile)));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(description + " did not log '" + marker + "' within "
                        + timeout.toSeconds() + " s. Log: " + logFile + "\n" + LogTail.of(tailLines, List.of(logFile)));
            }
            BrokerProcess.pause(Duration.ofMillis(100));
        }
    }

    private static Optional<String> findLine(Path logFile, String marker, String otherMarker) {
        if (!Files.isRegularFile(logFile)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(logFile, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(marker) || line.contains(otherMarker))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + logFile, e);
        }
    }
}
