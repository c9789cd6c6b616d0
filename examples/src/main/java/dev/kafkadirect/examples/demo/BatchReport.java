package dev.kafkadirect.examples.demo;

import org.apache.spark.streaming.kafka010.OffsetRange;

import java.util.List;

/**
 * What one batch of the word count read: its number, the offset ranges, the records counted and the
 * lag left behind (latest offsets minus where the batch ended).
 */
public final class BatchReport {
    private final int batchNumber;
    private final List<OffsetRange> offsetRanges;
    private final long records;
    private final long lag;

    BatchReport(int batchNumber, List<OffsetRange> offsetRanges, long records, long lag) {
        this.batchNumber = batchNumber;
        this.offsetRanges = List.copyOf(offsetRanges);
        this.records = records;
        this.lag = lag;
    }

    public int batchNumber() {
        return batchNumber;
    }

    public List<OffsetRange> offsetRanges() {
        return offsetRanges;
    }

    public long records() {
        return records;
    }

    public long lag() {
        return lag;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format("batch %3d: %,9d records, lag %,9d, offsets", batchNumber, records, lag));
        for (OffsetRange range : offsetRanges) {
            text.append(String.format(" %d:[%d,%d)", range.partition(), range.fromOffset(), range.untilOffset()));
        }
        return text.toString();
    }
}
