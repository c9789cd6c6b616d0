package dev.kafkadirect.bench.worker;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs a read workload once cold (the JVM's first pass: class loading, JIT), then warms it up without measuring
 * until the JIT is quiet, then runs it a number of warm times in the same JVM, checking each pass's record count
 * and value bytes and printing the cold and warm passes as result lines of their own phase.
 *
 * <p>Why warm up until the JIT is quiet: on 2 cores the compiler threads compete with the workload, and a
 * 2 M-record scan kept getting faster for about a dozen passes (ours 1.7 M records/s on the first pass after the
 * cold one, 3.7 M on the thirteenth; Apache's 1.9 M and 3.2 M); one warm-up pass measured a JVM still compiling.
 * The JIT never goes fully quiet here (50-300 ms of compiling a pass even after 30 passes), so warm-up also ends
 * after a number of passes or a time spent in passes (30 s unless {@code --warm-up-seconds}), whichever comes first.
 */
final class Repetitions {
    /**
     * A warm-up pass counts as quiet when the JIT compiled during it for at most this many milliseconds or
     * {@link #QUIET_JIT_SHARE} of the pass's time, whichever is more.
     */
    static final long QUIET_JIT_MILLIS = 50;
    static final double QUIET_JIT_SHARE = 0.10;
    /** Warm-up ends after this many quiet passes in a row... */
    static final int QUIET_PASSES = 2;

    /** One pass of a workload, timed by itself (the timer covers the work only). */
    @FunctionalInterface
    interface Pass {
        Timed run(int repetition) throws Exception;
    }

    private final int warm;
    private final int maxWarmUp;
    private final long maxWarmUpNanos;
    private final LiveHeap liveHeap;
    private final LongSupplier jitMillis;
    private final PrintStream out;

    /**
     * @param warm      measured warm passes
     * @param maxWarmUp the most unmeasured warm-up passes after the cold one (0: none)
     * @param maxWarmUpNanos warm-up also ends once its passes have taken this long (a slow contender's passes warm it
     *                       up as much)
     */
    Repetitions(int warm, int maxWarmUp, long maxWarmUpNanos, LiveHeap liveHeap) {
        this(warm, maxWarmUp, maxWarmUpNanos, liveHeap, ManagementFactory.getCompilationMXBean()::getTotalCompilationTime,
                System.out);
    }

    /** As {@link #Repetitions(int, int, long, LiveHeap)}, reading the JIT's total compile time from {@code jitMillis}. */
    Repetitions(int warm, int maxWarmUp, long maxWarmUpNanos, LiveHeap liveHeap, LongSupplier jitMillis,
                PrintStream out) {
        this.warm = warm;
        this.maxWarmUp = maxWarmUp;
        this.maxWarmUpNanos = maxWarmUpNanos;
        this.liveHeap = liveHeap;
        this.jitMillis = jitMillis;
        this.out = out;
    }

    void run(String metric, long expectedRecords, long expectedValueBytes, Pass pass) throws Exception {
        int repetition = 0;
        printResult(metric, ResultLine.COLD, pass(expectedRecords, expectedValueBytes, pass, repetition++));
        int quiet = 0;
        long warmUpNanos = 0;
        for (int warmUp = 1; warmUp <= maxWarmUp && quiet < QUIET_PASSES && warmUpNanos < maxWarmUpNanos; warmUp++) {
            Outcome outcome = pass(expectedRecords, expectedValueBytes, pass, repetition++);
            warmUpNanos += outcome.timed.nanos;
            long quietLimit = Math.max(QUIET_JIT_MILLIS,
                    (long) (QUIET_JIT_SHARE * TimeUnit.NANOSECONDS.toMillis(outcome.timed.nanos)));
            quiet = outcome.jitMillis <= quietLimit ? quiet + 1 : 0;
            out.printf("warm-up pass %d: %.0f records/s, JIT compiled for %d ms%n", warmUp,
                    outcome.timed.totals.records / (outcome.timed.nanos / 1e9), outcome.jitMillis);
        }
        for (int measured = 0; measured < warm; measured++) {
            printResult(metric, ResultLine.WARM, pass(expectedRecords, expectedValueBytes, pass, repetition++));
        }
    }

    /** Every pass, warm-up or measured, runs the same way: live heap measured, a full collection at its end. */
    private Outcome pass(long expectedRecords, long expectedValueBytes, Pass pass, int repetition) throws Exception {
        liveHeap.reset();
        long jitBefore = jitMillis.getAsLong();
        Timed timed = pass.run(repetition);
        long jitDuring = jitMillis.getAsLong() - jitBefore;
        timed.totals.require(expectedRecords, expectedValueBytes);
        return new Outcome(timed, jitDuring, liveHeap.largestMb());
    }

    private void printResult(String metric, String phase, Outcome outcome) {
        out.printf("%s pass: JIT compiled for %d ms%n", phase, outcome.jitMillis);
        ResultLine.printThroughput(out, metric, phase, outcome.timed, outcome.liveHeapMb);
    }

    /** What one pass measured. */
    private static final class Outcome {
        final Timed timed;
        final long jitMillis;
        final long liveHeapMb;

        Outcome(Timed timed, long jitMillis, long liveHeapMb) {
            this.timed = timed;
            this.jitMillis = jitMillis;
            this.liveHeapMb = liveHeapMb;
        }
    }
}
