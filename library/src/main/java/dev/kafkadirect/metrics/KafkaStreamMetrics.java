package dev.kafkadirect.metrics;

import dev.kafkadirect.internal.metrics.MetricsListenerAdapter;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

import java.util.Objects;

/**
 * Where direct streams report lag, records and bytes per batch and per partition.
 *
 * <ul>
 *   <li>A listener: {@link #addListener} on the streaming context (also after recovery from a checkpoint,
 *       where the streams are restored rather than created again).</li>
 *   <li>A Spark metrics source per stream, {@code kafka-direct.stream-<id>}, with gauges {@code maxLag},
 *       {@code averageLag}, {@code totalLag} and {@code records} of the latest planned batch, reported by
 *       whatever sinks {@code metrics.properties} configures.</li>
 *   <li>The Streaming UI: each batch's input description lists lag per partition.</li>
 *   <li>The driver log: one INFO line per batch (records, max lag and its partition), and a WARN when total lag
 *       has grown for {@code dev.kafkadirect.lagWarningBatches} consecutive batches (5 by default; 0 for never).</li>
 * </ul>
 *
 * <pre>{@code
 * KafkaStreamMetrics.addListener(jssc, metrics ->
 *     log.info("batch {}: max lag {} at {}", metrics.batchTimeMillis(), metrics.maxLag(), metrics.maxLagPartition()));
 * }</pre>
 */
public final class KafkaStreamMetrics {
    private KafkaStreamMetrics() {
    }

    /**
     * @param ssc the streaming context whose Kafka direct streams should report
     * @param listener told after each completed batch of each of them
     */
    public static void addListener(StreamingContext ssc, BatchMetricsListener listener) {
        ssc.addStreamingListener(new MetricsListenerAdapter(Objects.requireNonNull(listener, "listener")));
    }

    /**
     * @param jssc the streaming context whose Kafka direct streams should report
     * @param listener told after each completed batch of each of them
     */
    public static void addListener(JavaStreamingContext jssc, BatchMetricsListener listener) {
        addListener(jssc.ssc(), listener);
    }
}
