/**
 * Internals of the test kit: broker child processes, their configuration, ports and logs.
 * Not API: anything here may change without notice; use {@link dev.kafkadirect.testkit.KafkaCluster}.
 */
package dev.kafkadirect.testkit.internal;
