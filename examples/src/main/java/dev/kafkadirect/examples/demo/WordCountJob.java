package dev.kafkadirect.examples.demo;

import dev.kafkadirect.offsets.JdbcOffsetStore;
import dev.kafkadirect.offsets.OffsetStoreStrategies;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.streaming.kafka010.PerPartitionConfig;
import scala.Tuple2;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Counts the words of a topic exactly once with a direct stream, until it has read everything the topic
 * held when the job started. Each batch's counts are added to a database table in the same transaction
 * that moves the stream's offsets in a {@link JdbcOffsetStore}, and the stream starts where the store says,
 * so a rerun (or a crash and restart) continues where the last committed batch ended and no record is
 * counted twice. Each batch reads at most {@code maxRecordsPerPartition} records per partition (a rate
 * limit), so a backlog is worked through in several batches.
 */
public final class WordCountJob {
    private static final long BATCH_MILLIS = 500;
    private static final Duration DRIVER_TIMEOUT = Duration.ofSeconds(60);

    private final JavaSparkContext sparkContext;
    private final Map<String, Object> kafkaParams;
    private final String topic;
    private final long maxRecordsPerPartition;
    private final JdbcOffsetStore store;
    private final String streamId;
    private final Consumer<BatchReport> onBatch;

    /**
     * @param sparkContext Spark
     * @param kafkaParams consumer settings including {@code group.id}
     * @param topic the topic to count
     * @param maxRecordsPerPartition the largest range per partition in one batch
     * @param store where offsets (and, in the same database, the counts) are stored
     * @param streamId the name of this count's offsets and totals in the database
     * @param onBatch told about each non-empty batch after its counts are committed
     */
    public WordCountJob(JavaSparkContext sparkContext, Map<String, Object> kafkaParams, String topic,
                        long maxRecordsPerPartition, JdbcOffsetStore store, String streamId,
                        Consumer<BatchReport> onBatch) {
        if (!kafkaParams.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            throw new IllegalArgumentException("The word count subscribes to its topic: kafkaParams must set group.id");
        }
        if (maxRecordsPerPartition < 1) {
            throw new IllegalArgumentException("maxRecordsPerPartition must be >= 1 but was " + maxRecordsPerPartition);
        }
        this.sparkContext = sparkContext;
        this.kafkaParams = new HashMap<>(kafkaParams);
        this.topic = topic;
        this.maxRecordsPerPartition = maxRecordsPerPartition;
        this.store = store;
        this.streamId = streamId;
        this.onBatch = onBatch;
    }

    /** @return the stored count of every word this stream has read, in alphabetical order */
    public Map<String, Long> runUntilCaughtUp() {
        Map<TopicPartition, Long> target = endOffsets();
        try (Connection connection = store.connect()) {
            WordCountTable.createIfAbsent(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the word count table in " + store + ": " + e.getMessage(), e);
        }
        Map<TopicPartition, Long> reached = new HashMap<>(store.load(streamId));
        CountDownLatch caughtUp = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        JavaStreamingContext ssc = new JavaStreamingContext(sparkContext, Durations.milliseconds(BATCH_MILLIS));
        try {
            JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                    LocationStrategies.PreferConsistent(),
                    OffsetStoreStrategies.<String, String>subscribe(store, streamId, List.of(topic), kafkaParams),
                    new RecordsPerBatch(maxRecordsPerPartition, BATCH_MILLIS));
            stream.foreachRDD(rdd -> {
                OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
                long records = Arrays.stream(offsetRanges).mapToLong(OffsetRange::count).sum();
                if (records > 0) {
                    Map<String, Long> counts = new HashMap<>(rdd
                            .flatMap(record -> Arrays.asList(record.value().split("\\s+")).iterator())
                            .filter(word -> !word.isEmpty())
                            .mapToPair(word -> new Tuple2<>(word, 1L))
                            .reduceByKey(Long::sum)
                            .collectAsMap());
                    // Counts and offsets in one transaction: both are stored, or neither.
                    store.runInTransaction(streamId, offsetRanges,
                            connection -> WordCountTable.add(connection, streamId, counts));
                    long lag = 0;
                    for (OffsetRange range : offsetRanges) {
                        lag += Math.max(0, target.getOrDefault(range.topicPartition(), 0L) - range.untilOffset());
                    }
                    onBatch.accept(new BatchReport(batches.incrementAndGet(), Arrays.asList(offsetRanges), records, lag));
                }
                for (OffsetRange range : offsetRanges) {
                    reached.put(range.topicPartition(), range.untilOffset());
                }
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
            ssc.stop(false, true);
        }
        try (Connection connection = store.connect()) {
            return WordCountTable.totals(connection, streamId);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the word counts from " + store + ": " + e.getMessage(), e);
        }
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
