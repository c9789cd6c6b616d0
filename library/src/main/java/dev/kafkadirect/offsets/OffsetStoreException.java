package dev.kafkadirect.offsets;

/** An offset store could not be read or written; the message names the store and the stream. */
public class OffsetStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the store and the stream
     * @param cause the underlying error, or null
     */
    public OffsetStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
