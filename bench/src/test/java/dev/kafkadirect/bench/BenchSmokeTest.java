package dev.kafkadirect.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        // Row: round,workload,metric,phase,contender,value,...; read workloads print a cold and a warm pass.
        List<String> expected = new ArrayList<>();
        expected.addAll(passes("scan", "ours", "apache", "apache-shipped", "ours-beside-structured", "structured",
                "raw-single", "raw-parallel", "raw-parallel-shipped"));
        expected.addAll(passes("catch-up", "ours", "apache", "apache-shipped", "ours-beside-structured", "structured"));
        expected.addAll(passes("catch-up-batches", "ours", "apache"));
        expected.addAll(passes("skew-cpu", "ours", "apache"));
        expected.addAll(passes("skew-io", "ours", "apache"));
        expected.addAll(passes("many-partitions", "ours", "apache"));
        for (String metric : List.of("planning-10", "planning-50", "steady-state-p50", "steady-state-p99")) {
            expected.addAll(List.of(metric + " warm ours", metric + " warm apache"));
        }
        assertThat(rows.subList(1, rows.size()).stream().map(row -> row.split(",")[2] + " " + row.split(",")[3]
                + " " + row.split(",")[4]).collect(Collectors.toList())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row ->
                assertThat(Double.parseDouble(row.split(",")[5])).isPositive());
        assertThat(Files.readString(out.resolve(ResultFiles.MARKDOWN)))
                .contains("| metric | phase | unit | ours | apache | apache-shipped | ours-beside-structured | structured"
                        + " | raw-single | raw-parallel | raw-parallel-shipped | ours vs apache | ours vs raw-parallel"
                        + " | ours vs structured |")
                .contains("The client version alone")
                .contains("Apache's module " + System.getProperty("kafkadirect.bench.apacheModuleVersion"));
        assertThat(Files.readAllBytes(out.resolve(ResultFiles.CHART))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Raw numbers:  " + out.resolve(ResultFiles.CSV));
    }

    /** @return "metric cold contender" and "metric warm contender" for each contender */
    private static List<String> passes(String metric, String... contenders) {
        List<String> passes = new ArrayList<>();
        for (String contender : contenders) {
            passes.add(metric + " cold " + contender);
            passes.add(metric + " warm " + contender);
        }
        return passes;
    }
}
