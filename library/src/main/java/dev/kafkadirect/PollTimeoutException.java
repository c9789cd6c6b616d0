package dev.kafkadirect;

import org.apache.kafka.common.TopicPartition;

/**
 * An executor's read saw no progress for {@code spark.streaming.kafka.consumer.poll.ms}: the broker returned
 * nothing for the partition at the offset in time (unreachable, overloaded, or the offset does not exist).
 */
public class PollTimeoutException extends KafkaDirectException {
    private static final long serialVersionUID = 1L;

    private final TopicPartition topicPartition;
    private final long offset;

    /**
     * @param message the explanation
     * @param topicPartition the partition being read
     * @param offset the offset the read waited for
     */
    public PollTimeoutException(String message, TopicPartition topicPartition, long offset) {
        super(message, null);
        this.topicPartition = topicPartition;
        this.offset = offset;
    }

    /** @return the partition being read */
    public TopicPartition topicPartition() {
        return topicPartition;
    }

    /** @return the offset the read waited for */
    public long offset() {
        return offset;
    }
}
