package dev.kafkadirect.sink;

import dev.kafkadirect.internal.sink.PendingTransactions;
import dev.kafkadirect.internal.sink.ProducerParams;
import dev.kafkadirect.internal.sink.TransactionalPartitionWrite;
import dev.kafkadirect.internal.split.RangeSplit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads from Kafka and writes to Kafka exactly once. Each input partition's range of a batch is
 * transformed and written in one Kafka transaction that also commits the range's end offset to the
 * consumer group ({@code sendOffsetsToTransaction}). A stream reading with that group id therefore starts,
 * after any failure or restart, exactly after the last committed output; consumers of the output that read
 * with {@code isolation.level=read_committed} see every input record's output once.
 *
 * <pre>{@code
 * kafkaParams.put("group.id", "enricher");              // the stream's group: where it restarts from
 * kafkaParams.put("enable.auto.commit", false);
 * JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(jssc,
 *     LocationStrategies.PreferConsistent(), ConsumerStrategies.Subscribe(topics, kafkaParams));
 * TransactionalKafkaSink<String, String> sink =
 *     TransactionalKafkaSink.create(producerParams, "enricher", "enricher-out");
 * sink.writeEachBatch(stream, record ->
 *     Collections.singletonList(new ProducerRecord<>("enriched", record.key(), enrich(record.value()))));
 * }</pre>
 *
 * <p>Rules: do not also call {@code commitAsync} for the group (the transactions commit it); give each
 * application its own transactionalIdPrefix. Transactional ids are {@code <prefix>-<topic>-<partition>} of
 * the input partition, stable across attempts and restarts, so a retried task fences the attempt it
 * replaces and that attempt's transaction is aborted. A range the group has committed already (a batch
 * replayed from a checkpoint, a task run again after it committed) is skipped and counted in the
 * {@link SinkReport}; a range that does not start at the group's committed offset fails with an
 * {@link dev.kafkadirect.offsets.OffsetMismatchException}.
 *
 * <p>Producers are cached per executor, one per transactional id in use, and closed when the JVM exits.
 * The sink is serializable and holds no connection.
 *
 * @param <K> output key type
 * @param <V> output value type
 */
public final class TransactionalKafkaSink<K, V> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]+");

    private final ProducerParams params;
    private final String groupId;
    private final String transactionalIdPrefix;

    private TransactionalKafkaSink(ProducerParams params, String groupId, String transactionalIdPrefix) {
        this.params = params;
        this.groupId = groupId;
        this.transactionalIdPrefix = transactionalIdPrefix;
    }

    /**
     * @param producerParams a Kafka producer configuration (bootstrap.servers, key.serializer,
     *                       value.serializer, security settings) without transactional.id
     * @param groupId the input stream's consumer group, whose offsets the transactions commit
     * @param transactionalIdPrefix unique to this application: letters, digits, '.', '_' and '-'
     * @return a sink
     * @throws IllegalArgumentException naming the setting at fault
     */
    public static <K, V> TransactionalKafkaSink<K, V> create(Map<String, Object> producerParams, String groupId,
                                                             String transactionalIdPrefix) {
        if (groupId == null || groupId.trim().isEmpty()) {
            throw new IllegalArgumentException("The exactly-once sink needs the input's consumer group id (the group"
                    + " its transactions commit offsets to), but it was " + (groupId == null ? "null" : "empty"));
        }
        if (transactionalIdPrefix == null || !PREFIX.matcher(transactionalIdPrefix).matches()) {
            throw new IllegalArgumentException("transactionalIdPrefix must be letters, digits, '.', '_' or '-' and"
                    + " unique to the application, but was '" + transactionalIdPrefix + "'");
        }
        return new TransactionalKafkaSink<>(ProducerParams.of(producerParams), groupId, transactionalIdPrefix);
    }

    /** Sub-ranges of one partition would share its transactional id and fence each other. */
    private static void requireOneRangePerPartition(OffsetRange[] offsetRanges) {
        Set<TopicPartition> seen = new HashSet<>();
        for (OffsetRange range : offsetRanges) {
            if (!seen.add(range.topicPartition())) {
                throw new IllegalArgumentException("The exactly-once sink writes one transaction per Kafka partition, but"
                        + " this RDD splits " + range.topicPartition() + " into several ranges: remove "
                        + RangeSplit.MAX_RECORDS_PER_PARTITION + " and " + RangeSplit.MIN_PARTITIONS
                        + " from the kafkaParams of the stream the sink writes");
            }
        }
    }

    /**
     * Writes the output of a Kafka RDD: the RDD of a direct stream's batch or of {@code createRDD}, untransformed
     * (the records of partition {@code i} must be those of {@code offsetRanges()[i]}).
     *
     * @param kafkaRdd the input
     * @param transform each input record to its output records
     * @return what the tasks that succeeded wrote and skipped
     * @throws IllegalArgumentException when the RDD is not a Kafka RDD
     */
    public <IK, IV> SinkReport write(JavaRDD<ConsumerRecord<IK, IV>> kafkaRdd, RecordTransform<IK, IV, K, V> transform) {
        if (!(kafkaRdd.rdd() instanceof HasOffsetRanges)) {
            throw new IllegalArgumentException("The exactly-once sink writes the RDD of a Kafka stream's batch or of"
                    + " KafkaUtils.createRDD itself, before any transformation (put the transformation in the"
                    + " RecordTransform), but got " + kafkaRdd.rdd().getClass().getName());
        }
        OffsetRange[] offsetRanges = ((HasOffsetRanges) kafkaRdd.rdd()).offsetRanges();
        requireOneRangePerPartition(offsetRanges);
        TransactionalPartitionWrite<IK, IV, K, V> partitionWrite =
                new TransactionalPartitionWrite<>(params, groupId, transactionalIdPrefix, transform);
        return kafkaRdd.mapPartitions(records -> {
            OffsetRange range = offsetRanges[TaskContext.get().partitionId()];
            return Collections.singletonList(partitionWrite.write(range, records)).iterator();
        }).fold(new SinkReport(0, 0, 0), SinkReport::plus);
    }

    /**
     * Aborts the transactions that a killed earlier run of the application left open under this sink's
     * transactional ids. Call it on the driver before starting a stream whose group this sink commits to:
     * until they end, the group's offsets are unstable and the stream cannot find where to start (Kafka
     * would end them only after {@code transaction.timeout.ms}). {@link #writeEachBatch} calls it for you.
     * It fences any producer still running with these ids, so never call it while another instance of the
     * application should keep writing.
     *
     * @return the transactional ids whose open transactions were aborted
     */
    public List<String> abortTransactionsLeftOpen() {
        return PendingTransactions.settle(params, transactionalIdPrefix);
    }

    /**
     * Writes the output of every batch of a direct stream with {@link #write}, after
     * {@link #abortTransactionsLeftOpen()}; call it before the streaming context starts.
     */
    public <IK, IV> void writeEachBatch(JavaInputDStream<ConsumerRecord<IK, IV>> stream,
                                        RecordTransform<IK, IV, K, V> transform) {
        abortTransactionsLeftOpen();
        stream.foreachRDD(rdd -> {
            write(rdd, transform);
        });
    }
}
