package dev.kafkadirect.internal.stream;

import dev.kafkadirect.internal.metrics.StreamMetricsSource;
import org.apache.spark.SparkEnv;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * What a direct stream runs between start and stop, made together and closed together: the driver's consumer,
 * the thread that polls it for its group between batches, and the stream's source in Spark's metrics system.
 */
final class RunningParts<K, V> {
    private final DriverConsumer<K, V> driver;
    private final ExecutorService groupPoller;
    private final StreamMetricsSource metrics;

    private RunningParts(DriverConsumer<K, V> driver, ExecutorService groupPoller, StreamMetricsSource metrics) {
        this.driver = driver;
        this.groupPoller = groupPoller;
        this.metrics = metrics;
    }

    /**
     * @param streamId the stream, for the thread's name and the metrics source
     * @param driverConsumer starts the driver's consumer (the consumer strategy's {@code onStart})
     * @return the running parts; when starting the consumer fails, what was made before is released
     */
    static <K, V> RunningParts<K, V> open(int streamId, Supplier<DriverConsumer<K, V>> driverConsumer) {
        ExecutorService groupPoller = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-direct-group-poll-stream-" + streamId);
            thread.setDaemon(true);
            return thread;
        });
        StreamMetricsSource metrics = new StreamMetricsSource(streamId);
        SparkEnv.get().metricsSystem().registerSource(metrics);
        try {
            return new RunningParts<>(driverConsumer.get(), groupPoller, metrics);
        } catch (RuntimeException e) {
            groupPoller.shutdown();
            SparkEnv.get().metricsSystem().removeSource(metrics);
            throw e;
        }
    }

    DriverConsumer<K, V> driver() {
        return driver;
    }

    ExecutorService groupPoller() {
        return groupPoller;
    }

    StreamMetricsSource metrics() {
        return metrics;
    }

    /** Closes the driver's consumer (running the callbacks of commits in flight), the poller and the metrics source. */
    void close() {
        driver.close();
        groupPoller.shutdown();
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            env.metricsSystem().removeSource(metrics);
        }
    }
}
