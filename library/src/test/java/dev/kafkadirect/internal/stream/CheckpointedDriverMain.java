package dev.kafkadirect.internal.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A streaming driver for recovery tests, run as its own JVM: it recovers from its checkpoint when there
 * is one, and writes each batch's ranges and records to a file named for the batch time.
 *
 * <p>Arguments: bootstrap servers, topic, checkpoint directory, output directory.
 */
public final class CheckpointedDriverMain {
    private CheckpointedDriverMain() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrapServers = args[0];
        String topic = args[1];
        String checkpointDir = args[2];
        String outputDir = args[3];
        JavaStreamingContext ssc = JavaStreamingContext.getOrCreate(checkpointDir,
                () -> create(bootstrapServers, topic, checkpointDir, outputDir));
        ssc.start();
        System.out.println("STARTED");
        ssc.awaitTermination();
    }

    private static JavaStreamingContext create(String bootstrapServers, String topic, String checkpointDir,
                                               String outputDir) {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("CheckpointedDriverMain")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.streaming.kafka.maxRatePerPartition", "200");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.milliseconds(500));
        ssc.checkpoint(checkpointDir);
        Map<String, Object> kafkaParams = new HashMap<>();
        kafkaParams.put("bootstrap.servers", bootstrapServers);
        kafkaParams.put("key.deserializer", StringDeserializer.class);
        kafkaParams.put("value.deserializer", StringDeserializer.class);
        kafkaParams.put("group.id", "checkpointed-driver");
        kafkaParams.put("auto.offset.reset", "earliest");
        kafkaParams.put("enable.auto.commit", false);
        // The killed driver's group membership expires after this, and the restarted one takes over.
        kafkaParams.put("session.timeout.ms", 6000);
        kafkaParams.put("heartbeat.interval.ms", 2000);
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of(topic), kafkaParams));
        stream.foreachRDD((rdd, time) -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            List<String> lines = new ArrayList<>();
            for (OffsetRange range : offsetRanges) {
                lines.add("range " + range.topic() + " " + range.partition() + " " + range.fromOffset() + " "
                        + range.untilOffset());
            }
            lines.addAll(rdd.map(record -> "record " + record.partition() + " " + record.offset() + " " + record.value())
                    .collect());
            Path out = Paths.get(outputDir);
            Path temporary = out.resolve(".tmp-" + UUID.randomUUID());
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, out.resolve("batch-" + time.milliseconds() + "-" + UUID.randomUUID() + ".txt"),
                    StandardCopyOption.ATOMIC_MOVE);
        });
        return ssc;
    }
}
