package org.apache.spark.streaming.kafka010;

import org.apache.kafka.clients.consumer.OffsetCommitCallback;

/**
 * Implemented by the stream {@link KafkaUtils#createDirectStream} returns: commit offset ranges to
 * Kafka (the stream's {@code group.id}) after your outputs are stored.
 *
 * <pre>{@code
 * stream.foreachRDD(rdd -> {
 *   OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
 *   // some time later, after outputs have completed
 *   ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
 * });
 * }</pre>
 *
 * <p>Thread-safe. Requests are queued and committed by the driver's consumer at the start of the next
 * batch, and before the consumer closes when the stream stops; for each partition the largest
 * {@code untilOffset} requested wins. The cast only works on the stream itself, not after
 * transformations.
 */
public interface CanCommitOffsets {
    /**
     * Queues the ranges' end offsets for commit.
     *
     * @param offsetRanges the ranges whose outputs are stored
     */
    void commitAsync(OffsetRange[] offsetRanges);

    /**
     * Queues the ranges' end offsets for commit and calls {@code callback} when Kafka answers this request.
     *
     * @param offsetRanges the ranges whose outputs are stored
     * @param callback told the offsets committed for this request, or the error
     */
    void commitAsync(OffsetRange[] offsetRanges, OffsetCommitCallback callback);
}
