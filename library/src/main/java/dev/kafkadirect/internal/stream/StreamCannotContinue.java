package dev.kafkadirect.internal.stream;

/**
 * An error after which a direct stream cannot go on without losing or inventing records (its partitions were
 * deleted or taken by another consumer, or the log no longer holds where it stands). Spark Streaming keeps
 * generating batches after a failed one, so the stream fails every later batch at once with this same error
 * instead of trying again; the application stops and restarts from offsets that exist.
 */
final class StreamCannotContinue extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    StreamCannotContinue(String message) {
        super(message);
    }
}
