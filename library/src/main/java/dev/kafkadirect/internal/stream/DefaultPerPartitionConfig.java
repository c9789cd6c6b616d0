package dev.kafkadirect.internal.stream;

import dev.kafkadirect.internal.config.Settings;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.kafka010.PerPartitionConfig;

/** The same limits for every partition, from {@code spark.streaming.kafka.maxRatePerPartition} and {@code .minRatePerPartition}. */
public final class DefaultPerPartitionConfig extends PerPartitionConfig {
    private static final long serialVersionUID = 1L;

    public static final String MAX_RATE = Settings.MAX_RATE_PER_PARTITION.key();
    public static final String MIN_RATE = Settings.MIN_RATE_PER_PARTITION.key();

    private final long maxRate;
    private final long minRate;

    /**
     * @param conf the application's configuration
     * @throws IllegalArgumentException naming a setting with a bad value
     */
    public DefaultPerPartitionConfig(SparkConf conf) {
        this.maxRate = Settings.MAX_RATE_PER_PARTITION.from(conf);
        this.minRate = Settings.MIN_RATE_PER_PARTITION.from(conf);
        if (maxRate < 0) {
            throw new IllegalArgumentException(MAX_RATE + " must be >= 0 (0 means no limit) but was " + maxRate);
        }
        if (minRate <= 0) {
            throw new IllegalArgumentException(MIN_RATE + " must be > 0 but was " + minRate);
        }
    }

    @Override
    public long maxRatePerPartition(TopicPartition topicPartition) {
        return maxRate;
    }

    @Override
    public long minRatePerPartition(TopicPartition topicPartition) {
        return minRate;
    }
}
