package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.internal.consumer.ExecutorKafkaParams;
import dev.kafkadirect.internal.consumer.KafkaParamsCheck;
import dev.kafkadirect.internal.security.KerberosPreflight;
import dev.kafkadirect.internal.consumer.ReadSettings;
import dev.kafkadirect.internal.placement.Executors;
import dev.kafkadirect.internal.placement.PlacementPolicy;
import dev.kafkadirect.internal.rdd.KafkaRDD;
import dev.kafkadirect.internal.scala.ScalaInterop;
import dev.kafkadirect.internal.strategy.UpFrontCheck;
import dev.kafkadirect.internal.stream.DefaultPerPartitionConfig;
import dev.kafkadirect.internal.stream.DirectKafkaInputDStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.InputDStream;

import java.util.Collections;
import java.util.Map;

/**
 * Entry points: direct streams of Kafka records, and RDDs for given offset ranges.
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
        KerberosPreflight.check(kafkaParams);
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

    /**
     * Creates a direct stream: each batch reads, per partition, from where the previous batch ended to
     * the latest offset (within the rate limits), one RDD partition per Kafka partition.
     *
     * <pre>{@code
     * val stream = KafkaUtils.createDirectStream[String, String](
     *   streamingContext, PreferConsistent, Subscribe[String, String](topics, kafkaParams))
     * }</pre>
     *
     * @param ssc the streaming context
     * @param locationStrategy where partitions run; {@link LocationStrategies#PreferConsistent()} in most cases
     * @param consumerStrategy which topics or partitions, and where to start; see {@link ConsumerStrategies}
     * @param <K> record key type
     * @param <V> record value type
     * @return the stream; it implements {@link CanCommitOffsets}, and each batch's RDD {@link HasOffsetRanges}
     */
    public static <K, V> InputDStream<ConsumerRecord<K, V>> createDirectStream(StreamingContext ssc,
                                                                               LocationStrategy locationStrategy,
                                                                               ConsumerStrategy<K, V> consumerStrategy) {
        requireStreamingContext(ssc);
        return createDirectStream(ssc, locationStrategy, consumerStrategy, new DefaultPerPartitionConfig(ssc.conf()));
    }

    /**
     * {@link #createDirectStream(StreamingContext, LocationStrategy, ConsumerStrategy)} with rate limits
     * per partition.
     *
     * @param perPartitionConfig max and min records per second for each partition
     */
    public static <K, V> InputDStream<ConsumerRecord<K, V>> createDirectStream(StreamingContext ssc,
                                                                               LocationStrategy locationStrategy,
                                                                               ConsumerStrategy<K, V> consumerStrategy,
                                                                               PerPartitionConfig perPartitionConfig) {
        requireStreamingContext(ssc);
        if (consumerStrategy == null) {
            throw new IllegalArgumentException("createDirectStream needs a ConsumerStrategy, but it was null:"
                    + " use ConsumerStrategies.Subscribe, SubscribePattern or Assign");
        }
        if (perPartitionConfig == null) {
            throw new IllegalArgumentException("createDirectStream needs a PerPartitionConfig, but it was null");
        }
        if (locationStrategy == null) {
            throw new IllegalArgumentException("createDirectStream needs a LocationStrategy, but it was null:"
                    + " use LocationStrategies.PreferConsistent()");
        }
        if (consumerStrategy instanceof UpFrontCheck) {
            ((UpFrontCheck) consumerStrategy).validate();
        }
        return new DirectKafkaInputDStream<>(ssc, locationStrategy.placementPolicy(), consumerStrategy, perPartitionConfig);
    }

    /**
     * Java variant of {@link #createDirectStream(StreamingContext, LocationStrategy, ConsumerStrategy)}.
     *
     * @return the stream; {@code stream.inputDStream()} implements {@link CanCommitOffsets}
     */
    public static <K, V> JavaInputDStream<ConsumerRecord<K, V>> createDirectStream(JavaStreamingContext jssc,
                                                                                   LocationStrategy locationStrategy,
                                                                                   ConsumerStrategy<K, V> consumerStrategy) {
        requireJavaStreamingContext(jssc);
        return new JavaInputDStream<>(createDirectStream(jssc.ssc(), locationStrategy, consumerStrategy),
                ScalaInterop.classTag(ConsumerRecord.class));
    }

    /**
     * Java variant of {@link #createDirectStream(StreamingContext, LocationStrategy, ConsumerStrategy, PerPartitionConfig)}.
     */
    public static <K, V> JavaInputDStream<ConsumerRecord<K, V>> createDirectStream(JavaStreamingContext jssc,
                                                                                   LocationStrategy locationStrategy,
                                                                                   ConsumerStrategy<K, V> consumerStrategy,
                                                                                   PerPartitionConfig perPartitionConfig) {
        requireJavaStreamingContext(jssc);
        return new JavaInputDStream<>(createDirectStream(jssc.ssc(), locationStrategy, consumerStrategy, perPartitionConfig),
                ScalaInterop.classTag(ConsumerRecord.class));
    }

    private static void requireStreamingContext(StreamingContext ssc) {
        if (ssc == null) {
            throw new IllegalArgumentException("createDirectStream needs a StreamingContext, but it was null");
        }
    }

    private static void requireJavaStreamingContext(JavaStreamingContext jssc) {
        if (jssc == null) {
            throw new IllegalArgumentException("createDirectStream needs a JavaStreamingContext, but it was null");
        }
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
