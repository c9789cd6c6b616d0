package dev.kafkadirect.internal.journal;

import dev.kafkadirect.testing.ChildDriverSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What both versions of the journal test's application share (the parts a new build keeps): the context,
 * the stream with the offset journal on, and the output files. The versions differ in their own classes,
 * which is what makes the old checkpoint unreadable for the new build.
 */
final class JournalAppSupport {
    private JournalAppSupport() {
    }

    /** Arguments: bootstrap servers, topic, checkpoint directory, journal directory, output directory. */
    static JavaInputDStream<ConsumerRecord<String, String>> createStream(JavaStreamingContext ssc, String[] args) {
        ssc.checkpoint(args[2]);
        Map<String, Object> kafkaParams = ChildDriverSettings.kafkaParams(args[0], "journal-app");
        kafkaParams.put("dev.kafkadirect.offsetJournal", args[3]);
        return KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(Collections.singletonList(args[1]), kafkaParams));
    }

    static JavaStreamingContext newContext(String appName) {
        return ChildDriverSettings.streamingContext(appName);
    }

    /** Writes the batch's ranges and records to {@code <version>-batch-<time>-<uuid>.txt}, atomically. */
    static void writeBatch(JavaRDD<ConsumerRecord<String, String>> rdd, Time time, String outputDir, String version)
            throws IOException {
        OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
        List<String> lines = new ArrayList<>();
        for (OffsetRange range : offsetRanges) {
            lines.add("range " + range.topic() + " " + range.partition() + " " + range.fromOffset() + " " + range.untilOffset());
        }
        lines.addAll(rdd.map(record -> "record " + record.value()).collect());
        Path out = Paths.get(outputDir);
        Path temporary = out.resolve(".tmp-" + UUID.randomUUID());
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, out.resolve(version + "-batch-" + time.milliseconds() + "-" + UUID.randomUUID() + ".txt"),
                StandardCopyOption.ATOMIC_MOVE);
    }

    static void run(JavaStreamingContext ssc) throws InterruptedException {
        ssc.start();
        System.out.println("STARTED");
        ssc.awaitTermination();
    }
}
