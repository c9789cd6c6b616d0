package org.apache.spark.streaming.kafka010;

/**
 * Implemented by the RDDs that {@link KafkaUtils#createRDD} and each batch of
 * {@code KafkaUtils.createDirectStream} produce: partition {@code i} of the RDD reads
 * {@code offsetRanges()[i]}.
 *
 * <pre>{@code
 * OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
 * }</pre>
 *
 * <p>The cast only works on the RDD itself, before any transformation.
 */
public interface HasOffsetRanges {
    /** @return the offset range read by each partition, by partition index */
    OffsetRange[] offsetRanges();
}
