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
    private final BatchMetrics none;
    /** The latest planned batch; its metrics are worked out when a sink reads them, not on the planning path. */
    private volatile BatchReport latest;

    public StreamMetricsSource(int streamId) {
        this.name = "kafka-direct.stream-" + streamId;
        this.none = new BatchMetrics(streamId, 0, Collections.emptyList(), 0, 0, 0);
        registry.register("maxLag", (Gauge<Long>) () -> planned().maxLag());
        registry.register("averageLag", (Gauge<Double>) () -> planned().averageLag());
        registry.register("totalLag", (Gauge<Long>) () -> planned().totalLag());
        registry.register("records", (Gauge<Long>) () -> planned().plannedRecords());
    }

    /** @param planned the batch just planned (lag and planned records are what the gauges show) */
    public void update(BatchReport planned) {
        latest = planned;
    }

    private BatchMetrics planned() {
        BatchReport report = latest;
        return report == null ? none : report.metrics();
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
