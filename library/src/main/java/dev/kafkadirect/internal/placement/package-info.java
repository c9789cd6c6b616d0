/**
 * Placing Kafka partitions on executors (the location strategies' logic).
 * Not API.
 */
package dev.kafkadirect.internal.placement;
