package dev.kafkadirect.examples.submit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A streaming job for spark-submit: a direct stream over a topic that stores its offsets in Kafka itself
 * with {@code commitAsync} after each batch (the guide's "Kafka itself" way), so a rerun with the same
 * group id continues where this one stopped. It runs until it has read, and Kafka has confirmed as
 * committed, everything the topic held when it started; then it prints and writes what it read.
 * Each batch's values are collected to the driver to count distinct values: meant for test-sized topics.
 *
 * <pre>{@code spark-submit --class dev.kafkadirect.examples.submit.CommitAsyncApp kafka-direct-examples-<version>-app.jar \
 *     <bootstrap.servers> <topic> <group.id> <result file> [<consumer properties file>]}</pre>
 *
 * <p>The optional properties file adds consumer settings, such as the security ones.
 */
public final class CommitAsyncApp {
    private static final long TIMEOUT_MINUTES = 10;

    private CommitAsyncApp() {
    }

    /**
     * @param args bootstrap servers, topic, group id, result file, and optionally a consumer properties file
     * @throws InterruptedException when interrupted while waiting for the stream
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: CommitAsyncApp <bootstrap.servers> <topic> <group.id> <result file>"
                    + " [<consumer properties file>]");
            System.exit(2);
        }
        Map<String, Object> kafkaParams = new HashMap<>();
        kafkaParams.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        kafkaParams.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        kafkaParams.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        kafkaParams.put(ConsumerConfig.GROUP_ID_CONFIG, args[2]);
        kafkaParams.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        kafkaParams.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (args.length == 5) {
            ClientProperties.addTo(kafkaParams, args[4]);
        }
        String topic = args[1];
        Path result = Paths.get(args[3]);

        Map<TopicPartition, Long> target = TopicOffsets.endOffsets(kafkaParams, topic);
        StreamProgress progress = new StreamProgress(target);
        JavaStreamingContext ssc = new JavaStreamingContext(new SparkConf().setAppName("kafka-direct-commit-async"),
                Durations.seconds(1));
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of(topic), kafkaParams));
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            progress.read(rdd.map(new RecordValue()).collect());
            // Output done: ask Kafka to store the batch's end offsets (sent with the next batch's planning).
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges, progress);
        });
        ssc.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        while (!progress.committedUpToTarget()) {
            // Waiting on the context too: a failed batch ends the wait with its error.
            if (ssc.awaitTerminationOrTimeout(200)) {
                throw new IllegalStateException("The stream stopped before reading and committing " + target);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("The stream did not read and commit " + target + " within "
                        + TIMEOUT_MINUTES + " minutes; last commit error: " + progress.commitFailure());
            }
        }
        ssc.stop(true, true);
        System.out.printf("Topic %s: read %,d records (%,d distinct values); committed offsets %s for group %s%n",
                topic, progress.records(), progress.distinct(), progress.committedOffsets(), args[2]);
        ResultFile.write(result, Map.of("records", String.valueOf(progress.records()),
                "distinct", String.valueOf(progress.distinct()), "committed", progress.committedOffsets()));
    }
}
