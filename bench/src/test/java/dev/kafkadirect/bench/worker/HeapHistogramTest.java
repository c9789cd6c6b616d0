package dev.kafkadirect.bench.worker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HeapHistogramTest {
    /** Held live while the histogram is taken, so it must be counted. */
    private static final Marker[] LIVE_MARKERS = {new Marker(), new Marker(), new Marker()};

    @Test
    void writesTheLiveObjectsClassByClass(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("histograms").resolve("worker-0.txt");

        HeapHistogram.write(file);

        String histogram = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertThat(histogram).contains("#instances").contains("#bytes");
        assertThat(histogram).containsPattern(
                "\\s" + LIVE_MARKERS.length + "\\s+\\d+\\s+" + Marker.class.getName().replace("$", "\\$") + "\\s");
    }

    /** A class only this test makes. */
    private static final class Marker {
    }
}
