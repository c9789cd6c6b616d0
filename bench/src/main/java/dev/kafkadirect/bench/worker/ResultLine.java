package dev.kafkadirect.bench.worker;

import java.util.Locale;

/**
 * One measurement, printed on stdout for the orchestrator:
 * {@code RESULT metric=scan value=1234567.0 unit=records/s records=4000000 heapPeakMb=812 rssPeakMb=1420}.
 */
final class ResultLine {
    private ResultLine() {
    }

    static void print(String metric, double value, String unit, long records) {
        System.out.println(String.format(Locale.ROOT, "RESULT metric=%s value=%.3f unit=%s records=%d heapPeakMb=%d rssPeakMb=%d",
                metric, value, unit, records, JvmPeaks.heapPeakMb(), JvmPeaks.rssPeakMb()));
        System.out.flush();
    }

    static void printThroughput(String metric, ReadTotals totals, long nanos) {
        print(metric, totals.records / (nanos / 1e9), "records/s", totals.records);
    }
}
