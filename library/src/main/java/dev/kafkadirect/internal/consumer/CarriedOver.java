package dev.kafkadirect.internal.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Collections;
import java.util.List;

/**
 * Records a cached consumer fetched past the end of the last range it read, kept for the next range
 * that starts exactly there, so that batch after batch the consumer neither seeks nor fetches twice.
 */
public final class CarriedOver<K, V> {
    private static final CarriedOver<?, ?> NOTHING = new CarriedOver<>(false, Collections.emptyList());

    private final boolean positioned;
    private final List<ConsumerRecord<K, V>> records;

    private CarriedOver(boolean positioned, List<ConsumerRecord<K, V>> records) {
        this.positioned = positioned;
        this.records = records;
    }

    /** @return nothing carried over: the reader must seek to its range's start */
    @SuppressWarnings("unchecked")
    public static <K, V> CarriedOver<K, V> nothing() {
        return (CarriedOver<K, V>) NOTHING;
    }

    /**
     * @param records fetched records at and after the offset where the consumer stands, in order
     * @return a consumer positioned to continue, with those records to read first
     */
    public static <K, V> CarriedOver<K, V> positioned(List<ConsumerRecord<K, V>> records) {
        return new CarriedOver<>(true, records);
    }

    /** @return whether the consumer already stands where the next range starts */
    public boolean positioned() {
        return positioned;
    }

    /** @return the records to read before polling again */
    public List<ConsumerRecord<K, V>> records() {
        return records;
    }
}
