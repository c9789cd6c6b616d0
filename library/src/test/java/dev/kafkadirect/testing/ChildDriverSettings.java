package dev.kafkadirect.testing;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

import java.util.HashMap;
import java.util.Map;

/** What the driver programs that tests run as child JVMs share: local Spark, 500 ms batches and their kafkaParams. */
public final class ChildDriverSettings {
    private ChildDriverSettings() {
    }

    /** @return a local[2] streaming context with 500 ms batches reading at most 200 records per second per partition */
    public static JavaStreamingContext streamingContext(String appName) {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName(appName)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.streaming.kafka.maxRatePerPartition", "200");
        return new JavaStreamingContext(conf, Durations.milliseconds(500));
    }

    /**
     * @return String consumer settings for the group, from the earliest offset, without auto-commit, and with a
     *         short session so that a killed driver's partitions go to the restarted one within seconds
     */
    public static Map<String, Object> kafkaParams(String bootstrapServers, String groupId) {
        Map<String, Object> kafkaParams = new HashMap<>();
        kafkaParams.put("bootstrap.servers", bootstrapServers);
        kafkaParams.put("key.deserializer", StringDeserializer.class);
        kafkaParams.put("value.deserializer", StringDeserializer.class);
        kafkaParams.put("group.id", groupId);
        kafkaParams.put("auto.offset.reset", "earliest");
        kafkaParams.put("enable.auto.commit", false);
        kafkaParams.put("session.timeout.ms", 6000);
        kafkaParams.put("heartbeat.interval.ms", 2000);
        return kafkaParams;
    }
}
