package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.internal.config.Settings;
import dev.kafkadirect.internal.split.RangeSplit;
import org.apache.spark.SparkConf;

import java.io.Serializable;
import java.time.Duration;

/** The settings that govern how ranges are split and read on executors, read once on the driver. */
public final class ReadSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String POLL_MS = Settings.POLL_MS.key();
    public static final String ALLOW_NON_CONSECUTIVE_OFFSETS = Settings.ALLOW_NON_CONSECUTIVE_OFFSETS.key();
    public static final String NETWORK_TIMEOUT = Settings.NETWORK_TIMEOUT.key();

    /** Ours: whether a range whose records were deleted (retention) fails the task (true) or is skipped and reported. */
    public static final String FAIL_ON_DATA_LOSS = Settings.FAIL_ON_DATA_LOSS.key();

    private final long pollTimeoutMs;
    private final boolean allowNonConsecutiveOffsets;
    private final boolean failOnDataLoss;
    private final CacheSettings cache;
    private final RangeSplit split;

    public ReadSettings(long pollTimeoutMs, boolean allowNonConsecutiveOffsets, boolean failOnDataLoss,
                        CacheSettings cache) {
        this(pollTimeoutMs, allowNonConsecutiveOffsets, failOnDataLoss, cache, RangeSplit.off());
    }

    public ReadSettings(long pollTimeoutMs, boolean allowNonConsecutiveOffsets, boolean failOnDataLoss,
                        CacheSettings cache, RangeSplit split) {
        if (pollTimeoutMs <= 0) {
            throw new IllegalArgumentException(POLL_MS + " must be > 0 but was " + pollTimeoutMs);
        }
        this.pollTimeoutMs = pollTimeoutMs;
        this.allowNonConsecutiveOffsets = allowNonConsecutiveOffsets;
        this.failOnDataLoss = failOnDataLoss;
        this.cache = cache;
        this.split = split;
    }

    /**
     * @param conf the application's configuration
     * @param kafkaParams the user's kafkaParams, whose {@code dev.kafkadirect.*} entries win over the conf
     * @return the settings, validated
     * @throws IllegalArgumentException naming a setting with a bad value, or an unknown option of ours
     */
    public static ReadSettings from(SparkConf conf, java.util.Map<String, Object> kafkaParams) {
        SparkConf merged = conf.clone();
        KafkaDirectOptions.of(conf, kafkaParams).forEach(merged::set);
        return from(merged);
    }

    private static ReadSettings from(SparkConf conf) {
        long networkTimeoutMs = Settings.NETWORK_TIMEOUT.from(conf) * 1000;
        long pollMs = Settings.POLL_MS.optionalFrom(conf).orElse(networkTimeoutMs);
        boolean allowGaps = Settings.ALLOW_NON_CONSECUTIVE_OFFSETS.from(conf);
        boolean failOnDataLoss = Settings.FAIL_ON_DATA_LOSS.from(conf);
        RangeSplit split = RangeSplit.of(Settings.MAX_RECORDS_PER_PARTITION.optionalFrom(conf).orElse(null),
                Settings.MIN_PARTITIONS.optionalFrom(conf).orElse(null));
        return new ReadSettings(pollMs, allowGaps, failOnDataLoss, CacheSettings.from(conf), split);
    }

    public Duration pollTimeout() {
        return Duration.ofMillis(pollTimeoutMs);
    }

    public boolean allowNonConsecutiveOffsets() {
        return allowNonConsecutiveOffsets;
    }

    public boolean failOnDataLoss() {
        return failOnDataLoss;
    }

    public CacheSettings cache() {
        return cache;
    }

    /** @return how ranges are split into Spark partitions */
    public RangeSplit split() {
        return split;
    }
}
