package dev.kafkadirect.bench;

import java.util.Locale;

/** One number a worker reported: a metric of a workload for a contender in one round, with its JVM's peaks. */
final class Measurement {
    final int round;
    final Workload workload;
    final String metric;
    final Contender contender;
    final double value;
    final String unit;
    final long heapPeakMb;
    final long rssPeakMb;

    Measurement(int round, Workload workload, String metric, Contender contender, double value, String unit,
                long heapPeakMb, long rssPeakMb) {
        this.round = round;
        this.workload = workload;
        this.metric = metric;
        this.contender = contender;
        this.value = value;
        this.unit = unit;
        this.heapPeakMb = heapPeakMb;
        this.rssPeakMb = rssPeakMb;
    }

    /** @return true for throughputs, false for times */
    boolean higherIsBetter() {
        return unit.endsWith("/s");
    }

    /**
     * @param line {@code RESULT metric=scan value=1.0 unit=records/s records=4 heapPeakMb=1 rssPeakMb=2}
     * @return the measurement
     */
    static Measurement parse(int round, Workload workload, Contender contender, String line) {
        String metric = null;
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
                case "value":
                    value = Double.parseDouble(keyValue[1]);
                    break;
                case "unit":
                    unit = keyValue[1];
                    break;
                case "heapPeakMb":
                    heap = Long.parseLong(keyValue[1]);
                    break;
                case "rssPeakMb":
                    rss = Long.parseLong(keyValue[1]);
                    break;
                default:
                    break;
            }
        }
        if (metric == null || unit == null || Double.isNaN(value)) {
            throw new IllegalArgumentException("not a complete result line: " + line);
        }
        return new Measurement(round, workload, metric, contender, value, unit, heap, rss);
    }

    String csvRow() {
        return String.format(Locale.ROOT, "%d,%s,%s,%s,%.3f,%s,%d,%d", round, workload.label(), metric,
                contender.label(), value, unit, heapPeakMb, rssPeakMb);
    }

    static String csvHeader() {
        return "round,workload,metric,contender,value,unit,heap_peak_mb,rss_peak_mb";
    }
}
