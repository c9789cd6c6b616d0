package dev.kafkadirect.internal.stream;

import dev.kafkadirect.internal.config.Setting;
import dev.kafkadirect.internal.config.Settings;
import dev.kafkadirect.internal.consumer.KafkaDirectOptions;
import org.apache.spark.SparkConf;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The options of ours only a direct stream reads, from its kafkaParams or else the SparkConf; validated once. */
final class StreamOptions {
    private final String offsetJournal;
    private final int lagWarningBatches;
    private final long groupJoinTimeoutMs;
    /** 0 when off. */
    private final long maxRecordsPerBatch;
    private final boolean boundedRun;

    private StreamOptions(String offsetJournal, int lagWarningBatches, long groupJoinTimeoutMs, long maxRecordsPerBatch,
                          boolean boundedRun) {
        this.offsetJournal = offsetJournal;
        this.lagWarningBatches = lagWarningBatches;
        this.groupJoinTimeoutMs = groupJoinTimeoutMs;
        this.maxRecordsPerBatch = maxRecordsPerBatch;
        this.boundedRun = boundedRun;
    }

    /**
     * @throws IllegalArgumentException naming an option with a bad value, or one we do not know
     */
    static StreamOptions from(SparkConf conf, Map<String, Object> kafkaParams) {
        Map<String, String> options = KafkaDirectOptions.of(conf, kafkaParams);
        return new StreamOptions(options.get(Settings.OFFSET_JOURNAL.key()),
                valueOrDefault(options, Settings.LAG_WARNING_BATCHES), valueOrDefault(options, Settings.GROUP_JOIN_TIMEOUT_MS),
                options.containsKey(Settings.MAX_RECORDS_PER_BATCH.key())
                        ? Settings.MAX_RECORDS_PER_BATCH.parse(options.get(Settings.MAX_RECORDS_PER_BATCH.key())) : 0,
                valueOrDefault(options, Settings.BOUNDED_RUN));
    }

    /** @return the offset journal's directory; empty when the journal is off */
    Optional<String> offsetJournal() {
        return Optional.ofNullable(offsetJournal);
    }

    /** @return after how many consecutive batches of growing lag the stream warns; 0 for never */
    int lagWarningBatches() {
        return lagWarningBatches;
    }

    /** @return how long a subscribing driver consumer waits for its group's first assignment */
    Duration groupJoinTimeout() {
        return Duration.ofMillis(groupJoinTimeoutMs);
    }

    /** @return the most records a batch reads in all; 0 for no such cap */
    long maxRecordsPerBatch() {
        return maxRecordsPerBatch;
    }

    /** @return whether the stream stops once it has read to the latest offsets seen when it started */
    boolean boundedRun() {
        return boundedRun;
    }

    private static <T> T valueOrDefault(Map<String, String> options, Setting<T> setting) {
        String value = options.get(setting.key());
        return value == null ? setting.defaultValue() : setting.parse(value);
    }
}
