package dev.kafkadirect.internal.metrics;

import org.apache.spark.util.AccumulatorV2;

/** Gathers the {@link PartitionRead}s of an RDD's successful tasks on the driver. */
public final class ReadAccumulator extends AccumulatorV2<PartitionRead, ReadTotals> {
    private static final long serialVersionUID = 1L;

    private ReadTotals totals = new ReadTotals();

    @Override
    public boolean isZero() {
        return totals.isEmpty();
    }

    @Override
    public AccumulatorV2<PartitionRead, ReadTotals> copy() {
        ReadAccumulator copy = new ReadAccumulator();
        copy.totals = totals.copy();
        return copy;
    }

    @Override
    public void reset() {
        totals = new ReadTotals();
    }

    @Override
    public void add(PartitionRead read) {
        totals.add(read);
    }

    @Override
    public void merge(AccumulatorV2<PartitionRead, ReadTotals> other) {
        totals.addAll(other.value());
    }

    @Override
    public ReadTotals value() {
        return totals;
    }
}
