package dev.kafkadirect.internal.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.kafkadirect.metrics.BatchMetrics;
import org.apache.spark.metrics.source.Source;

import java.util.Collections;

/**
 * A Spark metrics source for one direct stream, {@code kafka-direct.stream-<id>}: gauges of the latest
 * planned batch's lag and records. Updated by the stream's planning thread; read by metrics sinks.
 */
public final class StreamMetricsSource implements Source {
    private final String name;
    private final MetricRegistry registry = new MetricRegistry();
    private volatile BatchMetrics latest;

    public StreamMetricsSource(int streamId) {
        this.name = "kafka-direct.stream-" + streamId;
        this.latest = new BatchMetrics(streamId, 0, Collections.emptyList(), 0, 0, 0);
        registry.register("maxLag", (Gauge<Long>) () -> latest.maxLag());
        registry.register("averageLag", (Gauge<Double>) () -> latest.averageLag());
        registry.register("totalLag", (Gauge<Long>) () -> latest.totalLag());
        registry.register("records", (Gauge<Long>) () -> latest.plannedRecords());
    }

    /** @param planned the batch just planned (lag and planned records are what the gauges show) */
    public void update(BatchMetrics planned) {
        latest = planned;
    }

    @Override
    public String sourceName() {
        return name;
    }

    @Override
    public MetricRegistry metricRegistry() {
        return registry;
    }
}
