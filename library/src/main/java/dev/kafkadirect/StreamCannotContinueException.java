package dev.kafkadirect;

/**
 * A direct stream cannot go on without losing or inventing records: its partitions were deleted or taken by
 * another consumer of its group, or the log no longer holds where it stands. Spark Streaming keeps generating
 * batches after a failed one, so the stream fails every later batch at once with this same error; stop the
 * application and restart it from offsets that exist.
 */
public class StreamCannotContinueException extends KafkaDirectException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened and how to restart */
    public StreamCannotContinueException(String message) {
        super(message, null);
    }
}
