package dev.kafkadirect.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * A process's whole command line, read from Linux's {@code /proc} ({@code ProcessHandle.Info.arguments()} is
 * empty for command lines as long as a broker's or a Spark daemon's).
 */
final class ChildCommandLine {
    private ChildCommandLine() {
    }

    static List<String> of(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Paths.get("/proc", String.valueOf(pid), "cmdline"));
            return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the command line of process " + pid, e);
        }
    }
}
