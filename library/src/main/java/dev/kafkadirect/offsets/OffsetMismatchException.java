package dev.kafkadirect.offsets;

import org.apache.kafka.common.TopicPartition;

/**
 * A batch's range does not continue where the store says its partition is: the range was applied before
 * (the stored offset is past its start) or offsets before it were never applied (the stored offset is
 * before its start). The transaction that tried to commit it must be, and by the helpers of this package
 * is, rolled back.
 */
public final class OffsetMismatchException extends OffsetStoreException {
    private static final long serialVersionUID = 1L;

    private final TopicPartition topicPartition;
    private final long storedOffset;
    private final long fromOffset;

    /**
     * @param message the whole explanation, naming the store, the partition and both offsets
     * @param topicPartition the partition at fault
     * @param storedOffset the offset the store holds for it
     * @param fromOffset where the batch's range starts
     */
    public OffsetMismatchException(String message, TopicPartition topicPartition, long storedOffset, long fromOffset) {
        super(message, null);
        this.topicPartition = topicPartition;
        this.storedOffset = storedOffset;
        this.fromOffset = fromOffset;
    }

    /** @return the partition whose range did not match */
    public TopicPartition topicPartition() {
        return topicPartition;
    }

    /** @return the offset the store holds for the partition */
    public long storedOffset() {
        return storedOffset;
    }

    /** @return where the batch's range starts */
    public long fromOffset() {
        return fromOffset;
    }
}
