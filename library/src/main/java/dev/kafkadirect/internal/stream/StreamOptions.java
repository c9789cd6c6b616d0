package dev.kafkadirect.internal.stream;

import dev.kafkadirect.internal.consumer.KafkaDirectOptions;
import org.apache.spark.SparkConf;

import java.util.Map;
import java.util.Optional;

/** The options of ours only a direct stream reads, from its kafkaParams or else the SparkConf; validated once. */
final class StreamOptions {
    /** Batches of growing lag before the stream warns, when no option says otherwise. */
    static final int DEFAULT_LAG_WARNING_BATCHES = 5;

    private final String offsetJournal;
    private final int lagWarningBatches;

    private StreamOptions(String offsetJournal, int lagWarningBatches) {
        this.offsetJournal = offsetJournal;
        this.lagWarningBatches = lagWarningBatches;
    }

    /**
     * @throws IllegalArgumentException naming an option with a bad value, or one we do not know
     */
    static StreamOptions from(SparkConf conf, Map<String, Object> kafkaParams) {
        Map<String, String> options = KafkaDirectOptions.of(conf, kafkaParams);
        return new StreamOptions(options.get(KafkaDirectOptions.OFFSET_JOURNAL),
                lagWarningBatches(options.get(KafkaDirectOptions.LAG_WARNING_BATCHES)));
    }

    /** @return the offset journal's directory; empty when the journal is off */
    Optional<String> offsetJournal() {
        return Optional.ofNullable(offsetJournal);
    }

    /** @return after how many consecutive batches of growing lag the stream warns; 0 for never */
    int lagWarningBatches() {
        return lagWarningBatches;
    }

    private static int lagWarningBatches(String value) {
        if (value == null) {
            return DEFAULT_LAG_WARNING_BATCHES;
        }
        try {
            int batches = Integer.parseInt(value.trim());
            if (batches >= 0) {
                return batches;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(KafkaDirectOptions.LAG_WARNING_BATCHES + " must be a whole number >= 0"
                + " (0 turns the warning off) but was '" + value + "'");
    }
}
