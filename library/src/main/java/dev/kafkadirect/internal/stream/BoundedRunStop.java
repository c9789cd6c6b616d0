package dev.kafkadirect.internal.stream;

import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/**
 * Stops a bounded stream's context gracefully once its final batch has completed: the batches generated until
 * then finish, the stream commits the offsets queued with {@code commitAsync}, and {@code awaitTermination()}
 * returns. The stop runs on a thread of its own, made when the stream starts: a listener must not stop the context
 * it listens to, and Spark refuses it from any thread the listener bus thread starts too.
 * Whether the SparkContext stops too follows {@code spark.streaming.stopSparkContextByDefault} (true unless set).
 */
final class BoundedRunStop implements StreamingListener {
    private static final Logger LOG = LoggerFactory.getLogger(BoundedRunStop.class);

    private final int streamId;
    private final BoundedRun run;
    private final StreamingContext ssc;
    private final CountDownLatch finalBatchCompleted = new CountDownLatch(1);
    private volatile boolean cancelled;

    private BoundedRunStop(int streamId, BoundedRun run, StreamingContext ssc) {
        this.streamId = streamId;
        this.run = run;
        this.ssc = ssc;
    }

    /**
     * @return a listener whose stopping thread is waiting; register it with the context, and {@link #cancel()} it
     *         when the stream stops another way
     */
    static BoundedRunStop started(int streamId, BoundedRun run, StreamingContext ssc) {
        BoundedRunStop stop = new BoundedRunStop(streamId, run, ssc);
        Thread stopper = new Thread(stop::stopWhenDone, "kafka-direct-bounded-run-stop-" + streamId);
        stopper.setDaemon(true);
        stopper.start();
        return stop;
    }

    @Override
    public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
        long finalBatch = run.finalBatchTime();
        if (finalBatch >= 0 && completed.batchInfo().batchTime().milliseconds() >= finalBatch) {
            finalBatchCompleted.countDown();
        }
    }

    /** Lets the waiting thread end without stopping anything (the context is stopping already). */
    void cancel() {
        cancelled = true;
        finalBatchCompleted.countDown();
    }

    private void stopWhenDone() {
        try {
            finalBatchCompleted.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (cancelled) {
            return;
        }
        boolean stopSparkContext = ssc.conf().getBoolean("spark.streaming.stopSparkContextByDefault", true);
        LOG.info("Direct stream {} has read to the end offsets it saw at start ({}); stopping the streaming context"
                + " gracefully{}", streamId, PartitionOrder.sorted(run.ends()), stopSparkContext ? " with its SparkContext" : "");
        ssc.stop(stopSparkContext, true);
    }
}
