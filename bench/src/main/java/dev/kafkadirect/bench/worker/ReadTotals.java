package dev.kafkadirect.bench.worker;

import java.io.Serializable;

/** Records read and the sum of their value sizes: what every read workload computes, and checks. */
final class ReadTotals implements Serializable {
    private static final long serialVersionUID = 1L;

    final long records;
    final long valueBytes;

    ReadTotals(long records, long valueBytes) {
        this.records = records;
        this.valueBytes = valueBytes;
    }

    ReadTotals plus(ReadTotals other) {
        return new ReadTotals(records + other.records, valueBytes + other.valueBytes);
    }

    /**
     * @throws IllegalStateException when a contender read other than the expected number of records, or
     *                               values whose sizes do not add up to what the topic holds
     */
    ReadTotals require(long expectedRecords, long expectedValueBytes) {
        if (records != expectedRecords || valueBytes != expectedValueBytes) {
            throw new IllegalStateException("read " + records + " records with " + valueBytes + " value bytes but the"
                    + " topic holds " + expectedRecords + " records with " + expectedValueBytes + " value bytes");
        }
        return this;
    }
}
