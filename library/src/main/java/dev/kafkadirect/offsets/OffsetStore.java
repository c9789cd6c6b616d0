package dev.kafkadirect.offsets;

import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.io.Serializable;
import java.util.Map;

/**
 * Where a stream's offsets live when they are stored with its results: each batch's offset ranges are
 * committed inside the same transaction as the batch's output, so output and offsets change together or
 * not at all (the guide's "your own data store" approach).
 *
 * <p>The rule a store enforces on {@link #commit}: a range is accepted only where the stored offset of its
 * partition equals the range's {@code fromOffset} (or the partition is not stored yet); otherwise the
 * commit fails with an {@link OffsetMismatchException} and the caller rolls the transaction back, so a
 * repeated or skipped range is detected rather than absorbed.
 *
 * <p>Implementations are serializable so that executors can use them inside {@code foreachPartition}.
 *
 * @param <T> the handle of the caller's transaction, e.g. a JDBC {@code Connection}
 */
public interface OffsetStore<T> extends Serializable {
    /**
     * @param streamId the name under which a stream's offsets are stored (one store can hold many streams)
     * @return the stored offset of every partition of the stream: where its next batch starts
     */
    Map<TopicPartition, Long> load(String streamId);

    /**
     * Records that the given ranges have been applied, inside the caller's transaction: each partition's
     * stored offset becomes the range's {@code untilOffset}. It does not commit the transaction.
     *
     * @param transaction the caller's open transaction
     * @param streamId the stream's name in the store
     * @param ranges the ranges the transaction applied
     * @throws OffsetMismatchException when a partition's stored offset is not the range's {@code fromOffset};
     *         the caller must roll the transaction back
     */
    void commit(T transaction, String streamId, OffsetRange... ranges);
}
