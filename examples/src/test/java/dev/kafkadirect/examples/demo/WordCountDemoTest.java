package dev.kafkadirect.examples.demo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WordCountDemoTest {
    @Test
    void demoPrintsBatchesAndCountsThatMatchTheTextProduced() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int status = WordCountDemo.run(new DemoOptions(2_000, 2, 400),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(printed)
                .contains("100%  2,000/2,000 lines")
                .contains("batch   1:       800 records, lag     1,200, offsets 0:[0,400) 1:[0,400)")
                .contains("batch   3:       400 records, lag         0, offsets 0:[800,1000) 1:[800,1000)")
                .contains("committed offsets: {demo-words-0=1000, demo-words-1=1000}")
                .contains("Counts match the 2,000 lines produced (6,000 words).");
        SampleText.expectedCounts(2_000).forEach((word, count) ->
                assertThat(printed).contains(String.format("    %-10s %,10d%n", word, count)));
    }

    @Test
    void unknownOptionsAreNamed() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--records", "5"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown option --records; the demo takes --lines N, --partitions N and --batch-records N");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--lines", "many"}))
                .hasMessage("--lines must be a whole number but was 'many'");
    }
}
