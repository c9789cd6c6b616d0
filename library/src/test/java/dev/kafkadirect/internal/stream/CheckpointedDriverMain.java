package dev.kafkadirect.internal.stream;

import dev.kafkadirect.testing.ChildDriverSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
        JavaStreamingContext ssc = ChildDriverSettings.streamingContext("CheckpointedDriverMain");
        ssc.checkpoint(checkpointDir);
        Map<String, Object> kafkaParams = ChildDriverSettings.kafkaParams(bootstrapServers, "checkpointed-driver");
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
