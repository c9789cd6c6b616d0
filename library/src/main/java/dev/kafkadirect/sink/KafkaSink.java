package dev.kafkadirect.sink;

import dev.kafkadirect.internal.sink.PlainPartitionWrite;
import dev.kafkadirect.internal.sink.ProducerParams;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.streaming.api.java.JavaDStream;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;

/**
 * Writes the records of an RDD or of each batch of a DStream to Kafka, at least once: every record is
 * acknowledged before its task succeeds, and a retried task writes its records again.
 *
 * <pre>{@code
 * KafkaSink<String, String> sink = KafkaSink.create(producerParams);
 * sink.writeEachBatch(lines.map(line -> new ProducerRecord<>("out", line)));
 * }</pre>
 *
 * <p>Each executor keeps one producer per distinct producerParams, shared by its tasks and closed when the
 * executor's JVM exits. The sink itself is serializable and holds no connection.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class KafkaSink<K, V> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ProducerParams params;

    private KafkaSink(ProducerParams params) {
        this.params = params;
    }

    /**
     * @param producerParams a Kafka producer configuration with bootstrap.servers, key.serializer and
     *                       value.serializer; checked here
     * @return a sink
     * @throws IllegalArgumentException naming the setting at fault
     */
    public static <K, V> KafkaSink<K, V> create(Map<String, Object> producerParams) {
        return new KafkaSink<>(ProducerParams.of(producerParams));
    }

    /**
     * @param records the records to write; a transformation ending in them, run by this call's job
     * @return what was written
     */
    public SinkReport write(JavaRDD<ProducerRecord<K, V>> records) {
        ProducerParams producerParams = params;
        return records.mapPartitions(partition ->
                        Collections.singletonList(PlainPartitionWrite.write(producerParams, partition)).iterator())
                .fold(new SinkReport(0, 0, 0), SinkReport::plus);
    }

    /** Writes every batch of the stream with {@link #write}. */
    public void writeEachBatch(JavaDStream<ProducerRecord<K, V>> records) {
        records.foreachRDD(rdd -> {
            write(rdd);
        });
    }
}
