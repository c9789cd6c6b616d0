package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.internal.split.RangeSplit;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Our own options ({@code dev.kafkadirect.*}), which users may put in kafkaParams next to the Kafka
 * settings. They are read here and removed before kafkaParams reach a Kafka consumer.
 */
public final class KafkaDirectOptions {
    /** The prefix of every option of ours. */
    public static final String PREFIX = "dev.kafkadirect.";
    /** A directory where a stream records each completed batch's end offsets (off when absent). */
    public static final String OFFSET_JOURNAL = PREFIX + "offsetJournal";
    /** After how many consecutive batches of growing lag a stream warns (5 when absent; 0 turns the warning off). */
    public static final String LAG_WARNING_BATCHES = PREFIX + "lagWarningBatches";
    private static final List<String> KNOWN = Collections.unmodifiableList(Arrays.asList(ReadSettings.FAIL_ON_DATA_LOSS,
            OFFSET_JOURNAL, RangeSplit.MAX_RECORDS_PER_PARTITION, RangeSplit.MIN_PARTITIONS, LAG_WARNING_BATCHES));

    private KafkaDirectOptions() {
    }

    /**
     * @param kafkaParams the user's kafkaParams
     * @return our options found there, as strings
     * @throws IllegalArgumentException naming an option we do not know
     */
    public static Map<String, String> of(Map<String, Object> kafkaParams) {
        Map<String, String> options = new HashMap<>();
        kafkaParams.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                if (!KNOWN.contains(key)) {
                    throw new IllegalArgumentException("Unknown option " + key + " in kafkaParams; Kafka Direct knows " + KNOWN);
                }
                options.put(key, String.valueOf(value));
            }
        });
        return options;
    }

    /** @return a copy of kafkaParams without our options, fit for a Kafka consumer */
    public static Map<String, Object> withoutOptions(Map<String, Object> kafkaParams) {
        Map<String, Object> consumerParams = new HashMap<>(kafkaParams);
        consumerParams.keySet().removeIf(key -> key.startsWith(PREFIX));
        return consumerParams;
    }
}
