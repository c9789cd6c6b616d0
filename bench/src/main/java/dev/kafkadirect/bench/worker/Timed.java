package dev.kafkadirect.bench.worker;

/** What one repetition of a read workload read, and the nanoseconds its timer measured. */
final class Timed {
    final ReadTotals totals;
    final long nanos;

    Timed(ReadTotals totals, long nanos) {
        this.totals = totals;
        this.nanos = nanos;
    }
}
