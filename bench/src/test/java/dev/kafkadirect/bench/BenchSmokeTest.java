package dev.kafkadirect.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's smoke mode end to end (broker, data, every workload in worker JVMs with our classpath and
 * Apache's, the files): it proves the benchmark still works. It asserts no speed.
 */
@Tag("long")
class BenchSmokeTest {
    @Test
    void everyWorkloadRunsForEveryContenderAndTheResultFilesAreWritten(@TempDir Path out) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        BenchMain.run(BenchOptions.parse("--smoke", "--out", out.toString()), "smoke test",
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        List<String> rows = Files.readAllLines(out.resolve(ResultFiles.CSV));
        assertThat(rows.get(0)).isEqualTo(Measurement.csvHeader());
        assertThat(rows.subList(1, rows.size()).stream().map(row -> row.split(",")[2] + " " + row.split(",")[3])
                .collect(Collectors.toList())).containsExactlyInAnyOrder(
                "scan ours", "scan apache", "scan raw-single", "scan raw-parallel",
                "catch-up ours", "catch-up apache", "catch-up raw-parallel",
                "skew ours", "skew apache", "skew raw-single", "skew raw-parallel",
                "many-partitions ours", "many-partitions apache", "many-partitions raw-parallel",
                "planning-10 ours", "planning-10 apache", "planning-50 ours", "planning-50 apache",
                "steady-state-p50 ours", "steady-state-p50 apache", "steady-state-p99 ours", "steady-state-p99 apache");
        assertThat(rows.subList(1, rows.size())).allSatisfy(row ->
                assertThat(Double.parseDouble(row.split(",")[4])).isPositive());
        assertThat(Files.readString(out.resolve(ResultFiles.MARKDOWN)))
                .contains("| metric | unit | ours | Apache | raw-single | raw-parallel | ours vs Apache |")
                .contains("Apache's module " + System.getProperty("kafkadirect.bench.apacheModuleVersion"));
        assertThat(Files.readAllBytes(out.resolve(ResultFiles.CHART))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Raw numbers:  " + out.resolve(ResultFiles.CSV));
    }
}
