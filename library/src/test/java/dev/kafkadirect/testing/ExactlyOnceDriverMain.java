package dev.kafkadirect.testing;

import dev.kafkadirect.offsets.JdbcOffsetStore;
import dev.kafkadirect.offsets.OffsetStoreStrategies;
import dev.kafkadirect.sink.TransactionalKafkaSink;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.sql.PreparedStatement;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An exactly-once streaming driver for kill -9 tests, run as its own JVM without a Spark checkpoint: it
 * starts where its store says and runs until killed.
 *
 * <p>Arguments: {@code jdbc <bootstrap> <topic> <jdbcUrl>} stores each record's value in table {@code seen}
 * with the batch's offsets; {@code sink <bootstrap> <topic> <outputTopic>} copies records to the output
 * topic through the transactional sink, committing offsets to group {@code <topic>-group}.
 */
public final class ExactlyOnceDriverMain {
    private ExactlyOnceDriverMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String bootstrapServers = args[1];
        String topic = args[2];
        JavaStreamingContext ssc = ChildDriverSettings.streamingContext("ExactlyOnceDriverMain");
        Map<String, Object> kafkaParams = ChildDriverSettings.kafkaParams(bootstrapServers, topic + "-group");
        if (mode.equals("jdbc")) {
            storeInDatabase(ssc, topic, JdbcOffsetStore.create(args[3]), kafkaParams);
        } else {
            copyThroughSink(ssc, topic, args[3], kafkaParams);
        }
        ssc.start();
        System.out.println("STARTED");
        ssc.awaitTermination();
    }

    private static void storeInDatabase(JavaStreamingContext ssc, String topic, JdbcOffsetStore store,
                                        Map<String, Object> kafkaParams) {
        ConsumerStrategy<String, String> strategy =
                OffsetStoreStrategies.subscribe(store, topic, Collections.singletonList(topic), kafkaParams);
        JavaInputDStream<ConsumerRecord<String, String>> stream =
                KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(), strategy);
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            List<String> values = rdd.map(ConsumerRecord::value).collect();
            store.runInTransaction(topic, offsetRanges, connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO seen VALUES (?)")) {
                    for (String value : values) {
                        insert.setString(1, value);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
        });
    }

    private static void copyThroughSink(JavaStreamingContext ssc, String topic, String outputTopic,
                                        Map<String, Object> kafkaParams) {
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(Collections.singletonList(topic), kafkaParams));
        Map<String, Object> producerParams = new HashMap<>();
        producerParams.put("bootstrap.servers", kafkaParams.get("bootstrap.servers"));
        producerParams.put("key.serializer", StringSerializer.class);
        producerParams.put("value.serializer", StringSerializer.class);
        TransactionalKafkaSink<String, String> sink =
                TransactionalKafkaSink.create(producerParams, topic + "-group", topic + "-copier");
        sink.writeEachBatch(stream, record ->
                Collections.singletonList(new ProducerRecord<>(outputTopic, record.key(), record.value())));
    }
}
