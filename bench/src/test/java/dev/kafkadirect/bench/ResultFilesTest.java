package dev.kafkadirect.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Per-round values, paired ratios in the right direction for throughputs and times, phases apart, and the options' errors. */
class ResultFilesTest {
    private static final RunInfo RUN = new RunInfo("machine", "cmd", 3, 2, 20, 30, "3.9.1", "2.8.1", "3.3.4");

    @Test
    void ratiosArePairedPerRoundAndSayHowManyTimesBetterOursIsForThroughputsAndForTimes() {
        List<MetricSummary> summaries = ResultFiles.summarize(List.of(
                // Round 1: ours' two warm passes have median 300; round 2: 100; round 3: 200.
                scan(1, "warm", Contender.OURS, 200), scan(1, "warm", Contender.OURS, 400),
                scan(2, "warm", Contender.OURS, 100), scan(3, "warm", Contender.OURS, 200),
                scan(1, "warm", Contender.APACHE, 100), scan(2, "warm", Contender.APACHE, 100),
                scan(3, "warm", Contender.APACHE, 400),
                scan(1, "cold", Contender.OURS, 50), scan(1, "cold", Contender.APACHE, 100),
                new Measurement(1, Workload.PLANNING, "planning-100", "warm", Contender.OURS, 10, "ms", 50, 60),
                new Measurement(1, Workload.PLANNING, "planning-100", "warm", Contender.APACHE, 40, "ms", 70, 80)));

        assertThat(summaries).extracting(summary -> summary.metric + " " + summary.phase)
                .containsExactly("scan warm", "scan cold", "planning-100 warm");
        MetricSummary warmScan = summaries.get(0);
        assertThat(warmScan.perRound(Contender.OURS)).containsExactly(
                entry(1, 300.0), entry(2, 100.0),
                entry(3, 200.0));
        assertThat(warmScan.spread(Contender.OURS).median).isEqualTo(200);
        // Rounds' ratios 3.0, 1.0 and 0.5: their median, not the ratio of the medians (200 / 100 = 2).
        assertThat(warmScan.ratio(Contender.OURS, Contender.APACHE)).hasValueSatisfying(ratio -> {
            assertThat(ratio.median).isEqualTo(1.0);
            assertThat(ratio.lowerQuartile).isEqualTo(0.75);
            assertThat(ratio.upperQuartile).isEqualTo(2.0);
        });
        assertThat(warmScan.ratio(Contender.OURS, Contender.RAW_PARALLEL)).isEmpty();
        assertThat(summaries.get(1).ratio(Contender.OURS, Contender.APACHE)).hasValueSatisfying(ratio ->
                assertThat(ratio.median).isEqualTo(0.5));
        assertThat(summaries.get(2).ratio(Contender.OURS, Contender.APACHE)).hasValueSatisfying(ratio ->
                assertThat(ratio.median).isEqualTo(4.0));
        assertThat(ResultFiles.markdown(summaries, RUN))
                .contains("| metric | phase | unit | ours | apache | ours vs apache | ours vs raw-parallel | ours vs structured |")
                .contains("| scan | warm | records/s | 200 [150 – 250] | 100 [100 – 250] | 1.00× [0.75 – 2.00] | – | – | 10 / 12 | 20 / 22 |")
                .contains("| planning-100 | warm | ms | 10.00 | 40.00 | 4.00× | – | – | 50 / 70 | 60 / 80 |")
                .contains("which runs a read workload once cold, then warms it up unmeasured (until two passes in a row"
                        + " compile little in the JIT, at most 20 passes or 30 s of passes; the worker logs say how many),"
                        + " then runs it 2 more times warm")
                .doesNotContain("The client version alone");
    }

    @Test
    void theClientVersionsEffectIsReportedOnTheSameModule() {
        List<MetricSummary> summaries = ResultFiles.summarize(List.of(
                scan(1, "warm", Contender.APACHE, 300), scan(1, "warm", Contender.APACHE_SHIPPED, 200),
                scan(1, "warm", Contender.RAW_PARALLEL, 100), scan(1, "warm", Contender.RAW_PARALLEL_SHIPPED, 400)));

        assertThat(ResultFiles.markdown(summaries, RUN))
                .contains("The client version alone (3.9.1 vs 2.8.1, same code, paired per round")
                .contains("| scan | warm | 1.50× | 0.25× |");
    }

    @Test
    void oursIsComparedWithStructuredStreamingOnTheSameSparkRelease() {
        List<MetricSummary> summaries = ResultFiles.summarize(List.of(
                scan(1, "warm", Contender.OURS, 100), scan(1, "warm", Contender.STRUCTURED, 200),
                scan(1, "warm", Contender.OURS_BESIDE_STRUCTURED, 300)));

        // ours-beside-structured / structured, not ours (on the build's Spark) / structured.
        assertThat(summaries.get(0).ratio(Contender.OURS_BESIDE_STRUCTURED, Contender.STRUCTURED))
                .hasValueSatisfying(ratio -> assertThat(ratio.median).isEqualTo(1.5));
        assertThat(ResultFiles.markdown(summaries, RUN))
                .contains("| scan | warm | records/s | 100 | 300 | 200 | – | – | 1.50× | – | – |")
                .contains("run on Spark 3.3.4, the Kafka source's release");
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> BenchOptions.parse("--workloads", "scan,fast"))
                .hasMessage("Unknown workload 'fast'; the benchmark knows scan, catch-up, catch-up-batches, skew-cpu,"
                        + " skew-io, many-partitions, planning, steady-state");
        assertThatThrownBy(() -> BenchOptions.parse("--rounds", "0")).hasMessage("--rounds must be >= 1 but was 0");
        assertThatThrownBy(() -> BenchOptions.parse("--warm", "x"))
                .hasMessage("--warm must be a whole number but was 'x'");
        assertThatThrownBy(() -> BenchOptions.parse("--speed", "2")).hasMessageStartingWith("Unknown option --speed;");
        assertThatThrownBy(() -> BenchOptions.parse("--contenders", "ours,fast"))
                .hasMessageStartingWith("Unknown contender 'fast'; the benchmark knows ours, apache,");
        assertThatThrownBy(() -> BenchOptions.parse("--warm-up", "-1")).hasMessage("--warm-up must be >= 0 but was -1");
    }

    @Test
    void theRateLimitedCatchUpDrainsTheBacklogInTenBatches() {
        BenchOptions options = BenchOptions.parse("--records", "2000000");

        // 2,000,000 records in 8 partitions over 10 batches of 20 ms: 25,000 per partition and batch.
        assertThat(options.catchUpRatePerPartition(8)).isEqualTo(1_250_000);
        assertThat(options.catchUpBatchMillis).isEqualTo(20);
    }

    @Test
    void moreCatchUpBatchesAreSmallerAndCloserTogether() {
        BenchOptions options = BenchOptions.parse("--records", "2000000", "--catch-up-batches", "50");

        // 50 batches of 4 ms, 5,000 records per partition and batch: submitted over the same 200 ms.
        assertThat(options.catchUpBatchMillis).isEqualTo(4);
        assertThat(options.catchUpRatePerPartition(8)).isEqualTo(1_250_000);
        assertThatThrownBy(() -> BenchOptions.parse("--catch-up-batches", "0"))
                .hasMessage("--catch-up-batches must be >= 1 but was 0");
    }

    @Test
    void contendersAndWarmUpCanBeChosen() {
        BenchOptions chosen = BenchOptions.parse("--contenders", "apache, ours", "--warm-up", "0");
        BenchOptions defaults = BenchOptions.parse();

        assertThat(chosen.contenders).containsExactly(Contender.APACHE, Contender.OURS);
        assertThat(chosen.warmUp).isZero();
        assertThat(defaults.contenders).containsExactly(Contender.values());
        assertThat(defaults.warmUp).isEqualTo(20);
        assertThat(BenchOptions.parse("--smoke").warmUp).isZero();
    }

    private static Measurement scan(int round, String phase, Contender contender, double value) {
        return new Measurement(round, Workload.SCAN, "scan", phase, contender, value, "records/s",
                contender == Contender.OURS ? 10 : 12, contender == Contender.OURS ? 20 : 22);
    }
}
