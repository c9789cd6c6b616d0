package dev.kafkadirect.sink;

import java.io.Serializable;

/**
 * What one write of an RDD did, counted from the tasks that succeeded. Immutable.
 */
public final class SinkReport implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long recordsWritten;
    private final int rangesCommitted;
    private final int rangesAlreadyCommitted;

    /**
     * @param recordsWritten output records sent (and, for the exactly-once sink, committed)
     * @param rangesCommitted input ranges whose transaction committed
     * @param rangesAlreadyCommitted input ranges skipped because the group had committed them already
     */
    public SinkReport(long recordsWritten, int rangesCommitted, int rangesAlreadyCommitted) {
        this.recordsWritten = recordsWritten;
        this.rangesCommitted = rangesCommitted;
        this.rangesAlreadyCommitted = rangesAlreadyCommitted;
    }

    /** @return output records written */
    public long recordsWritten() {
        return recordsWritten;
    }

    /** @return input ranges committed with their output (0 for the at-least-once sink) */
    public int rangesCommitted() {
        return rangesCommitted;
    }

    /** @return input ranges found committed already (a batch run again) and not written again */
    public int rangesAlreadyCommitted() {
        return rangesAlreadyCommitted;
    }

    /** @return the sum of both reports */
    public SinkReport plus(SinkReport other) {
        return new SinkReport(recordsWritten + other.recordsWritten, rangesCommitted + other.rangesCommitted,
                rangesAlreadyCommitted + other.rangesAlreadyCommitted);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SinkReport)) {
            return false;
        }
        SinkReport that = (SinkReport) other;
        return recordsWritten == that.recordsWritten && rangesCommitted == that.rangesCommitted
                && rangesAlreadyCommitted == that.rangesAlreadyCommitted;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(recordsWritten) * 31 * 31 + rangesCommitted * 31 + rangesAlreadyCommitted;
    }

    @Override
    public String toString() {
        return "SinkReport(recordsWritten=" + recordsWritten + ", rangesCommitted=" + rangesCommitted
                + ", rangesAlreadyCommitted=" + rangesAlreadyCommitted + ")";
    }
}
