package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.internal.config.Settings;
import dev.kafkadirect.internal.split.RangeSplit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.spark.SparkConf;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;

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
    /** Whether executor consumers read with isolation.level=read_committed, where gaps are expected. */
    private final boolean readCommitted;
    private final ClientRack clientRack;

    public ReadSettings(long pollTimeoutMs, boolean allowNonConsecutiveOffsets, boolean failOnDataLoss,
                        CacheSettings cache) {
        this(pollTimeoutMs, allowNonConsecutiveOffsets, failOnDataLoss, cache, RangeSplit.off());
    }

    public ReadSettings(long pollTimeoutMs, boolean allowNonConsecutiveOffsets, boolean failOnDataLoss,
                        CacheSettings cache, RangeSplit split) {
        this(pollTimeoutMs, allowNonConsecutiveOffsets, failOnDataLoss, cache, split, false, ClientRack.from(
                Collections.emptyMap(), Collections.emptyMap()));
    }

    /**
     * @param readCommitted whether the consumers read with {@code isolation.level=read_committed}: then offsets
     *                      without records (transaction markers, aborted records) are expected, as if
     *                      {@code allowNonConsecutiveOffsets} were set
     */
    public ReadSettings(long pollTimeoutMs, boolean allowNonConsecutiveOffsets, boolean failOnDataLoss,
                        CacheSettings cache, RangeSplit split, boolean readCommitted, ClientRack clientRack) {
        if (pollTimeoutMs <= 0) {
            throw new IllegalArgumentException(POLL_MS + " must be > 0 but was " + pollTimeoutMs);
        }
        this.pollTimeoutMs = pollTimeoutMs;
        this.allowNonConsecutiveOffsets = allowNonConsecutiveOffsets;
        this.failOnDataLoss = failOnDataLoss;
        this.cache = cache;
        this.split = split;
        this.readCommitted = readCommitted;
        this.clientRack = clientRack;
    }

    /**
     * @param conf the application's configuration
     * @param kafkaParams the user's kafkaParams, whose {@code dev.kafkadirect.*} entries win over the conf
     * @return the settings, validated
     * @throws IllegalArgumentException naming a setting with a bad value, or an unknown option of ours
     */
    public static ReadSettings from(SparkConf conf, Map<String, Object> kafkaParams) {
        SparkConf merged = conf.clone();
        Map<String, String> options = KafkaDirectOptions.of(conf, kafkaParams);
        options.forEach(merged::set);
        return from(merged, "read_committed".equalsIgnoreCase(
                String.valueOf(kafkaParams.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG)).trim()),
                ClientRack.from(options, kafkaParams));
    }

    private static ReadSettings from(SparkConf conf, boolean readCommitted, ClientRack clientRack) {
        long networkTimeoutMs = Settings.NETWORK_TIMEOUT.from(conf) * 1000;
        long pollMs = Settings.POLL_MS.optionalFrom(conf).orElse(networkTimeoutMs);
        boolean allowGaps = Settings.ALLOW_NON_CONSECUTIVE_OFFSETS.from(conf);
        boolean failOnDataLoss = Settings.FAIL_ON_DATA_LOSS.from(conf);
        RangeSplit split = RangeSplit.of(Settings.MAX_RECORDS_PER_PARTITION.optionalFrom(conf).orElse(null),
                Settings.MIN_PARTITIONS.optionalFrom(conf).orElse(null));
        return new ReadSettings(pollMs, allowGaps, failOnDataLoss, CacheSettings.from(conf), split, readCommitted,
                clientRack);
    }

    public Duration pollTimeout() {
        return Duration.ofMillis(pollTimeoutMs);
    }

    public boolean allowNonConsecutiveOffsets() {
        return allowNonConsecutiveOffsets;
    }

    /** @return how executors find their consumers' client.rack */
    public ClientRack clientRack() {
        return clientRack;
    }

    /** @return whether the consumers read with {@code isolation.level=read_committed} */
    public boolean readCommitted() {
        return readCommitted;
    }

    /**
     * @return whether offsets without records are read past rather than failing the read: with
     *         {@code allowNonConsecutiveOffsets}, or under {@code read_committed}, where markers and aborted
     *         records leave them
     */
    public boolean gapsAllowed() {
        return allowNonConsecutiveOffsets || readCommitted;
    }

    /**
     * @return whether each offset of a range holds exactly one record the reader returns, so that counts can
     *         be answered from the ranges: no gaps allowed, and lost offsets fail the read
     */
    public boolean rangesCountRecords() {
        return !gapsAllowed() && failOnDataLoss;
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
