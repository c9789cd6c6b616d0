package dev.kafkadirect.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Extra worker JVM options: for every worker, or for one contender's only, with the worker's name filled in. */
class WorkerOptionsTest {
    private static final String OPTIONS = "-XX:StartFlightRecording=filename=/tmp/{name}.jfr  "
            + "@ours:-Dbench.consumer.check.crcs=false @apache:-Xint";

    @Test
    void optionsWithoutAContenderGoToEveryWorkerAndTheOthersToTheirContenderOnly() {
        assertThat(WorkerLauncher.extraOptions(OPTIONS, "round1-scan-ours", Contender.OURS)).containsExactly(
                "-XX:StartFlightRecording=filename=/tmp/round1-scan-ours.jfr", "-Dbench.consumer.check.crcs=false");
        assertThat(WorkerLauncher.extraOptions(OPTIONS, "round1-scan-apache", Contender.APACHE)).containsExactly(
                "-XX:StartFlightRecording=filename=/tmp/round1-scan-apache.jfr", "-Xint");
        assertThat(WorkerLauncher.extraOptions(OPTIONS, "round1-scan-raw-single", Contender.RAW_SINGLE))
                .containsExactly("-XX:StartFlightRecording=filename=/tmp/round1-scan-raw-single.jfr");
        assertThat(WorkerLauncher.extraOptions("", "round1-scan-ours", Contender.OURS)).isEmpty();
    }
}
