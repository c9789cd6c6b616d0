package dev.kafkadirect.examples.demo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo with {@code --standalone-cluster}: its executors run on the Workers of a standalone cluster. */
class WordCountDemoOnClusterIT {
    @Test
    void demoCountsExactlyWithExecutorsOnAStandaloneCluster() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = WordCountDemo.run(DemoOptions.parse(new String[] {"--lines", "2000", "--partitions", "2",
                "--batch-records", "400", "--standalone-cluster"}), new PrintStream(output, true, StandardCharsets.UTF_8));
        String printed = output.toString(StandardCharsets.UTF_8);

        assertThat(status).as(printed).isZero();
        assertThat(printed)
                .containsPattern("Spark [0-9.]+ master at spark://127\\.0\\.0\\.1:\\d+, workers on 127\\.0\\.0\\.1, 127\\.0\\.0\\.2")
                .contains("in Spark (executors on a standalone cluster, 500 ms batches")
                .contains("batch   3:       400 records, lag         0, offsets 0:[800,1000) 1:[800,1000)")
                .contains("Counts match the 2,000 lines produced (6,000 words).");
    }
}
