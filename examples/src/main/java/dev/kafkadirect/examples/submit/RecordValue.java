package dev.kafkadirect.examples.submit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.api.java.function.Function;

/**
 * A record's value: the first step of every job here, since {@code ConsumerRecord} itself is not
 * serializable and must not be collected or shuffled.
 */
public final class RecordValue implements Function<ConsumerRecord<String, String>, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(ConsumerRecord<String, String> record) {
        return record.value();
    }
}
