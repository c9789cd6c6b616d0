package dev.kafkadirect.internal.sink;

import dev.kafkadirect.OutputFencedException;
import dev.kafkadirect.internal.offsets.RangeCheck;
import dev.kafkadirect.sink.RecordTransform;
import dev.kafkadirect.sink.SinkReport;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Writes the output of one input range in one Kafka transaction that also commits the range's end offset
 * to the consumer group, so output and input position change together. A range the group has committed
 * already is skipped (a task or batch run again); one that does not continue the group's offset fails.
 */
public final class TransactionalPartitionWrite<IK, IV, K, V> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalPartitionWrite.class);

    private final ProducerParams params;
    private final String groupId;
    private final String transactionalIdPrefix;
    private final RecordTransform<IK, IV, K, V> transform;

    /**
     * @param params the producer settings
     * @param groupId the consumer group whose offsets the transactions commit
     * @param transactionalIdPrefix the start of every transactional id
     * @param transform input record to output records
     */
    public TransactionalPartitionWrite(ProducerParams params, String groupId, String transactionalIdPrefix,
                                       RecordTransform<IK, IV, K, V> transform) {
        this.params = params;
        this.groupId = groupId;
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.transform = transform;
    }

    /** @return the transactional id of an input partition: stable, so a retried task fences its zombie */
    public static String transactionalId(String prefix, TopicPartition input) {
        return prefix + "-" + input.topic() + "-" + input.partition();
    }

    /**
     * @param range the input range the records come from
     * @param records the range's records
     * @return what was written
     */
    public SinkReport write(OffsetRange range, Iterator<ConsumerRecord<IK, IV>> records) throws Exception {
        TopicPartition input = range.topicPartition();
        ProducerCache.Lease<K, V> lease = ProducerCache.transactional(params, transactionalId(transactionalIdPrefix, input));
        try {
            Long committed = committedOffset(input);
            RangeCheck.Verdict verdict = RangeCheck.verdict(committed, range);
            if (verdict == RangeCheck.Verdict.ALREADY_APPLIED) {
                LOG.warn("Consumer group '{}' has committed offset {} for {}: range {} was written before and is skipped",
                        groupId, committed, input, range);
                lease.release();
                return new SinkReport(0, 0, 1);
            }
            if (verdict == RangeCheck.Verdict.MISMATCH) {
                throw RangeCheck.mismatch("Consumer group '" + groupId + "'", committed, range);
            }
            if (range.count() == 0) {
                lease.release();
                return new SinkReport(0, 0, 0);
            }
            lease = begin(lease, range);
            long written = sendAll(lease.producer(), records);
            lease.producer().commitTransaction();
            lease.release();
            return new SinkReport(written, 1, 0);
        } catch (Exception e) {
            abortQuietly(lease, e);
            lease.discard();
            throw explain(e, range, transactionalId(transactionalIdPrefix, range.topicPartition()));
        }
    }

    /** Begins the transaction and adds the offsets first, which finds out early whether the producer was fenced. */
    private ProducerCache.Lease<K, V> begin(ProducerCache.Lease<K, V> lease, OffsetRange range) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                Collections.singletonMap(range.topicPartition(), new OffsetAndMetadata(range.untilOffset()));
        try {
            lease.producer().beginTransaction();
            lease.producer().sendOffsetsToTransaction(offsets, new ConsumerGroupMetadata(groupId));
            return lease;
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            if (!lease.reused()) {
                throw e;
            }
            // A retried task elsewhere took over this id since the producer was cached: start afresh.
            LOG.info("A cached producer for {} was fenced by another task; using a new one", range.topicPartition());
            ProducerCache.Lease<K, V> renewed = lease.renew();
            try {
                renewed.producer().beginTransaction();
                renewed.producer().sendOffsetsToTransaction(offsets, new ConsumerGroupMetadata(groupId));
                return renewed;
            } catch (RuntimeException failure) {
                renewed.discard();
                throw failure;
            }
        }
    }

    private long sendAll(Producer<K, V> producer, Iterator<ConsumerRecord<IK, IV>> records) throws Exception {
        SendErrors errors = new SendErrors();
        long written = 0;
        while (records.hasNext()) {
            for (ProducerRecord<K, V> output : transform.apply(records.next())) {
                producer.send(output, errors);
                written++;
            }
        }
        producer.flush();
        errors.throwIfAny("Writing the transaction's records");
        return written;
    }

    private Long committedOffset(TopicPartition input) throws InterruptedException, ExecutionException {
        // requireStable waits for transactions still settling on the group's offsets.
        Map<TopicPartition, OffsetAndMetadata> committed = ProducerCache.admin(params)
                .listConsumerGroupOffsets(Collections.singletonMap(groupId,
                                new ListConsumerGroupOffsetsSpec().topicPartitions(Collections.singletonList(input))),
                        new ListConsumerGroupOffsetsOptions().requireStable(true))
                .partitionsToOffsetAndMetadata(groupId).get();
        OffsetAndMetadata offset = committed.get(input);
        return offset == null ? null : offset.offset();
    }

    private static void abortQuietly(ProducerCache.Lease<?, ?> lease, Exception cause) {
        if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
            return;
        }
        try {
            lease.producer().abortTransaction();
        } catch (RuntimeException e) {
            // Not in a transaction, or the producer is unusable; it is discarded either way.
            cause.addSuppressed(e);
        }
    }

    /** @return the error a failed transaction of this range's output fails the task with */
    static Exception explain(Exception e, OffsetRange range, String transactionalId) {
        if (e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException) {
            return new OutputFencedException("The transaction writing the output of " + range + " was fenced: another"
                    + " attempt of this task (transactional.id " + transactionalId + ") took over, and nothing of"
                    + " this attempt was committed", e);
        }
        if (e instanceof KafkaException) {
            return new IllegalStateException("The transaction writing the output of " + range
                    + " was aborted: " + e.getMessage(), e);
        }
        return e;
    }
}
