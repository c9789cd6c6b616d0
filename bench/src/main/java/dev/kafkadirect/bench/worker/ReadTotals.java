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

    /** @throws IllegalStateException when a contender read other than the expected number of records */
    ReadTotals requireRecords(long expected) {
        if (records != expected) {
            throw new IllegalStateException("read " + records + " records but the topic holds " + expected);
        }
        return this;
    }
}
