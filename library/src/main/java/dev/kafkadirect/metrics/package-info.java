/**
 * Per-batch visibility for direct streams: lag, records and bytes per Kafka partition, delivered to
 * {@link dev.kafkadirect.metrics.BatchMetricsListener}s registered with {@link dev.kafkadirect.metrics.KafkaStreamMetrics}.
 * The same numbers feed a Spark metrics source per stream and the Streaming UI's batch descriptions.
 */
package dev.kafkadirect.metrics;
