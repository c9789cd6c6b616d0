package dev.kafkadirect.internal.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;

/**
 * Counts consecutive batches whose total lag grew, and warns each time the count reaches a multiple of
 * the configured number of batches: the stream reads slower than its topics are written.
 */
public final class LagWatch implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LagWatch.class);

    private final int warnAfterBatches;
    private long previousTotalLag = -1;
    private int streak;

    /** @param warnAfterBatches after how many growing batches to warn; 0 for never */
    public LagWatch(int warnAfterBatches) {
        this.warnAfterBatches = warnAfterBatches;
    }

    /**
     * @param streamId the stream, for the warning
     * @param totalLag the new batch's total lag
     * @return for how many consecutive batches, this one included, total lag has grown
     */
    public int observe(int streamId, long totalLag) {
        streak = previousTotalLag >= 0 && totalLag > previousTotalLag ? streak + 1 : 0;
        previousTotalLag = totalLag;
        if (warnAfterBatches > 0 && streak > 0 && streak % warnAfterBatches == 0) {
            LOG.warn("Direct stream {} falls behind: total lag has grown for {} consecutive batches, to {} offsets."
                    + " Raise spark.streaming.kafka.maxRatePerPartition (if set), add executors or cores, or split"
                    + " hot partitions with dev.kafkadirect.maxRecordsPerPartition.", streamId, streak, totalLag);
        }
        return streak;
    }
}
