package dev.kafkadirect.examples.demo;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.streaming.kafka010.PerPartitionConfig;
import scala.Tuple2;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Counts the words of a topic with a direct stream until it has read everything the topic held when the
 * job started, committing each batch's offsets with {@code commitAsync} after its counts are merged, so a
 * rerun continues where the last one stopped. Each batch reads at most {@code maxRecordsPerPartition}
 * records per partition (a rate limit), so a backlog is worked through in several batches.
 */
public final class WordCountJob {
    private static final long BATCH_MILLIS = 500;
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
     * @param onBatch told about each non-empty batch after its counts are merged
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
        Map<TopicPartition, Long> target = endOffsets();
        Map<String, Long> totals = Collections.synchronizedMap(new TreeMap<>());
        Map<TopicPartition, Long> reached = new HashMap<>();
        CountDownLatch caughtUp = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        JavaStreamingContext ssc = new JavaStreamingContext(sparkContext, Durations.milliseconds(BATCH_MILLIS));
        try {
            JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                    LocationStrategies.PreferConsistent(),
                    ConsumerStrategies.<String, String>Subscribe(List.of(topic), kafkaParams),
                    new RecordsPerBatch(maxRecordsPerPartition, BATCH_MILLIS));
            stream.foreachRDD(rdd -> {
                OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
                long records = Arrays.stream(offsetRanges).mapToLong(OffsetRange::count).sum();
                if (records > 0) {
                    Map<String, Long> counts = rdd
                            .flatMap(record -> Arrays.asList(record.value().split("\\s+")).iterator())
                            .filter(word -> !word.isEmpty())
                            .mapToPair(word -> new Tuple2<>(word, 1L))
                            .reduceByKey(Long::sum)
                            .collectAsMap();
                    counts.forEach((word, count) -> totals.merge(word, count, Long::sum));
                    long lag = 0;
                    for (OffsetRange range : offsetRanges) {
                        reached.put(range.topicPartition(), range.untilOffset());
                        lag += Math.max(0, target.getOrDefault(range.topicPartition(), 0L) - range.untilOffset());
                    }
                    onBatch.accept(new BatchReport(batches.incrementAndGet(), Arrays.asList(offsetRanges), records, lag));
                }
                // After the outputs (the merged counts) are stored.
                ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
                if (target.entrySet().stream().allMatch(end -> reached.getOrDefault(end.getKey(), 0L) >= end.getValue())) {
                    caughtUp.countDown();
                }
            });
            ssc.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            // Waiting on the context, not only the latch: a failed batch ends the wait with its error.
            while (!caughtUp.await(0, TimeUnit.MILLISECONDS)) {
                if (ssc.awaitTerminationOrTimeout(200)) {
                    throw new IllegalStateException("The streaming context stopped before the word count caught up");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("The word count did not catch up with " + target + " within 10 minutes");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while counting words", e);
        } finally {
            // Graceful: the offsets requested by the last batch are committed before the consumer closes.
            ssc.stop(false, true);
        }
        return new TreeMap<>(totals);
    }

    private Map<TopicPartition, Long> endOffsets() {
        Map<String, Object> probeParams = new HashMap<>(kafkaParams);
        probeParams.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, String> probe = new KafkaConsumer<>(probeParams)) {
            List<PartitionInfo> infos = probe.partitionsFor(topic, DRIVER_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("Topic " + topic + " does not exist or has no partitions");
            }
            return probe.endOffsets(infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList()), DRIVER_TIMEOUT);
        }
    }

    /** A rate limit that lets each batch read at most a fixed number of records per partition. */
    private static final class RecordsPerBatch extends PerPartitionConfig {
        private static final long serialVersionUID = 1L;
        private final long recordsPerSecond;

        RecordsPerBatch(long recordsPerBatch, long batchMillis) {
            this.recordsPerSecond = recordsPerBatch * 1000 / batchMillis;
        }

        @Override
        public long maxRatePerPartition(TopicPartition topicPartition) {
            return recordsPerSecond;
        }
    }
}
