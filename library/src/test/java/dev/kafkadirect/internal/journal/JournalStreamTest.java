package dev.kafkadirect.internal.journal;

import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A stream with the offset journal on: what it records after completed and after failed batches. */
class JournalStreamTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    static final Map<TopicPartition, Long> FAILED_BATCH_START = new ConcurrentHashMap<>();
    static final Map<TopicPartition, Long> FIRST_RANGE_STARTS = new ConcurrentHashMap<>();

    private JavaStreamingContext ssc;

    @AfterEach
    void stopStreaming() {
        if (ssc != null) {
            ssc.stop(true, false);
        }
        SEEN.clear();
        FAILED_BATCH_START.clear();
        FIRST_RANGE_STARTS.clear();
    }

    @Test
    void theJournalHoldsTheEndOffsetsOfTheLastCompletedBatch(KafkaCluster kafka, @TempDir Path journal) {
        kafka.createTopic("journal-complete", 2);
        kafka.produce(400, i -> new ProducerRecord<>("journal-complete", i % 2, null, "v" + i));
        JavaInputDStream<ConsumerRecord<String, String>> stream = journaledStream(kafka, "journal-complete", journal);
        stream.foreachRDD(rdd -> SEEN.addAll(rdd.map(ConsumerRecord::value).collect()));
        ssc.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(latest(journal).map(JournalEntry::offsets))
                .contains(kafka.endOffsets("journal-complete")));
        assertThat(SEEN).hasSize(400);
    }

    @Test
    void afterAFailedBatchTheJournalStaysAtTheBatchBeforeIt(KafkaCluster kafka, @TempDir Path journal) {
        kafka.createTopic("journal-failed", 2);
        // 200 records per batch (maxRatePerPartition 200, 0.5 s batches, 2 partitions): v250 is in the second batch.
        kafka.produce(1000, i -> new ProducerRecord<>("journal-failed", i % 2, null, "v" + i));
        JavaInputDStream<ConsumerRecord<String, String>> stream = journaledStream(kafka, "journal-failed", journal);
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            List<String> values = rdd.map(ConsumerRecord::value).collect();
            if (values.contains("v250")) {
                for (OffsetRange range : offsetRanges) {
                    FAILED_BATCH_START.put(range.topicPartition(), range.fromOffset());
                }
                throw new IllegalStateException("injected: the batch holding v250 fails");
            }
            SEEN.addAll(values);
        });
        ssc.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.contains("v999") && SEEN.contains("v998"));
        assertThat(FAILED_BATCH_START).isNotEmpty();
        assertThat(latest(journal).map(JournalEntry::offsets)).contains(FAILED_BATCH_START);
    }

    @Test
    void aNewBuildReadingFewerTopicsResumesTheJournalledPartitionsItStillReads(KafkaCluster kafka, @TempDir Path journal) {
        kafka.createTopic("journal-v1-only", 2);
        kafka.createTopic("journal-kept", 2);
        kafka.produce(100, i -> new ProducerRecord<>("journal-v1-only", i % 2, null, "a" + i));
        kafka.produce(100, i -> new ProducerRecord<>("journal-kept", i % 2, null, "old" + i));
        runFirstBuild(kafka, journal, "journal-v1-only", "journal-kept");
        kafka.produce(40, i -> new ProducerRecord<>("journal-kept", i % 2, null, "new" + i));

        recordRangesAndValues(journaledStream(kafka, "journal-upgrade-fewer", journal, "journal-kept"));
        ssc.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 40);
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(numbered("new", 40));
        assertThat(FIRST_RANGE_STARTS).containsOnly(Map.entry(new TopicPartition("journal-kept", 0), 50L),
                Map.entry(new TopicPartition("journal-kept", 1), 50L));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(latest(journal).map(JournalEntry::offsets))
                .contains(kafka.endOffsets("journal-kept")));
    }

    @Test
    void aTopicNewInTheNewBuildStartsWhereTheStrategySaysWhileJournalledOnesResume(KafkaCluster kafka,
                                                                                    @TempDir Path journal) {
        kafka.createTopic("journal-resumed", 2);
        kafka.createTopic("journal-added", 2);
        kafka.produce(100, i -> new ProducerRecord<>("journal-resumed", i % 2, null, "old" + i));
        runFirstBuild(kafka, journal, "journal-resumed");
        kafka.produce(40, i -> new ProducerRecord<>("journal-resumed", i % 2, null, "new" + i));
        kafka.produce(30, i -> new ProducerRecord<>("journal-added", i % 2, null, "added" + i));

        recordRangesAndValues(journaledStream(kafka, "journal-upgrade-more", journal, "journal-resumed", "journal-added"));
        ssc.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 70);
        List<String> expected = new ArrayList<>(numbered("new", 40));
        expected.addAll(numbered("added", 30));
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(expected);
        // The journalled topic resumes after the first build's last batch; the new one from auto.offset.reset=earliest.
        assertThat(FIRST_RANGE_STARTS).containsOnly(Map.entry(new TopicPartition("journal-resumed", 0), 50L),
                Map.entry(new TopicPartition("journal-resumed", 1), 50L),
                Map.entry(new TopicPartition("journal-added", 0), 0L),
                Map.entry(new TopicPartition("journal-added", 1), 0L));
    }

    /** Runs the old build over these topics until its journal holds their end offsets, then stops it. */
    private void runFirstBuild(KafkaCluster kafka, Path journal, String... topics) {
        journaledStream(kafka, "journal-first-build-" + topics[0], journal, topics).foreachRDD(rdd -> rdd.count());
        ssc.start();
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (String topic : topics) {
            ends.putAll(kafka.endOffsets(topic));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(latest(journal).map(JournalEntry::offsets))
                .contains(ends));
        ssc.stop(true, true);
        ssc = null;
    }

    /** Collects every value, and the start offset of each partition's first range. */
    private static void recordRangesAndValues(JavaInputDStream<ConsumerRecord<String, String>> stream) {
        stream.foreachRDD(rdd -> {
            for (OffsetRange range : ((HasOffsetRanges) rdd.rdd()).offsetRanges()) {
                FIRST_RANGE_STARTS.putIfAbsent(range.topicPartition(), range.fromOffset());
            }
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
        });
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(prefix + i);
        }
        return values;
    }

    private JavaInputDStream<ConsumerRecord<String, String>> journaledStream(KafkaCluster kafka, String topic, Path journal) {
        return journaledStream(kafka, topic, journal, topic);
    }

    private JavaInputDStream<ConsumerRecord<String, String>> journaledStream(KafkaCluster kafka, String groupId,
                                                                            Path journal, String... topics) {
        ssc = JournalAppSupport.newContext("JournalStreamTest");
        Map<String, Object> kafkaParams = new HashMap<>(kafka.stringConsumerConfig(groupId));
        kafkaParams.put("dev.kafkadirect.offsetJournal", journal.toString());
        return KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of(topics), kafkaParams));
    }

    private static Optional<JournalEntry> latest(Path journal) {
        return new OffsetJournal(journal.toString()).latest(new Configuration());
    }
}
