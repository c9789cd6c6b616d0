/**
 * Reading by time: streams that start at a timestamp ({@link dev.kafkadirect.time.TimestampStrategies}) and
 * offset ranges between two timestamps for {@code createRDD} ({@link dev.kafkadirect.time.TimestampRanges}),
 * from Kafka's time index ({@code offsetsForTimes}).
 */
package dev.kafkadirect.time;
