/**
 * The direct stream: planning each batch on the driver (offsets, rate limits, new partitions), commits,
 * checkpoint data and batch reporting. Not API.
 */
package dev.kafkadirect.internal.stream;
