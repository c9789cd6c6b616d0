package dev.kafkadirect;

import org.apache.kafka.common.TopicPartition;

/**
 * Offsets a range needed are no longer in the partition: retention or deletion removed them before they were
 * read (set {@code dev.kafkadirect.failOnDataLoss=false} to skip them and go on), or the range lies past the
 * partition's end (the topic was deleted and created again).
 */
public class DataLossException extends KafkaDirectException {
    private static final long serialVersionUID = 1L;

    private final TopicPartition topicPartition;
    private final long offset;
    private final long earliestOffset;

    /**
     * @param message the explanation
     * @param topicPartition the partition being read
     * @param offset the first offset that could not be read
     * @param earliestOffset the partition's earliest offset when it was found missing
     * @param cause Kafka's out-of-range error
     */
    public DataLossException(String message, TopicPartition topicPartition, long offset, long earliestOffset,
                             Throwable cause) {
        super(message, cause);
        this.topicPartition = topicPartition;
        this.offset = offset;
        this.earliestOffset = earliestOffset;
    }

    /** @return the partition being read */
    public TopicPartition topicPartition() {
        return topicPartition;
    }

    /** @return the first offset that could not be read */
    public long offset() {
        return offset;
    }

    /** @return the partition's earliest offset when the loss was found */
    public long earliestOffset() {
        return earliestOffset;
    }
}
