package dev.kafkadirect.internal.consumer;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadSettingsTest {
    @Test
    void defaultsFollowSparkNetworkTimeoutAndTheDocumentedValues() {
        ReadSettings settings = ReadSettings.from(new SparkConf(false).set("spark.network.timeout", "45s"), Map.of());

        assertThat(settings.pollTimeout().toMillis()).isEqualTo(45_000);
        assertThat(settings.allowNonConsecutiveOffsets()).isFalse();
        assertThat(settings.failOnDataLoss()).isTrue();
        assertThat(settings.cache().enabled()).isTrue();
        assertThat(settings.cache().maxCapacity()).isEqualTo(64);
        assertThat(settings.cache().initialCapacity()).isEqualTo(16);
        assertThat(settings.cache().loadFactor()).isEqualTo(0.75f);
    }

    @Test
    void optionsInKafkaParamsWinOverTheSparkConf() {
        ReadSettings settings = ReadSettings.from(new SparkConf(false).set("dev.kafkadirect.failOnDataLoss", "true"),
                Map.of("dev.kafkadirect.failOnDataLoss", false));

        assertThat(settings.failOnDataLoss()).isFalse();
    }

    @Test
    void badValuesAreRejectedNamingTheSettingAndTheValue() {
        assertThatThrownBy(() -> ReadSettings.from(new SparkConf(false)
                .set("spark.streaming.kafka.consumer.poll.ms", "10 seconds"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spark.streaming.kafka.consumer.poll.ms must be a whole number but was '10 seconds'");
        assertThatThrownBy(() -> ReadSettings.from(new SparkConf(false)
                .set("spark.streaming.kafka.consumer.poll.ms", "0"), Map.of()))
                .hasMessage("spark.streaming.kafka.consumer.poll.ms must be > 0 but was 0");
        assertThatThrownBy(() -> ReadSettings.from(new SparkConf(false)
                .set("spark.streaming.kafka.allowNonConsecutiveOffsets", "yes"), Map.of()))
                .hasMessage("spark.streaming.kafka.allowNonConsecutiveOffsets must be true or false but was 'yes'");
        assertThatThrownBy(() -> ReadSettings.from(new SparkConf(false)
                .set("spark.streaming.kafka.consumer.cache.maxCapacity", "lots"), Map.of()))
                .hasMessage("spark.streaming.kafka.consumer.cache.maxCapacity must be a whole number but was 'lots'");
    }
}
