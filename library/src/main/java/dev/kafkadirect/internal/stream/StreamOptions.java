package dev.kafkadirect.internal.stream;

import dev.kafkadirect.internal.config.Settings;
import dev.kafkadirect.internal.consumer.KafkaDirectOptions;
import org.apache.spark.SparkConf;

import java.util.Map;
import java.util.Optional;

/** The options of ours only a direct stream reads, from its kafkaParams or else the SparkConf; validated once. */
final class StreamOptions {
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
        String lagWarningBatches = options.get(Settings.LAG_WARNING_BATCHES.key());
        return new StreamOptions(options.get(Settings.OFFSET_JOURNAL.key()), lagWarningBatches == null
                ? Settings.LAG_WARNING_BATCHES.defaultValue() : Settings.LAG_WARNING_BATCHES.parse(lagWarningBatches));
    }

    /** @return the offset journal's directory; empty when the journal is off */
    Optional<String> offsetJournal() {
        return Optional.ofNullable(offsetJournal);
    }

    /** @return after how many consecutive batches of growing lag the stream warns; 0 for never */
    int lagWarningBatches() {
        return lagWarningBatches;
    }
}
