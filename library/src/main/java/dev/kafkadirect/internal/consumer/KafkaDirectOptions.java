package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.internal.config.Setting;
import dev.kafkadirect.internal.config.SettingSource;
import dev.kafkadirect.internal.config.Settings;
import org.apache.spark.SparkConf;
import scala.Tuple2;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Our own options ({@code dev.kafkadirect.*}), which users may put in kafkaParams next to the Kafka
 * settings, or in the SparkConf for every stream and RDD (kafkaParams win). They are read here and removed
 * before kafkaParams reach a Kafka consumer.
 */
public final class KafkaDirectOptions {
    /** The prefix of every option of ours. */
    public static final String PREFIX = "dev.kafkadirect.";
    /** A directory where a stream records each completed batch's end offsets (off when absent). */
    public static final String OFFSET_JOURNAL = Settings.OFFSET_JOURNAL.key();
    /** After how many consecutive batches of growing lag a stream warns (5 when absent; 0 turns the warning off). */
    public static final String LAG_WARNING_BATCHES = Settings.LAG_WARNING_BATCHES.key();
    private static final List<String> KNOWN = Collections.unmodifiableList(
            Settings.from(SettingSource.KAFKA_PARAMS_OR_SPARK_CONF).stream().map(Setting::key).collect(Collectors.toList()));

    private KafkaDirectOptions() {
    }

    /** @return every option of ours */
    public static List<String> known() {
        return KNOWN;
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

    /**
     * @param conf the application's configuration, which may set our options for every stream and RDD
     * @param kafkaParams the user's kafkaParams, whose options win over the conf's
     * @return our options found in either, as strings
     * @throws IllegalArgumentException naming an option we do not know, and where it was set
     */
    public static Map<String, String> of(SparkConf conf, Map<String, Object> kafkaParams) {
        Map<String, String> options = new HashMap<>();
        for (Tuple2<String, String> entry : conf.getAllWithPrefix(PREFIX)) {
            String key = PREFIX + entry._1();
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("Unknown option " + key + " in the SparkConf; Kafka Direct knows " + KNOWN);
            }
            options.put(key, entry._2());
        }
        options.putAll(of(kafkaParams));
        return options;
    }

    /** @return a copy of kafkaParams without our options, fit for a Kafka consumer */
    public static Map<String, Object> withoutOptions(Map<String, Object> kafkaParams) {
        Map<String, Object> consumerParams = new HashMap<>(kafkaParams);
        consumerParams.keySet().removeIf(key -> key.startsWith(PREFIX));
        return consumerParams;
    }
}
