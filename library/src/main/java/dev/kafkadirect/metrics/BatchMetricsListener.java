package dev.kafkadirect.metrics;

import java.util.EventListener;

/**
 * Told about each completed batch of every Kafka direct stream of a streaming context. Called on Spark's
 * streaming listener thread, one batch at a time: return quickly. See {@link KafkaStreamMetrics}.
 */
@FunctionalInterface
public interface BatchMetricsListener extends EventListener {
    /** @param metrics the batch's lag, records and bytes */
    void onBatchCompleted(BatchMetrics metrics);
}
