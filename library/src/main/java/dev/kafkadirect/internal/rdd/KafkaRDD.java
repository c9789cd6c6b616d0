package dev.kafkadirect.internal.rdd;

import dev.kafkadirect.internal.security.SecurityErrors;
import dev.kafkadirect.internal.consumer.CacheKey;
import dev.kafkadirect.internal.consumer.ConsumerCache;
import dev.kafkadirect.internal.consumer.ConsumerLease;
import dev.kafkadirect.internal.consumer.RangeReader;
import dev.kafkadirect.internal.consumer.ReadSettings;
import dev.kafkadirect.internal.metrics.PartitionRead;
import dev.kafkadirect.internal.metrics.ReadAccumulator;
import dev.kafkadirect.internal.metrics.ReadTotals;
import dev.kafkadirect.internal.placement.ExecutorLocation;
import dev.kafkadirect.internal.placement.PlacementPolicy;
import dev.kafkadirect.internal.scala.ScalaInterop;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.Partition;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;
import org.apache.spark.util.TaskFailureListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RDD whose partition {@code i} holds the records of offset range {@code i} (after large ranges were
 * split, when splitting is on: sub-ranges of one Kafka partition are consecutive), read on executors with
 * the executor kafkaParams through the executor's {@link ConsumerCache}. {@code count}, {@code isEmpty}
 * and {@code take} are answered from the ranges when every offset holds a record (no gaps allowed, no
 * lost records skipped), and by reading otherwise. Records are Kafka's {@link ConsumerRecord}s, which are not serializable:
 * map them to your own values before shuffling, collecting or persisting.
 */
public final class KafkaRDD<K, V> extends RDD<ConsumerRecord<K, V>> implements HasOffsetRanges {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, Object> executorKafkaParams;
    private final PackedOffsetRanges offsetRanges;
    /** Driver only: tasks carry their own partition, and every task deserializes the whole RDD. */
    private final transient KafkaRDDPartition[] partitions;
    private final ReadSettings readSettings;
    /** Offsets skipped as lost, shown in the UI; null unless dev.kafkadirect.failOnDataLoss=false. */
    private final LongAccumulator lostOffsets;
    /** What successful tasks read, per Kafka partition, and where their consumers came from. */
    private final ReadAccumulator reads;

    /**
     * @param sparkContext the application
     * @param executorKafkaParams kafkaParams already adjusted for executors
     * @param offsetRanges the ranges, one per RDD partition unless the read settings split large ones
     * @param placement where each range prefers to run
     * @param executors the executors to place ranges on
     * @param leaderHosts leader host per partition (for broker placement; empty otherwise)
     * @param readSettings poll timeout and gap policy
     */
    public KafkaRDD(SparkContext sparkContext, Map<String, Object> executorKafkaParams, OffsetRange[] offsetRanges,
                    PlacementPolicy placement, List<ExecutorLocation> executors,
                    Map<TopicPartition, String> leaderHosts, ReadSettings readSettings) {
        super(sparkContext, ScalaInterop.emptySeq(), ScalaInterop.classTag(ConsumerRecord.class));
        this.executorKafkaParams = new HashMap<>(executorKafkaParams);
        OffsetRange[] ranges = readSettings.split().apply(offsetRanges.clone());
        this.offsetRanges = new PackedOffsetRanges(ranges);
        this.readSettings = readSettings;
        this.partitions = new KafkaRDDPartition[ranges.length];
        List<Optional<String>> locations = placement.locateAll(ranges, executors, leaderHosts);
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new KafkaRDDPartition(i, ranges[i], locations.get(i), readOnByAnother(ranges, i));
        }
        this.lostOffsets = readSettings.failOnDataLoss() ? null
                : sparkContext.longAccumulator("kafka-direct offsets lost (" + ReadSettings.FAIL_ON_DATA_LOSS + "=false)");
        this.reads = new ReadAccumulator();
        sparkContext.register(reads, "kafka-direct reads");
    }

    /** An RDD reading the given sub-ranges with the same settings, each where its partition prefers. */
    private KafkaRDD(KafkaRDD<K, V> parent, OffsetRange[] subRanges) {
        super(parent.sparkContext(), ScalaInterop.emptySeq(), ScalaInterop.classTag(ConsumerRecord.class));
        this.executorKafkaParams = parent.executorKafkaParams;
        this.offsetRanges = new PackedOffsetRanges(subRanges);
        this.readSettings = parent.readSettings;
        this.lostOffsets = parent.lostOffsets;
        this.reads = parent.reads;
        this.partitions = new KafkaRDDPartition[subRanges.length];
        for (int i = 0; i < subRanges.length; i++) {
            partitions[i] = new KafkaRDDPartition(i, subRanges[i], parent.locationOf(subRanges[i]),
                    readOnByAnother(subRanges, i));
        }
    }

    /** @return whether the range after {@code ranges[i]} continues it, in the same Kafka partition */
    private static boolean readOnByAnother(OffsetRange[] ranges, int i) {
        return i + 1 < ranges.length && ranges[i + 1].topicPartition().equals(ranges[i].topicPartition())
                && ranges[i + 1].fromOffset() == ranges[i].untilOffset();
    }

    private Optional<String> locationOf(OffsetRange subRange) {
        for (KafkaRDDPartition partition : partitions) {
            if (partition.offsetRange().topicPartition().equals(subRange.topicPartition())) {
                return partition.preferredLocation();
            }
        }
        return Optional.empty();
    }

    @Override
    public OffsetRange[] offsetRanges() {
        return offsetRanges.ranges().clone();
    }

    /** @return what this RDD's successful tasks read so far (complete once a job over it finished) */
    public ReadTotals readTotals() {
        return reads.value().copy();
    }

    /** @return the accumulator this RDD's tasks report their reads to */
    public ReadAccumulator readAccumulator() {
        return reads;
    }

    @Override
    public Partition[] getPartitions() {
        if (partitions == null) {
            // A copy deserialized on an executor: preferred locations only matter to the driver's scheduler.
            OffsetRange[] ranges = offsetRanges.ranges();
            Partition[] withoutLocations = new Partition[ranges.length];
            for (int i = 0; i < ranges.length; i++) {
                withoutLocations[i] = new KafkaRDDPartition(i, ranges[i], Optional.empty(), readOnByAnother(ranges, i));
            }
            return withoutLocations;
        }
        return partitions.clone();
    }

    /** Declared as an immutable Seq: a covariant override on Scala 2.12, the exact type on 2.13. */
    @Override
    public scala.collection.immutable.Seq<String> getPreferredLocations(Partition split) {
        return ((KafkaRDDPartition) split).preferredLocation()
                .map(location -> ScalaInterop.toScalaSeq(Collections.singletonList(location)))
                .orElse(ScalaInterop.emptySeq());
    }

    @Override
    public scala.collection.Iterator<ConsumerRecord<K, V>> compute(Partition split, TaskContext context) {
        KafkaRDDPartition partition = (KafkaRDDPartition) split;
        OffsetRange range = partition.offsetRange();
        if (range.count() == 0) {
            return ScalaInterop.toScalaIterator(Collections.emptyIterator());
        }
        ConsumerLease<K, V> lease;
        try {
            Map<String, Object> consumerParams = readSettings.clientRack().applyTo(executorKafkaParams);
            CacheKey key = new CacheKey(consumerParams, range.topicPartition());
            lease = ConsumerCache.instance().acquire(key, consumerParams, readSettings.cache(),
                    context.attemptNumber() > 0, range.fromOffset());
        } catch (RuntimeException e) {
            // A consumer that cannot log in (e.g. Kerberos) fails here, when it is made.
            throw SecurityErrors.explain(e, executorKafkaParams);
        }
        RangeReader<K, V> reader;
        try {
            reader = new RangeReader<>(lease.consumer(), range, readSettings,
                    lease.carriedOverFor(range.fromOffset()), this::reportLostOffsets);
        } catch (RuntimeException e) {
            lease.invalidate();
            throw e;
        }
        context.addTaskFailureListener((TaskFailureListener) (failed, error) -> lease.invalidate());
        context.addTaskCompletionListener((TaskCompletionListener) completed -> {
            // Spark keeps accumulator updates of successful tasks only.
            reads.add(new PartitionRead(range.topicPartition(), reader.recordsReturned(), reader.bytesReturned(),
                    lease.origin()));
            lease.release(reader, partition.readOnByAnother());
        });
        return ScalaInterop.toScalaIterator(SecurityErrors.explaining(reader, executorKafkaParams));
    }

    /**
     * Without gaps allowed every offset of a range holds one record (or reading fails), so the count is
     * the ranges' sizes and no record is read.
     */
    @Override
    public long count() {
        if (!readSettings.rangesCountRecords()) {
            return super.count();
        }
        long count = 0;
        for (OffsetRange range : offsetRanges.ranges()) {
            count += range.count();
        }
        return count;
    }

    /**
     * From the ranges when exact; otherwise each task reads until its first record, and no record
     * leaves the executor (ConsumerRecord is not serializable, so {@code take(1)} would fail).
     */
    @Override
    public boolean isEmpty() {
        if (!readSettings.rangesCountRecords()) {
            return !new JavaRDD<ConsumerRecord<K, V>>(this, ScalaInterop.classTag(ConsumerRecord.class))
                    .mapPartitions(records -> Collections.singletonList(records.hasNext()).iterator())
                    .collect().contains(Boolean.TRUE);
        }
        return count() == 0;
    }

    /** Reads only the first {@code num} offsets' records, in partition order, when ranges are exact. */
    @Override
    public Object take(int num) {
        if (!readSettings.rangesCountRecords() || num <= 0) {
            return super.take(num);
        }
        List<OffsetRange> needed = new ArrayList<>();
        long remaining = num;
        for (OffsetRange range : offsetRanges.ranges()) {
            if (remaining == 0) {
                break;
            }
            long taken = Math.min(remaining, range.count());
            if (taken > 0) {
                needed.add(OffsetRange.create(range.topicPartition(), range.fromOffset(), range.fromOffset() + taken));
                remaining -= taken;
            }
        }
        if (needed.isEmpty()) {
            return new ConsumerRecord<?, ?>[0];
        }
        KafkaRDD<K, V> prefix = new KafkaRDD<>(this, needed.toArray(new OffsetRange[0]));
        return prefix.collect();
    }

    private void reportLostOffsets(long skipped) {
        if (lostOffsets != null) {
            lostOffsets.add(skipped);
        }
    }
}
