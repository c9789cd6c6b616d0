package dev.kafkadirect.internal.stream;

import org.apache.spark.streaming.scheduler.RateController;
import org.apache.spark.streaming.scheduler.rate.RateEstimator;

/**
 * Spark's backpressure for a direct stream: Spark's rate estimator updates the rate after every batch,
 * and the stream reads it ({@link #getLatestRate()}) when it plans the next batch. Nothing is pushed
 * anywhere, so {@link #publish(long)} does nothing.
 */
final class DirectRateController extends RateController {
    private static final long serialVersionUID = 1L;

    DirectRateController(int streamId, RateEstimator estimator) {
        super(streamId, estimator);
    }

    @Override
    public void publish(long rate) {
        // The stream pulls the latest rate when it plans a batch.
    }
}
