package dev.kafkadirect.internal.metrics;

import dev.kafkadirect.metrics.BatchMetricsListener;
import org.apache.spark.streaming.scheduler.StreamInputInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import scala.collection.JavaConverters;

/** Turns Spark's batch-completed events into {@link BatchMetricsListener} calls, one per Kafka direct stream. */
public final class MetricsListenerAdapter implements StreamingListener {
    private final BatchMetricsListener listener;

    public MetricsListenerAdapter(BatchMetricsListener listener) {
        this.listener = listener;
    }

    @Override
    public void onBatchCompleted(StreamingListenerBatchCompleted batchCompleted) {
        for (StreamInputInfo info : JavaConverters.asJavaIterable(batchCompleted.batchInfo().streamIdToInputInfo().values())) {
            Object report = info.metadata().get(BatchReport.METADATA_KEY).getOrElse(() -> null);
            if (report instanceof BatchReport) {
                listener.onBatchCompleted(((BatchReport) report).metrics());
            }
        }
    }
}
