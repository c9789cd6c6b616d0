package dev.kafkadirect.bench.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/** This JVM's peak resident set size (Linux VmHWM): what the operating system gave it, heap and native. */
final class JvmPeaks {
    private JvmPeaks() {
    }

    /** @return peak RSS in MiB, or -1 where /proc is not there */
    static long rssPeakMb() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
