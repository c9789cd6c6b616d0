/**
 * Kafka Direct's own public API beside Apache's package names: the errors a job may want to catch (each
 * extends {@link dev.kafkadirect.KafkaDirectException}, an {@link java.lang.IllegalStateException} as the
 * errors of Apache's module are), offset stores ({@code dev.kafkadirect.offsets}), the transactional sink
 * ({@code dev.kafkadirect.sink}), metrics ({@code dev.kafkadirect.metrics}), reading by time
 * ({@code dev.kafkadirect.time}) and bounded reads ({@code dev.kafkadirect.bounded}).
 */
package dev.kafkadirect;
