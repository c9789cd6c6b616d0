package dev.kafkadirect.internal.config;

import org.apache.spark.network.util.JavaUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The catalogue of every setting Kafka Direct reads. Range checks that depend on the use (a capacity above 0, a
 * rate at least 0) stay with the classes that use the values; parsing and defaults are here, once.
 * docs/configuration.md lists exactly these, with these defaults ({@code DocumentedSettingsTest}).
 */
public final class Settings {
    /** Spark's network timeout, in seconds; the default of the poll timeout. */
    public static final Setting<Long> NETWORK_TIMEOUT = new Setting<>("spark.network.timeout", SettingSource.SPARK_CONF,
            120L, "`120s`", text -> seconds("spark.network.timeout", text));
    /** How long an executor's read may see no progress, in milliseconds; {@link #NETWORK_TIMEOUT} when unset. */
    public static final Setting<Long> POLL_MS = new Setting<>("spark.streaming.kafka.consumer.poll.ms",
            SettingSource.SPARK_CONF, null, "`" + NETWORK_TIMEOUT.key() + "` (" + NETWORK_TIMEOUT.defaultValue() + " s)",
            text -> wholeNumber("spark.streaming.kafka.consumer.poll.ms", text));
    public static final Setting<Boolean> ALLOW_NON_CONSECUTIVE_OFFSETS =
            flag("spark.streaming.kafka.allowNonConsecutiveOffsets", SettingSource.SPARK_CONF, false);
    public static final Setting<Boolean> CACHE_ENABLED =
            flag("spark.streaming.kafka.consumer.cache.enabled", SettingSource.SPARK_CONF, true);
    public static final Setting<Integer> CACHE_MAX_CAPACITY =
            smallWholeNumber("spark.streaming.kafka.consumer.cache.maxCapacity", 64);
    public static final Setting<Integer> CACHE_INITIAL_CAPACITY =
            smallWholeNumber("spark.streaming.kafka.consumer.cache.initialCapacity", 16);
    public static final Setting<Float> CACHE_LOAD_FACTOR = new Setting<>("spark.streaming.kafka.consumer.cache.loadFactor",
            SettingSource.SPARK_CONF, 0.75f, "`0.75`", text -> number("spark.streaming.kafka.consumer.cache.loadFactor", text));
    /** Most records per second per partition; 0 for no limit. */
    public static final Setting<Long> MAX_RATE_PER_PARTITION = new Setting<>("spark.streaming.kafka.maxRatePerPartition",
            SettingSource.SPARK_CONF, 0L, "`0` (no limit)",
            text -> wholeNumber("spark.streaming.kafka.maxRatePerPartition", text));
    public static final Setting<Long> MIN_RATE_PER_PARTITION = wholeNumber("spark.streaming.kafka.minRatePerPartition",
            SettingSource.SPARK_CONF, 1L);
    public static final Setting<Boolean> BACKPRESSURE_ENABLED =
            flag("spark.streaming.backpressure.enabled", SettingSource.SPARK_CONF, false);
    /** Records per second (whole stream) before the estimator has a rate; off when unset. */
    public static final Setting<Long> BACKPRESSURE_INITIAL_RATE = new Setting<>("spark.streaming.backpressure.initialRate",
            SettingSource.SPARK_CONF, null, "unset", text -> wholeNumber("spark.streaming.backpressure.initialRate", text));

    public static final Setting<Boolean> FAIL_ON_DATA_LOSS =
            flag("dev.kafkadirect.failOnDataLoss", SettingSource.KAFKA_PARAMS_OR_SPARK_CONF, true);
    public static final Setting<String> OFFSET_JOURNAL = new Setting<>("dev.kafkadirect.offsetJournal",
            SettingSource.KAFKA_PARAMS_OR_SPARK_CONF, null, "unset", Function.identity());
    public static final Setting<Long> MAX_RECORDS_PER_PARTITION = new Setting<>("dev.kafkadirect.maxRecordsPerPartition",
            SettingSource.KAFKA_PARAMS_OR_SPARK_CONF, null, "unset (off)",
            text -> wholeNumber("dev.kafkadirect.maxRecordsPerPartition", text));
    public static final Setting<Long> MIN_PARTITIONS = new Setting<>("dev.kafkadirect.minPartitions",
            SettingSource.KAFKA_PARAMS_OR_SPARK_CONF, null, "unset (off)",
            text -> wholeNumber("dev.kafkadirect.minPartitions", text));
    public static final Setting<Integer> LAG_WARNING_BATCHES = new Setting<>("dev.kafkadirect.lagWarningBatches",
            SettingSource.KAFKA_PARAMS_OR_SPARK_CONF, 5, "`5`", Settings::lagWarningBatches);
    /** How long a subscribing driver consumer waits for its group's first assignment, in milliseconds. */
    public static final Setting<Long> GROUP_JOIN_TIMEOUT_MS = new Setting<>("dev.kafkadirect.groupJoinTimeoutMs",
            SettingSource.KAFKA_PARAMS_OR_SPARK_CONF, 30_000L, "`30000`", text -> {
                long millis = wholeNumber("dev.kafkadirect.groupJoinTimeoutMs", text);
                if (millis <= 0) {
                    throw new IllegalArgumentException("dev.kafkadirect.groupJoinTimeoutMs must be > 0 but was " + millis);
                }
                return millis;
            });

    /** Most records of a whole stream batch, shared among partitions by lag; off when unset. */
    public static final Setting<Long> MAX_RECORDS_PER_BATCH = new Setting<>("dev.kafkadirect.maxRecordsPerBatch",
            SettingSource.KAFKA_PARAMS_OR_SPARK_CONF, null, "unset (off)",
            text -> positive("dev.kafkadirect.maxRecordsPerBatch", wholeNumber("dev.kafkadirect.maxRecordsPerBatch", text)));
    /** How long a cached executor consumer may stay idle before it is closed, in milliseconds; off when unset. */
    public static final Setting<Long> CONSUMER_CACHE_IDLE_TIMEOUT = new Setting<>("dev.kafkadirect.consumerCache.idleTimeout",
            SettingSource.KAFKA_PARAMS_OR_SPARK_CONF, null, "unset (off)",
            text -> positive("dev.kafkadirect.consumerCache.idleTimeout", millis("dev.kafkadirect.consumerCache.idleTimeout", text)));
    /** Whether a stream reads up to the latest offsets seen when it starts and then stops its context gracefully. */
    public static final Setting<Boolean> BOUNDED_RUN =
            flag("dev.kafkadirect.boundedRun", SettingSource.KAFKA_PARAMS_OR_SPARK_CONF, false);
    /** An environment variable holding each executor's rack, for its consumers' client.rack; off when unset. */
    public static final Setting<String> CLIENT_RACK_ENV = new Setting<>("dev.kafkadirect.clientRackEnv",
            SettingSource.KAFKA_PARAMS_OR_SPARK_CONF, null, "unset (off)", Function.identity());
    /** A ClientRackResolver class each executor asks for its rack; off when unset. */
    public static final Setting<String> CLIENT_RACK_RESOLVER = new Setting<>("dev.kafkadirect.clientRackResolver",
            SettingSource.KAFKA_PARAMS_OR_SPARK_CONF, null, "unset (off)", Function.identity());

    private static final List<Setting<?>> ALL = Collections.unmodifiableList(Arrays.asList(POLL_MS,
            ALLOW_NON_CONSECUTIVE_OFFSETS, CACHE_ENABLED, CACHE_MAX_CAPACITY, CACHE_INITIAL_CAPACITY, CACHE_LOAD_FACTOR,
            NETWORK_TIMEOUT, MAX_RATE_PER_PARTITION, MIN_RATE_PER_PARTITION, BACKPRESSURE_ENABLED,
            BACKPRESSURE_INITIAL_RATE, FAIL_ON_DATA_LOSS, OFFSET_JOURNAL, MAX_RECORDS_PER_PARTITION, MIN_PARTITIONS,
            LAG_WARNING_BATCHES, GROUP_JOIN_TIMEOUT_MS, MAX_RECORDS_PER_BATCH, CONSUMER_CACHE_IDLE_TIMEOUT,
            BOUNDED_RUN, CLIENT_RACK_ENV, CLIENT_RACK_RESOLVER));

    private Settings() {
    }

    /** @return every setting, in the order docs/configuration.md lists them */
    public static List<Setting<?>> all() {
        return ALL;
    }

    /** @return the settings that may be set where {@code source} says */
    public static List<Setting<?>> from(SettingSource source) {
        List<Setting<?>> settings = new ArrayList<>();
        for (Setting<?> setting : ALL) {
            if (setting.source() == source) {
                settings.add(setting);
            }
        }
        return settings;
    }

    private static Setting<Boolean> flag(String key, SettingSource source, boolean defaultValue) {
        return new Setting<>(key, source, defaultValue, "`" + defaultValue + "`", text -> {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(key + " must be true or false but was '" + text + "'");
            }
            return Boolean.parseBoolean(text);
        });
    }

    private static Setting<Long> wholeNumber(String key, SettingSource source, long defaultValue) {
        return new Setting<>(key, source, defaultValue, "`" + defaultValue + "`", text -> wholeNumber(key, text));
    }

    private static Setting<Integer> smallWholeNumber(String key, int defaultValue) {
        return new Setting<>(key, SettingSource.SPARK_CONF, defaultValue, "`" + defaultValue + "`", text -> {
            long value = wholeNumber(key, text);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(key + " must be a whole number of at most " + Integer.MAX_VALUE
                        + " but was '" + text + "'");
            }
            return (int) value;
        });
    }

    private static long wholeNumber(String key, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number but was '" + text + "'", e);
        }
    }

    private static float number(String key, String text) {
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number but was '" + text + "'", e);
        }
    }

    private static long seconds(String key, String text) {
        try {
            return JavaUtils.timeStringAsSec(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 120s but was '" + text + "'", e);
        }
    }

    private static long millis(String key, String text) {
        try {
            return JavaUtils.timeStringAsMs(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 30s or 5min but was '" + text + "'", e);
        }
    }

    private static long positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be > 0 but was " + value);
        }
        return value;
    }

    private static int lagWarningBatches(String text) {
        try {
            int batches = Integer.parseInt(text);
            if (batches >= 0) {
                return batches;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("dev.kafkadirect.lagWarningBatches must be a whole number >= 0"
                + " (0 turns the warning off) but was '" + text + "'");
    }
}
