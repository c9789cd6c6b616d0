package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.internal.consumer.ExecutorKafkaParams;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.InputDStream;

import java.util.HashMap;
import java.util.Map;

/**
 * Binary compatibility for Scala applications compiled against Apache's module, where {@code KafkaUtils}
 * is a Scala {@code object}: their calls go through {@code KafkaUtils$.MODULE$}. Every method delegates
 * to {@link KafkaUtils} (or, for Apache's internal {@code fixKafkaParams}, to our executor settings); do not use
 * this class from source code.
 */
public final class KafkaUtils$ {
    /** The instance Scala-compiled callers use. */
    public static final KafkaUtils$ MODULE$ = new KafkaUtils$();

    private KafkaUtils$() {
    }

    /**
     * For code compiled against Apache's module that calls its package-internal helper of this name: turns the
     * kafkaParams, in place, into those Kafka Direct gives executor consumers (no auto-commit,
     * {@code auto.offset.reset=none}, the {@code spark-executor-} group; docs/configuration.md lists every change).
     */
    public void fixKafkaParams(HashMap<String, Object> kafkaParams) {
        Map<String, Object> executorParams = ExecutorKafkaParams.adjust(kafkaParams);
        kafkaParams.clear();
        kafkaParams.putAll(executorParams);
    }

    /** See {@link KafkaUtils#createRDD(SparkContext, Map, OffsetRange[], LocationStrategy)}. */
    public <K, V> RDD<ConsumerRecord<K, V>> createRDD(SparkContext sparkContext, Map<String, Object> kafkaParams,
                                                      OffsetRange[] offsetRanges, LocationStrategy locationStrategy) {
        return KafkaUtils.createRDD(sparkContext, kafkaParams, offsetRanges, locationStrategy);
    }

    /** See {@link KafkaUtils#createRDD(JavaSparkContext, Map, OffsetRange[], LocationStrategy)}. */
    public <K, V> JavaRDD<ConsumerRecord<K, V>> createRDD(JavaSparkContext javaSparkContext, Map<String, Object> kafkaParams,
                                                          OffsetRange[] offsetRanges, LocationStrategy locationStrategy) {
        return KafkaUtils.createRDD(javaSparkContext, kafkaParams, offsetRanges, locationStrategy);
    }

    /** See {@link KafkaUtils#createRDD(SparkContext, scala.collection.Map, OffsetRange[], LocationStrategy)}. */
    public <K, V> RDD<ConsumerRecord<K, V>> createRDD(SparkContext sparkContext, scala.collection.Map<String, ?> kafkaParams,
                                                      OffsetRange[] offsetRanges, LocationStrategy locationStrategy) {
        return KafkaUtils.createRDD(sparkContext, kafkaParams, offsetRanges, locationStrategy);
    }

    /** See {@link KafkaUtils#createDirectStream(StreamingContext, LocationStrategy, ConsumerStrategy)}. */
    public <K, V> InputDStream<ConsumerRecord<K, V>> createDirectStream(StreamingContext ssc,
                                                                        LocationStrategy locationStrategy,
                                                                        ConsumerStrategy<K, V> consumerStrategy) {
        return KafkaUtils.createDirectStream(ssc, locationStrategy, consumerStrategy);
    }

    /** See {@link KafkaUtils#createDirectStream(StreamingContext, LocationStrategy, ConsumerStrategy, PerPartitionConfig)}. */
    public <K, V> InputDStream<ConsumerRecord<K, V>> createDirectStream(StreamingContext ssc,
                                                                        LocationStrategy locationStrategy,
                                                                        ConsumerStrategy<K, V> consumerStrategy,
                                                                        PerPartitionConfig perPartitionConfig) {
        return KafkaUtils.createDirectStream(ssc, locationStrategy, consumerStrategy, perPartitionConfig);
    }

    /** See {@link KafkaUtils#createDirectStream(JavaStreamingContext, LocationStrategy, ConsumerStrategy)}. */
    public <K, V> JavaInputDStream<ConsumerRecord<K, V>> createDirectStream(JavaStreamingContext jssc,
                                                                            LocationStrategy locationStrategy,
                                                                            ConsumerStrategy<K, V> consumerStrategy) {
        return KafkaUtils.createDirectStream(jssc, locationStrategy, consumerStrategy);
    }

    /** See {@link KafkaUtils#createDirectStream(JavaStreamingContext, LocationStrategy, ConsumerStrategy, PerPartitionConfig)}. */
    public <K, V> JavaInputDStream<ConsumerRecord<K, V>> createDirectStream(JavaStreamingContext jssc,
                                                                            LocationStrategy locationStrategy,
                                                                            ConsumerStrategy<K, V> consumerStrategy,
                                                                            PerPartitionConfig perPartitionConfig) {
        return KafkaUtils.createDirectStream(jssc, locationStrategy, consumerStrategy, perPartitionConfig);
    }
}
