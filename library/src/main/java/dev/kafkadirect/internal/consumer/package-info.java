/**
 * Executor-side Kafka consumers: the adjusted kafkaParams, reading one offset range, and settings.
 * Not API.
 */
package dev.kafkadirect.internal.consumer;
