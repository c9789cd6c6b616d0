package dev.kafkadirect.examples.demo;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import scala.Tuple2;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Counts the words of a topic batch by batch until it has caught up with the latest offsets, committing
 * each batch's offsets to the consumer group after its counts are merged, so a rerun continues where
 * the last one stopped.
 *
 * <p>Each batch is planned on the driver (from the committed position to the latest offset, at most
 * {@code maxRecordsPerPartition} per partition), read with {@link KafkaUtils#createRDD}, counted with
 * Spark and committed. The direct stream issue replaces this loop with {@code createDirectStream} and
 * {@code commitAsync}.
 */
public final class WordCountJob {
    private static final Duration DRIVER_TIMEOUT = Duration.ofSeconds(60);

    private final JavaSparkContext sparkContext;
    private final Map<String, Object> kafkaParams;
    private final String topic;
    private final long maxRecordsPerPartition;
    private final Consumer<BatchReport> onBatch;

    /**
     * @param sparkContext Spark
     * @param kafkaParams consumer settings including {@code group.id} (offsets are committed there)
     * @param topic the topic to count
     * @param maxRecordsPerPartition the largest range per partition in one batch
     * @param onBatch told about each batch after its offsets are committed
     */
    public WordCountJob(JavaSparkContext sparkContext, Map<String, Object> kafkaParams, String topic,
                        long maxRecordsPerPartition, Consumer<BatchReport> onBatch) {
        if (!kafkaParams.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            throw new IllegalArgumentException("The word count commits offsets: kafkaParams must set group.id");
        }
        if (maxRecordsPerPartition < 1) {
            throw new IllegalArgumentException("maxRecordsPerPartition must be >= 1 but was " + maxRecordsPerPartition);
        }
        this.sparkContext = sparkContext;
        this.kafkaParams = new HashMap<>(kafkaParams);
        this.topic = topic;
        this.maxRecordsPerPartition = maxRecordsPerPartition;
        this.onBatch = onBatch;
    }

    /** @return the count of every word read, in alphabetical order */
    public Map<String, Long> runUntilCaughtUp() {
        Map<String, Long> totals = new TreeMap<>();
        try (KafkaConsumer<String, String> driver = new KafkaConsumer<>(kafkaParams)) {
            List<TopicPartition> partitions = partitionsOf(driver);
            Map<TopicPartition, Long> position = startingOffsets(driver, partitions);
            for (int batch = 1; ; batch++) {
                Map<TopicPartition, Long> latest = driver.endOffsets(partitions, DRIVER_TIMEOUT);
                OffsetRange[] planned = plan(partitions, position, latest);
                if (Arrays.stream(planned).allMatch(range -> range.count() == 0)) {
                    return totals;
                }
                JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(
                        sparkContext, kafkaParams, planned, LocationStrategies.PreferConsistent());
                OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
                Map<String, Long> counts = rdd
                        .flatMap(record -> Arrays.asList(record.value().split("\\s+")).iterator())
                        .filter(word -> !word.isEmpty())
                        .mapToPair(word -> new Tuple2<>(word, 1L))
                        .reduceByKey(Long::sum)
                        .collectAsMap();
                counts.forEach((word, count) -> totals.merge(word, count, Long::sum));
                commit(driver, offsetRanges);
                long records = 0;
                long lag = 0;
                for (OffsetRange range : offsetRanges) {
                    records += range.count();
                    lag += latest.get(range.topicPartition()) - range.untilOffset();
                    position.put(range.topicPartition(), range.untilOffset());
                }
                onBatch.accept(new BatchReport(batch, Arrays.asList(offsetRanges), records, lag));
            }
        }
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<String, String> driver) {
        List<PartitionInfo> infos = driver.partitionsFor(topic, DRIVER_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("Topic " + topic + " does not exist or has no partitions");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                .collect(Collectors.toList());
    }

    private static Map<TopicPartition, Long> startingOffsets(KafkaConsumer<String, String> driver,
                                                             List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = driver.committed(new java.util.HashSet<>(partitions), DRIVER_TIMEOUT);
        Map<TopicPartition, Long> earliest = driver.beginningOffsets(partitions, DRIVER_TIMEOUT);
        Map<TopicPartition, Long> position = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            position.put(partition, offset != null ? offset.offset() : earliest.get(partition));
        }
        return position;
    }

    private OffsetRange[] plan(List<TopicPartition> partitions, Map<TopicPartition, Long> position,
                               Map<TopicPartition, Long> latest) {
        List<OffsetRange> ranges = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            long from = position.get(partition);
            long until = Math.min(latest.get(partition), from + maxRecordsPerPartition);
            ranges.add(OffsetRange.create(partition, from, Math.max(from, until)));
        }
        return ranges.toArray(new OffsetRange[0]);
    }

    private static void commit(KafkaConsumer<String, String> driver, OffsetRange[] offsetRanges) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (OffsetRange range : offsetRanges) {
            offsets.put(range.topicPartition(), new OffsetAndMetadata(range.untilOffset()));
        }
        driver.commitSync(offsets, DRIVER_TIMEOUT);
    }
}
