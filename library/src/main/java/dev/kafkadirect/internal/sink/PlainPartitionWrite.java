package dev.kafkadirect.internal.sink;

import dev.kafkadirect.sink.SinkReport;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.Iterator;

/** Writes one partition's records with the JVM's shared producer and waits until every one is acknowledged. */
public final class PlainPartitionWrite {
    private PlainPartitionWrite() {
    }

    /**
     * @return what was written
     * @throws IllegalStateException when any record was not acknowledged, so that Spark retries the task
     */
    public static <K, V> SinkReport write(ProducerParams params, Iterator<ProducerRecord<K, V>> records) {
        Producer<K, V> producer = ProducerCache.plain(params);
        SendErrors errors = new SendErrors();
        long written = 0;
        while (records.hasNext()) {
            producer.send(records.next(), errors);
            written++;
        }
        producer.flush();
        errors.throwIfAny("Writing " + written + " records to Kafka");
        return new SinkReport(written, 0, 0);
    }
}
