package dev.kafkadirect.examples.demo;

import dev.kafkadirect.testkit.PostgresServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WordCountDemoTest {
    @Test
    void demoPrintsBatchesAndCountsThatMatchTheTextProducedWithTheEmbeddedH2Store() {
        String printed = runDemo(DemoOptions.EMBEDDED_H2);

        assertThat(printed)
                .contains("100%  2,000/2,000 lines")
                .contains("commit in one transaction to JdbcOffsetStore(kafka_direct_offsets at jdbc:h2:mem:kafka-direct-demo")
                .contains("batch   1:       800 records, lag     1,200, offsets 0:[0,400) 1:[0,400)")
                .contains("batch   3:       400 records, lag         0, offsets 0:[800,1000) 1:[800,1000)")
                .contains("stored offsets by partition: {0: 1000, 1: 1000}; the topic ends at {0: 1000, 1: 1000}")
                .contains("Counts match the 2,000 lines produced (6,000 words).");
        SampleText.expectedCounts(2_000).forEach((word, count) ->
                assertThat(printed).contains(String.format("    %-10s %,10d%n", word, count)));
    }

    @Test
    void demoStoresInPostgresqlGivenItsJdbcUrl() {
        try (PostgresServer postgres = PostgresServer.start()) {
            String printed = runDemo(postgres.jdbcUrl());

            assertThat(printed)
                    .contains("to JdbcOffsetStore(kafka_direct_offsets at " + postgres.jdbcUrl() + ")")
                    .contains("stored offsets by partition: {0: 1000, 1: 1000}")
                    .contains("Counts match the 2,000 lines produced (6,000 words).");
        }
    }

    @Test
    void unknownOptionsAreNamed() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--records", "5"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown option --records; the demo takes --lines N, --partitions N, --batch-records N,"
                        + " --jdbc-url URL and --standalone-cluster");
        assertThat(DemoOptions.parse(new String[] {"--standalone-cluster", "--lines", "7"}))
                .satisfies(options -> assertThat(options.standaloneCluster()).isTrue())
                .satisfies(options -> assertThat(options.lines()).isEqualTo(7));
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--lines", "many"}))
                .hasMessage("--lines must be a whole number but was 'many'");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--jdbc-url", "postgres://db"}))
                .hasMessageStartingWith("--jdbc-url must be a JDBC URL such as jdbc:postgresql://");
    }

    private static String runDemo(String jdbcUrl) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = WordCountDemo.run(new DemoOptions(2_000, 2, 400, jdbcUrl),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        assertThat(status).as(output.toString(StandardCharsets.UTF_8)).isZero();
        return output.toString(StandardCharsets.UTF_8);
    }
}
