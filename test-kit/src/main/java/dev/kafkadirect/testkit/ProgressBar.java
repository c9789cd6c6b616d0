package dev.kafkadirect.testkit;

import java.io.PrintStream;

/**
 * A one-line progress bar redrawn in place, for long work such as {@link KafkaCluster#produceBulk}:
 * {@code [#########.........]  45%  90,000/200,000 records}. Thread-safe.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final String unit;
    private int lastPercent = -1;

    public ProgressBar(PrintStream out, long total, String unit) {
        this.out = out;
        this.total = Math.max(1, total);
        this.unit = unit;
    }

    /** @param done how much is done so far; redraws only when the percentage changes */
    public synchronized void update(long done) {
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.printf("\r  [%s%s] %3d%%  %,d/%,d %s", "#".repeat(filled), ".".repeat(WIDTH - filled), percent, done,
                total, unit);
        if (percent == 100) {
            out.println();
        }
        out.flush();
    }
}
