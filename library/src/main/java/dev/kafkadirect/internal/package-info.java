/**
 * Internals of Kafka Direct. Not API: anything under {@code dev.kafkadirect.internal} may change in
 * any release; use {@code org.apache.spark.streaming.kafka010} and the documented {@code dev.kafkadirect}
 * packages.
 */
package dev.kafkadirect.internal;
