package dev.kafkadirect.internal.stream;

import dev.kafkadirect.internal.config.Setting;
import dev.kafkadirect.internal.config.SettingSource;
import dev.kafkadirect.internal.config.Settings;
import dev.kafkadirect.internal.consumer.CacheSettings;
import dev.kafkadirect.internal.consumer.KafkaDirectOptions;
import dev.kafkadirect.internal.consumer.ReadSettings;
import dev.kafkadirect.internal.split.RangeSplit;
import dev.kafkadirect.internal.strategy.GroupJoin;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.scheduler.RateController;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/configuration.md's two tables list exactly the settings of the catalogue ({@link Settings}), each with its
 * default; the classes that read them use those defaults when nothing is set; and our options work from the
 * SparkConf as the page says.
 */
class DocumentedSettingsTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]+) \\|");
    private static final SparkConf NOTHING_SET = new SparkConf(false);

    @Test
    void theConfigurationPageListsTheCataloguesSettingsWithTheirDefaults() throws IOException {
        assertThat(documented("## Spark settings")).isEqualTo(catalogue(SettingSource.SPARK_CONF));
        assertThat(documented("## Our options")).isEqualTo(catalogue(SettingSource.KAFKA_PARAMS_OR_SPARK_CONF));
    }

    @Test
    void theCodeUsesTheCataloguesDefaultsWhenNothingIsSet() {
        assertThat(codeSparkDefaults()).isEqualTo(catalogue(SettingSource.SPARK_CONF));
        assertThat(codeOptionDefaults()).isEqualTo(catalogue(SettingSource.KAFKA_PARAMS_OR_SPARK_CONF));
        assertThat(KafkaDirectOptions.known()).containsExactlyElementsOf(catalogue(SettingSource.KAFKA_PARAMS_OR_SPARK_CONF).keySet());
        assertThat(GroupJoin.timeout(Map.of())).as("the strategies' group join timeout")
                .isEqualTo(StreamOptions.from(NOTHING_SET, Map.of()).groupJoinTimeout());
        assertThat(GroupJoin.timeout(Map.of(Settings.GROUP_JOIN_TIMEOUT_MS.key(), "2500"))).hasMillis(2500);
    }

    @Test
    void aCapacityBeyondAnIntIsRefusedNotTruncated() {
        assertThatThrownBy(() -> ReadSettings.from(new SparkConf(false)
                .set("spark.streaming.kafka.consumer.cache.maxCapacity", "4294967360"), Map.of()))
                .hasMessage("spark.streaming.kafka.consumer.cache.maxCapacity must be a whole number of at most"
                        + " 2147483647 but was '4294967360'");
    }

    private static Map<String, String> catalogue(SettingSource source) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.from(source)) {
            defaults.put(setting.key(), setting.documentedDefault());
        }
        return defaults;
    }

    @Test
    void ourOptionsMayBeSetInTheSparkConfAndKafkaParamsWin() {
        SparkConf conf = new SparkConf(false).set(KafkaDirectOptions.LAG_WARNING_BATCHES, "0")
                .set(KafkaDirectOptions.OFFSET_JOURNAL, "/journal/from-conf")
                .set(RangeSplit.MAX_RECORDS_PER_PARTITION, "100");

        StreamOptions fromConf = StreamOptions.from(conf, Map.of());
        StreamOptions fromParams = StreamOptions.from(conf, Map.of(KafkaDirectOptions.LAG_WARNING_BATCHES, 3,
                KafkaDirectOptions.OFFSET_JOURNAL, "/journal/from-params"));

        assertThat(fromConf.lagWarningBatches()).isZero();
        assertThat(fromConf.offsetJournal()).contains("/journal/from-conf");
        assertThat(fromParams.lagWarningBatches()).isEqualTo(3);
        assertThat(fromParams.offsetJournal()).contains("/journal/from-params");
        assertThat(ReadSettings.from(conf, Map.of()).split()).isEqualTo(RangeSplit.of(100L, null));
    }

    @Test
    void anUnknownOptionInTheSparkConfIsRefusedNamingIt() {
        SparkConf conf = new SparkConf(false).set("dev.kafkadirect.offsetJornal", "/journal");

        assertThatThrownBy(() -> StreamOptions.from(conf, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown option dev.kafkadirect.offsetJornal in the SparkConf; Kafka Direct knows [");
        assertThatThrownBy(() -> ReadSettings.from(conf, Map.of()))
                .hasMessageStartingWith("Unknown option dev.kafkadirect.offsetJornal in the SparkConf");
    }

    @Test
    void aBadLagWarningBatchesIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> StreamOptions.from(NOTHING_SET, Map.of(KafkaDirectOptions.LAG_WARNING_BATCHES, "-1")))
                .hasMessage("dev.kafkadirect.lagWarningBatches must be a whole number >= 0 (0 turns the warning off)"
                        + " but was '-1'");
    }

    /** Each Spark setting the code reads, with its default as the page writes it. */
    private static Map<String, String> codeSparkDefaults() {
        ReadSettings read = ReadSettings.from(NOTHING_SET, Map.of());
        CacheSettings cache = read.cache();
        DefaultPerPartitionConfig rates = new DefaultPerPartitionConfig(NOTHING_SET);
        TopicPartition anyPartition = new TopicPartition("any", 0);
        long initialRate = DirectKafkaInputDStream.initialRate(NOTHING_SET);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(ReadSettings.POLL_MS, "`" + ReadSettings.NETWORK_TIMEOUT + "` (" + read.pollTimeout().getSeconds() + " s)");
        defaults.put(ReadSettings.ALLOW_NON_CONSECUTIVE_OFFSETS, code(read.allowNonConsecutiveOffsets()));
        defaults.put(CacheSettings.ENABLED, code(cache.enabled()));
        defaults.put(CacheSettings.MAX_CAPACITY, code(cache.maxCapacity()));
        defaults.put(CacheSettings.INITIAL_CAPACITY, code(cache.initialCapacity()));
        defaults.put(CacheSettings.LOAD_FACTOR, code(cache.loadFactor()));
        defaults.put(ReadSettings.NETWORK_TIMEOUT, "`" + read.pollTimeout().getSeconds() + "s`");
        long maxRate = rates.maxRatePerPartition(anyPartition);
        defaults.put(DefaultPerPartitionConfig.MAX_RATE, code(maxRate) + (maxRate == 0 ? " (no limit)" : ""));
        defaults.put(DefaultPerPartitionConfig.MIN_RATE, code(rates.minRatePerPartition(anyPartition)));
        defaults.put("spark.streaming.backpressure.enabled", code(RateController.isBackPressureEnabled(NOTHING_SET)));
        defaults.put(DirectKafkaInputDStream.INITIAL_RATE, initialRate == 0 ? "unset" : code(initialRate));
        return defaults;
    }

    /** Each option of ours, with its default as the page writes it. */
    private static Map<String, String> codeOptionDefaults() {
        ReadSettings read = ReadSettings.from(NOTHING_SET, Map.of());
        StreamOptions stream = StreamOptions.from(NOTHING_SET, Map.of());
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(ReadSettings.FAIL_ON_DATA_LOSS, code(read.failOnDataLoss()));
        defaults.put(KafkaDirectOptions.OFFSET_JOURNAL, stream.offsetJournal().map(DocumentedSettingsTest::code).orElse("unset"));
        String split = read.split().enabled() ? read.split().toString() : "unset (off)";
        defaults.put(RangeSplit.MAX_RECORDS_PER_PARTITION, split);
        defaults.put(RangeSplit.MIN_PARTITIONS, split);
        defaults.put(KafkaDirectOptions.LAG_WARNING_BATCHES, code(stream.lagWarningBatches()));
        defaults.put(Settings.GROUP_JOIN_TIMEOUT_MS.key(), code(stream.groupJoinTimeout().toMillis()));
        defaults.put(Settings.MAX_RECORDS_PER_BATCH.key(), stream.maxRecordsPerBatch() == 0 ? "unset (off)" : "on");
        defaults.put(Settings.CONSUMER_CACHE_IDLE_TIMEOUT.key(), read.cache().idleTimeoutMs() == 0 ? "unset (off)" : "on");
        defaults.put(Settings.BOUNDED_RUN.key(), code(stream.boundedRun()));
        String rack = read.clientRack().applyTo(Map.of()).isEmpty() ? "unset (off)" : "on";
        defaults.put(Settings.CLIENT_RACK_ENV.key(), rack);
        defaults.put(Settings.CLIENT_RACK_RESOLVER.key(), rack);
        return defaults;
    }

    private static String code(Object value) {
        return "`" + value + "`";
    }

    /** The rows of the first table under the heading that starts with this text: key and default, in order. */
    private static Map<String, String> documented(String heading) throws IOException {
        List<String> lines = Files.readAllLines(Paths.get("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
        Map<String, String> rows = new LinkedHashMap<>();
        int line = 0;
        while (!lines.get(line).startsWith(heading)) {
            line++;
        }
        while (!lines.get(line).startsWith("|")) {
            line++;
        }
        // One table: its rows end at the first line that is not a row (a blank line would split it in two).
        for (; line < lines.size() && lines.get(line).startsWith("|"); line++) {
            Matcher row = ROW.matcher(lines.get(line));
            if (row.find()) {
                rows.put(row.group(1), row.group(2).trim());
            }
        }
        return rows;
    }
}
