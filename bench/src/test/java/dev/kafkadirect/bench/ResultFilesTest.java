package dev.kafkadirect.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Medians, ratios in the right direction for throughputs and times, and the options' errors. */
class ResultFilesTest {
    @Test
    void ratiosSayHowManyTimesBetterOursIsForThroughputsAndForTimes() {
        List<MetricSummary> summaries = ResultFiles.summarize(List.of(
                new Measurement(1, Workload.SCAN, "scan", Contender.OURS, 300, "records/s", 100, 200),
                new Measurement(2, Workload.SCAN, "scan", Contender.OURS, 100, "records/s", 100, 200),
                new Measurement(3, Workload.SCAN, "scan", Contender.OURS, 200, "records/s", 100, 200),
                new Measurement(1, Workload.SCAN, "scan", Contender.APACHE, 100, "records/s", 120, 220),
                new Measurement(1, Workload.PLANNING, "planning-100", Contender.OURS, 10, "ms", 50, 60),
                new Measurement(1, Workload.PLANNING, "planning-100", Contender.APACHE, 40, "ms", 50, 60)));

        assertThat(summaries).extracting(summary -> summary.metric).containsExactly("scan", "planning-100");
        assertThat(summaries.get(0).median(Contender.OURS)).isEqualTo(200);
        assertThat(summaries.get(0).oursVersus(Contender.APACHE)).hasValue(2.0);
        assertThat(summaries.get(0).oursVersus(Contender.RAW_PARALLEL)).isEmpty();
        assertThat(summaries.get(1).oursVersus(Contender.APACHE)).hasValue(4.0);
        assertThat(ResultFiles.markdown(summaries, "machine", "cmd", 3))
                .contains("| scan | records/s | 200 [100 – 300] | 100 | – | – | 2.00× | – | 100 / 120 | 200 / 220 |")
                .contains("| planning-100 | ms | 10.0 | 40.0 | – | – | 4.00× | – | 50 / 50 | 60 / 60 |");
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> BenchOptions.parse("--workloads", "scan,fast"))
                .hasMessage("Unknown workload 'fast'; the benchmark knows scan, catch-up, skew, many-partitions,"
                        + " planning, steady-state");
        assertThatThrownBy(() -> BenchOptions.parse("--rounds", "0")).hasMessage("--rounds must be >= 1 but was 0");
        assertThatThrownBy(() -> BenchOptions.parse("--speed", "2")).hasMessageStartingWith("Unknown option --speed;");
    }
}
