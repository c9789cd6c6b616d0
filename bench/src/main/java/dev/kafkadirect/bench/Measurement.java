package dev.kafkadirect.bench;

import java.util.Locale;

/**
 * One number a worker reported: a metric of a workload for a contender in one round, in one phase ({@code cold}
 * for its JVM's first pass, {@code warm} for the passes after it), with the live heap of that pass and its
 * JVM's peak RSS so far.
 */
final class Measurement {
    final int round;
    final Workload workload;
    final String metric;
    final String phase;
    final Contender contender;
    final double value;
    final String unit;
    final long liveHeapMb;
    final long rssPeakMb;

    Measurement(int round, Workload workload, String metric, String phase, Contender contender, double value,
                String unit, long liveHeapMb, long rssPeakMb) {
        this.round = round;
        this.workload = workload;
        this.metric = metric;
        this.phase = phase;
        this.contender = contender;
        this.value = value;
        this.unit = unit;
        this.liveHeapMb = liveHeapMb;
        this.rssPeakMb = rssPeakMb;
    }

    /** @return true for throughputs, false for times */
    boolean higherIsBetter() {
        return unit.endsWith("/s");
    }

    /**
     * @param line {@code RESULT metric=scan phase=warm value=1.0 unit=records/s records=4 liveHeapMb=1 rssPeakMb=2}
     * @return the measurement
     * @throws IllegalArgumentException when the line lacks the metric, phase, value or unit
     */
    static Measurement parse(int round, Workload workload, Contender contender, String line) {
        String metric = null;
        String phase = null;
        String unit = null;
        double value = Double.NaN;
        long heap = -1;
        long rss = -1;
        for (String field : line.substring("RESULT ".length()).split(" ")) {
            String[] keyValue = field.split("=", 2);
            switch (keyValue[0]) {
                case "metric":
                    metric = keyValue[1];
                    break;
                case "phase":
                    phase = keyValue[1];
                    break;
                case "value":
                    value = Double.parseDouble(keyValue[1]);
                    break;
                case "unit":
                    unit = keyValue[1];
                    break;
                case "liveHeapMb":
                    heap = Long.parseLong(keyValue[1]);
                    break;
                case "rssPeakMb":
                    rss = Long.parseLong(keyValue[1]);
                    break;
                default:
                    break;
            }
        }
        if (metric == null || phase == null || unit == null || Double.isNaN(value)) {
            throw new IllegalArgumentException("not a complete result line: " + line);
        }
        return new Measurement(round, workload, metric, phase, contender, value, unit, heap, rss);
    }

    String csvRow() {
        return String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%.3f,%s,%d,%d", round, workload.label(), metric, phase,
                contender.label(), value, unit, liveHeapMb, rssPeakMb);
    }

    static String csvHeader() {
        return "round,workload,metric,phase,contender,value,unit,live_heap_mb,rss_peak_mb";
    }
}
