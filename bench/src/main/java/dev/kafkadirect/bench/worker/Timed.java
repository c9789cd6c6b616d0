package dev.kafkadirect.bench.worker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What one repetition of a read workload read, and the nanoseconds its timer measured. */
final class Timed {
    /** How long a listener's start event may lag behind the end of the work it started. */
    private static final long START_EVENT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    final ReadTotals totals;
    final long nanos;

    Timed(ReadTotals totals, long nanos) {
        this.totals = totals;
        this.nanos = nanos;
    }

    /**
     * A timer started by a listener, whose events Spark delivers asynchronously: waits for the start to be
     * recorded, and refuses a start recorded after the end (the timer would measure nothing).
     *
     * @param startNanos set by the listener when the work started; 0 until then
     * @param endNanos when the last record was counted
     * @throws IllegalStateException when the start was never recorded, or came after the end
     */
    static Timed fromListenerStart(ReadTotals totals, AtomicLong startNanos, long endNanos) throws InterruptedException {
        long deadline = System.nanoTime() + START_EVENT_WAIT_NANOS;
        while (startNanos.get() == 0 && System.nanoTime() - deadline < 0) {
            // Outside the timer: only the listener bus's delivery is awaited.
            TimeUnit.MILLISECONDS.sleep(5);
        }
        long start = startNanos.get();
        if (start == 0 || start > endNanos) {
            throw new IllegalStateException(start == 0 ? "the listener never reported the work's start"
                    : "the listener reported the work's start after its last record: this pass cannot be timed");
        }
        return new Timed(totals, endNanos - start);
    }
}
