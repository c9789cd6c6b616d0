package dev.kafkadirect.bench.worker;

/**
 * Runs a read workload once cold (the JVM's first pass: class loading, JIT) and then a number of warm times
 * in the same JVM, checking each pass's record count and value bytes and printing each as a result line of its
 * own phase.
 */
final class Repetitions {
    /** One pass of a workload, timed by itself (the timer covers the work only). */
    @FunctionalInterface
    interface Pass {
        Timed run(int repetition) throws Exception;
    }

    private final int warm;
    private final LiveHeap liveHeap;

    Repetitions(int warm, LiveHeap liveHeap) {
        this.warm = warm;
        this.liveHeap = liveHeap;
    }

    void run(String metric, long expectedRecords, long expectedValueBytes, Pass pass) throws Exception {
        for (int repetition = 0; repetition <= warm; repetition++) {
            liveHeap.reset();
            Timed timed = pass.run(repetition);
            timed.totals.require(expectedRecords, expectedValueBytes);
            ResultLine.printThroughput(metric, repetition == 0 ? ResultLine.COLD : ResultLine.WARM, timed,
                    liveHeap.largestMb());
        }
    }
}
