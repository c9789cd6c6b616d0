package dev.kafkadirect.internal.config;

/** Where a setting may be set. */
public enum SettingSource {
    /** Spark's configuration only (SparkConf in code, {@code spark-submit --conf}, spark-defaults.conf). */
    SPARK_CONF,
    /** kafkaParams of the RDD or stream, else the SparkConf in code for the whole application; kafkaParams win. */
    KAFKA_PARAMS_OR_SPARK_CONF
}
