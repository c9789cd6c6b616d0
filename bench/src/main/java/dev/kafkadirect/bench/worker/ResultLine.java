package dev.kafkadirect.bench.worker;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One measurement, printed on stdout for the orchestrator: {@code RESULT metric=scan phase=warm
 * value=1234567.0 unit=records/s records=4000000 liveHeapMb=212 rssPeakMb=1420}. The phase is {@code cold}
 * for a JVM's first pass and {@code warm} for the passes after it.
 */
final class ResultLine {
    static final String COLD = "cold";
    static final String WARM = "warm";

    private ResultLine() {
    }

    static void print(String metric, String phase, double value, String unit, long records, long liveHeapMb) {
        print(System.out, metric, phase, value, unit, records, liveHeapMb);
    }

    static void print(PrintStream out, String metric, String phase, double value, String unit, long records,
                      long liveHeapMb) {
        out.println(String.format(Locale.ROOT,
                "RESULT metric=%s phase=%s value=%.3f unit=%s records=%d liveHeapMb=%d rssPeakMb=%d",
                metric, phase, value, unit, records, liveHeapMb, JvmPeaks.rssPeakMb()));
        out.flush();
    }

    static void printThroughput(PrintStream out, String metric, String phase, Timed timed, long liveHeapMb) {
        print(out, metric, phase, timed.totals.records / (timed.nanos / 1e9), "records/s", timed.totals.records,
                liveHeapMb);
    }
}
