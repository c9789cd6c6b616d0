package dev.kafkadirect.bench.worker;

import javax.management.ObjectName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A class histogram of this JVM's live heap (what {@code jcmd <pid> GC.class_histogram} prints), for experiments. */
final class HeapHistogram {
    private HeapHistogram() {
    }

    /** Writes the histogram to {@code file}; the JVM collects garbage first, so it counts live objects only. */
    static void write(Path file) {
        try {
            Object histogram = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, String.valueOf(histogram).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the heap histogram to " + file, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot take a heap histogram: " + e, e);
        }
    }
}
