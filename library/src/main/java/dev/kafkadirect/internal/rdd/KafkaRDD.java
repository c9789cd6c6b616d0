package dev.kafkadirect.internal.rdd;

import dev.kafkadirect.internal.consumer.RangeReader;
import dev.kafkadirect.internal.consumer.ReadSettings;
import dev.kafkadirect.internal.placement.ExecutorLocation;
import dev.kafkadirect.internal.placement.PlacementPolicy;
import dev.kafkadirect.internal.scala.ScalaInterop;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.Partition;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.util.TaskCompletionListener;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An RDD whose partition {@code i} holds the records of offset range {@code i}, read on executors with
 * the executor kafkaParams. Records are Kafka's {@link ConsumerRecord}s, which are not serializable:
 * map them to your own values before shuffling, collecting or persisting.
 */
public final class KafkaRDD<K, V> extends RDD<ConsumerRecord<K, V>> implements HasOffsetRanges {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, Object> executorKafkaParams;
    private final OffsetRange[] offsetRanges;
    private final KafkaRDDPartition[] partitions;
    private final ReadSettings readSettings;

    /**
     * @param sparkContext the application
     * @param executorKafkaParams kafkaParams already adjusted for executors
     * @param offsetRanges the ranges, one per RDD partition
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
        this.offsetRanges = offsetRanges.clone();
        this.readSettings = readSettings;
        this.partitions = new KafkaRDDPartition[offsetRanges.length];
        for (int i = 0; i < offsetRanges.length; i++) {
            partitions[i] = new KafkaRDDPartition(i, offsetRanges[i],
                    placement.locate(offsetRanges[i].topicPartition(), executors, leaderHosts));
        }
    }

    @Override
    public OffsetRange[] offsetRanges() {
        return offsetRanges.clone();
    }

    @Override
    public Partition[] getPartitions() {
        return partitions.clone();
    }

    @Override
    public scala.collection.Seq<String> getPreferredLocations(Partition split) {
        return ((KafkaRDDPartition) split).preferredLocation()
                .map(location -> ScalaInterop.toScalaSeq(Collections.singletonList(location)))
                .orElse(ScalaInterop.emptySeq());
    }

    @Override
    public scala.collection.Iterator<ConsumerRecord<K, V>> compute(Partition split, TaskContext context) {
        OffsetRange range = ((KafkaRDDPartition) split).offsetRange();
        if (range.count() == 0) {
            return ScalaInterop.toScalaIterator(Collections.emptyIterator());
        }
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(executorKafkaParams);
        context.addTaskCompletionListener((TaskCompletionListener) completed -> consumer.close());
        consumer.assign(Collections.singletonList(range.topicPartition()));
        return ScalaInterop.toScalaIterator(new RangeReader<>(consumer, range, readSettings));
    }
}
