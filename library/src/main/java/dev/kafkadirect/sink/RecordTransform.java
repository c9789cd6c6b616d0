package dev.kafkadirect.sink;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.Serializable;

/**
 * Turns one input record into the output records to write (none, one or many), on the executors.
 *
 * @param <IK> input key type
 * @param <IV> input value type
 * @param <K> output key type
 * @param <V> output value type
 */
@FunctionalInterface
public interface RecordTransform<IK, IV, K, V> extends Serializable {
    /**
     * @param record an input record
     * @return the records to write for it
     * @throws Exception anything: the task's transaction is then aborted and the task fails
     */
    Iterable<ProducerRecord<K, V>> apply(ConsumerRecord<IK, IV> record) throws Exception;
}
