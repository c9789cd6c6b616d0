package dev.kafkadirect.internal.consumer;

import org.apache.spark.SparkConf;

import java.io.Serializable;
import java.time.Duration;

/** The Spark settings that govern how executors read ranges, read once on the driver. */
public final class ReadSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String POLL_MS = "spark.streaming.kafka.consumer.poll.ms";
    public static final String ALLOW_NON_CONSECUTIVE_OFFSETS = "spark.streaming.kafka.allowNonConsecutiveOffsets";
    public static final String NETWORK_TIMEOUT = "spark.network.timeout";

    private final long pollTimeoutMs;
    private final boolean allowNonConsecutiveOffsets;

    public ReadSettings(long pollTimeoutMs, boolean allowNonConsecutiveOffsets) {
        if (pollTimeoutMs <= 0) {
            throw new IllegalArgumentException(POLL_MS + " must be > 0 but was " + pollTimeoutMs);
        }
        this.pollTimeoutMs = pollTimeoutMs;
        this.allowNonConsecutiveOffsets = allowNonConsecutiveOffsets;
    }

    /**
     * @param conf the application's configuration
     * @return the settings, validated
     * @throws IllegalArgumentException naming a setting with a bad value
     */
    public static ReadSettings from(SparkConf conf) {
        long networkTimeoutMs = conf.getTimeAsSeconds(NETWORK_TIMEOUT, "120s") * 1000;
        long pollMs = parseLong(conf, POLL_MS, networkTimeoutMs);
        boolean allowGaps = parseBoolean(conf, ALLOW_NON_CONSECUTIVE_OFFSETS);
        return new ReadSettings(pollMs, allowGaps);
    }

    public Duration pollTimeout() {
        return Duration.ofMillis(pollTimeoutMs);
    }

    public boolean allowNonConsecutiveOffsets() {
        return allowNonConsecutiveOffsets;
    }

    private static long parseLong(SparkConf conf, String key, long defaultValue) {
        if (!conf.contains(key)) {
            return defaultValue;
        }
        String value = conf.get(key).trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of milliseconds but was '" + value + "'", e);
        }
    }

    private static boolean parseBoolean(SparkConf conf, String key) {
        String value = conf.get(key, "false").trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " must be true or false but was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
