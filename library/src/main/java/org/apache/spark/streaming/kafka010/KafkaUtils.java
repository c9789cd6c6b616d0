package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.internal.consumer.ExecutorKafkaParams;
import dev.kafkadirect.internal.consumer.KafkaParamsCheck;
import dev.kafkadirect.internal.consumer.ReadSettings;
import dev.kafkadirect.internal.placement.Executors;
import dev.kafkadirect.internal.placement.PlacementPolicy;
import dev.kafkadirect.internal.rdd.KafkaRDD;
import dev.kafkadirect.internal.scala.ScalaInterop;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;

import java.util.Collections;
import java.util.Map;

/**
 * Entry points: RDDs of Kafka records for given offset ranges, and direct streams.
 *
 * <pre>{@code
 * OffsetRange[] offsetRanges = {
 *     OffsetRange.create("test", 0, 0, 100),
 *     OffsetRange.create("test", 1, 0, 100)
 * };
 * JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(
 *     sparkContext, kafkaParams, offsetRanges, LocationStrategies.PreferConsistent());
 * }</pre>
 *
 * <p>kafkaParams are Kafka consumer settings. Executors never commit and never reset offsets: those
 * settings are overridden for executor consumers, and each change is logged once.
 */
public final class KafkaUtils {
    private KafkaUtils() {
    }

    /**
     * Creates an RDD whose partition {@code i} holds the records of {@code offsetRanges[i]}.
     *
     * @param sparkContext the Spark context
     * @param kafkaParams Kafka consumer settings (bootstrap.servers, deserializers, security, ...)
     * @param offsetRanges the ranges to read, one RDD partition each
     * @param locationStrategy where to run each range; {@link LocationStrategies#PreferBrokers()} is refused
     *                         because there is no driver consumer to look up leaders
     * @param <K> record key type
     * @param <V> record value type
     * @return the RDD, which also implements {@link HasOffsetRanges}
     */
    public static <K, V> RDD<ConsumerRecord<K, V>> createRDD(SparkContext sparkContext,
                                                             Map<String, Object> kafkaParams,
                                                             OffsetRange[] offsetRanges,
                                                             LocationStrategy locationStrategy) {
        if (sparkContext == null) {
            throw new IllegalArgumentException("createRDD needs a SparkContext, but it was null");
        }
        KafkaParamsCheck.requireConsumerBasics(kafkaParams);
        requireRanges(offsetRanges);
        PlacementPolicy placement = placementFor(locationStrategy);
        return new KafkaRDD<>(sparkContext, ExecutorKafkaParams.adjust(kafkaParams), offsetRanges, placement,
                Executors.of(sparkContext), Collections.emptyMap(), ReadSettings.from(sparkContext.getConf(), kafkaParams));
    }

    /**
     * Scala variant of {@link #createRDD(SparkContext, Map, OffsetRange[], LocationStrategy)} taking the
     * {@code Map[String, Object]} the guide's Scala programs build.
     */
    public static <K, V> RDD<ConsumerRecord<K, V>> createRDD(SparkContext sparkContext,
                                                             scala.collection.Map<String, ?> kafkaParams,
                                                             OffsetRange[] offsetRanges,
                                                             LocationStrategy locationStrategy) {
        if (kafkaParams == null) {
            KafkaParamsCheck.requireConsumerBasics(null);
        }
        return createRDD(sparkContext, ScalaInterop.toJavaObjectMap(kafkaParams), offsetRanges, locationStrategy);
    }

    /**
     * Java variant of {@link #createRDD(SparkContext, Map, OffsetRange[], LocationStrategy)}.
     *
     * @return the RDD; {@code rdd.rdd()} implements {@link HasOffsetRanges}
     */
    public static <K, V> JavaRDD<ConsumerRecord<K, V>> createRDD(JavaSparkContext javaSparkContext,
                                                                 Map<String, Object> kafkaParams,
                                                                 OffsetRange[] offsetRanges,
                                                                 LocationStrategy locationStrategy) {
        if (javaSparkContext == null) {
            throw new IllegalArgumentException("createRDD needs a JavaSparkContext, but it was null");
        }
        RDD<ConsumerRecord<K, V>> rdd = createRDD(javaSparkContext.sc(), kafkaParams, offsetRanges, locationStrategy);
        return new JavaRDD<>(rdd, ScalaInterop.classTag(ConsumerRecord.class));
    }

    private static PlacementPolicy placementFor(LocationStrategy locationStrategy) {
        if (locationStrategy == null) {
            throw new IllegalArgumentException("createRDD needs a LocationStrategy, but it was null:"
                    + " use LocationStrategies.PreferConsistent()");
        }
        PlacementPolicy placement = locationStrategy.placementPolicy();
        if (placement.needsLeaderHosts()) {
            throw new IllegalArgumentException("createRDD cannot use LocationStrategies.PreferBrokers(): without a"
                    + " stream there is no driver-side consumer to look up partition leaders. Use"
                    + " LocationStrategies.PreferConsistent(), or PreferFixed(hostMap) with leader hosts you looked up.");
        }
        return placement;
    }

    private static void requireRanges(OffsetRange[] offsetRanges) {
        if (offsetRanges == null) {
            throw new IllegalArgumentException("createRDD needs offsetRanges, but it was null");
        }
        for (int i = 0; i < offsetRanges.length; i++) {
            if (offsetRanges[i] == null) {
                throw new IllegalArgumentException("offsetRanges[" + i + "] is null");
            }
        }
    }
}
