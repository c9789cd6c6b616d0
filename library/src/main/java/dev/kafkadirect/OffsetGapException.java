package dev.kafkadirect;

import org.apache.kafka.common.TopicPartition;

/**
 * Offsets of a range hold no records (compaction, transaction markers, aborted records) while
 * {@code spark.streaming.kafka.allowNonConsecutiveOffsets} is false; set it to true to read such topics.
 */
public class OffsetGapException extends KafkaDirectException {
    private static final long serialVersionUID = 1L;

    private final TopicPartition topicPartition;
    private final long firstMissingOffset;
    private final long nextPresentOffset;

    /**
     * @param message the explanation
     * @param topicPartition the partition being read
     * @param firstMissingOffset the first offset without a record
     * @param nextPresentOffset the offset after the gap
     */
    public OffsetGapException(String message, TopicPartition topicPartition, long firstMissingOffset,
                              long nextPresentOffset) {
        super(message, null);
        this.topicPartition = topicPartition;
        this.firstMissingOffset = firstMissingOffset;
        this.nextPresentOffset = nextPresentOffset;
    }

    /** @return the partition being read */
    public TopicPartition topicPartition() {
        return topicPartition;
    }

    /** @return the first offset without a record */
    public long firstMissingOffset() {
        return firstMissingOffset;
    }

    /** @return the offset after the gap (a record, or the range's end) */
    public long nextPresentOffset() {
        return nextPresentOffset;
    }
}
