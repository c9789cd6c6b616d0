package dev.kafkadirect.examples.submit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A batch job for spark-submit: reads everything a topic holds with {@code KafkaUtils.createRDD} (one offset
 * range per partition, from its first to its end offset), counts the records and their distinct values,
 * prints the counts and writes them to a result file.
 *
 * <pre>{@code spark-submit --class dev.kafkadirect.examples.submit.TopicCountApp kafka-direct-examples-<version>-app.jar \
 *     <bootstrap.servers> <topic> <result file> [<consumer properties file>]}</pre>
 *
 * <p>The optional properties file adds consumer settings, such as the security ones.
 */
public final class TopicCountApp {
    private TopicCountApp() {
    }

    /** @param args bootstrap servers, topic, result file, and optionally a consumer properties file */
    public static void main(String[] args) {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: TopicCountApp <bootstrap.servers> <topic> <result file> [<consumer properties file>]");
            System.exit(2);
        }
        Map<String, Object> kafkaParams = new HashMap<>();
        kafkaParams.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        kafkaParams.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        kafkaParams.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        kafkaParams.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-direct-topic-count");
        if (args.length == 4) {
            ClientProperties.addTo(kafkaParams, args[3]);
        }
        String topic = args[1];
        Path result = Paths.get(args[2]);

        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("kafka-direct-topic-count"))) {
            OffsetRange[] offsetRanges = TopicOffsets.wholeTopic(kafkaParams, topic);
            JavaRDD<String> values = KafkaUtils.<String, String>createRDD(sc, kafkaParams, offsetRanges,
                    LocationStrategies.PreferConsistent()).map(new RecordValue());
            long records = values.count();
            long distinct = values.distinct().count();
            long planned = Arrays.stream(offsetRanges).mapToLong(OffsetRange::count).sum();
            System.out.printf("Topic %s: %,d records (%,d distinct values) in %d partitions%n", topic, records, distinct,
                    offsetRanges.length);
            ResultFile.write(result, Map.of("records", String.valueOf(records), "distinct", String.valueOf(distinct),
                    "planned", String.valueOf(planned), "partitions", String.valueOf(offsetRanges.length)));
        }
    }
}
