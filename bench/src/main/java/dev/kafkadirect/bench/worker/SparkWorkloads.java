package dev.kafkadirect.bench.worker;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchSubmitted;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Spark workloads, written only against the guide's public API, so that the same bytecode runs with
 * our module or Apache's on the classpath.
 */
final class SparkWorkloads {
    /** The pause between two measured plans, standing for the batch interval. */
    private static final long BETWEEN_PLANS_MILLIS = 200;
    /**
     * Plans made back to back before the measured ones, so that the planning code runs compiled: after 9 plans at
     * 5,000 partitions both modules took ~41 ms a plan, after 60 ~22 and ~27 ms (JIT still compiling).
     */
    private static final int WARM_UP_PLANS = 40;
    /** The local properties Spark reads a call site from (its {@code CallSite.SHORT_FORM} and {@code LONG_FORM}). */
    private static final String CALL_SITE_SHORT = "callSite.short";
    private static final String CALL_SITE_LONG = "callSite.long";
    private static final RecordWork BARE_READ = RecordWork.parse("none");
    private final JavaSparkContext spark;
    private final String bootstrapServers;

    SparkWorkloads(JavaSparkContext spark, String bootstrapServers) {
        this.spark = spark;
        this.bootstrapServers = bootstrapServers;
    }

    /** createRDD over whole partitions: count and sum of value sizes in one pass, doing {@code work} per record. */
    ReadTotals scan(String topic, RecordWork work) {
        Map<TopicPartition, Long> end = Topics.endOffsets(bootstrapServers, topic);
        List<OffsetRange> ranges = new ArrayList<>();
        end.forEach((partition, offset) -> ranges.add(OffsetRange.create(partition, 0, offset)));
        return totalsOf(rdd(ranges.toArray(new OffsetRange[0])), work);
    }

    /** The same partitions read in consecutive createRDD batches, as a stream would: the consumer cache at work. */
    ReadTotals inBatches(String topic, int batches) {
        Map<TopicPartition, Long> end = Topics.endOffsets(bootstrapServers, topic);
        ReadTotals totals = new ReadTotals(0, 0);
        for (int batch = 0; batch < batches; batch++) {
            List<OffsetRange> ranges = new ArrayList<>();
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                long from = partition.getValue() * batch / batches;
                long until = partition.getValue() * (batch + 1) / batches;
                ranges.add(OffsetRange.create(partition.getKey(), from, until));
            }
            totals = totals.plus(totalsOf(rdd(ranges.toArray(new OffsetRange[0])), BARE_READ));
        }
        return totals;
    }

    private JavaRDD<ConsumerRecord<byte[], byte[]>> rdd(OffsetRange[] ranges) {
        return KafkaUtils.createRDD(spark, Topics.consumerParams(bootstrapServers, "bench-rdd"), ranges,
                LocationStrategies.PreferConsistent());
    }

    private static ReadTotals totalsOf(JavaRDD<ConsumerRecord<byte[], byte[]>> rdd, RecordWork work) {
        return rdd.mapPartitions(records -> Collections.singletonList(work.consume(records)).iterator())
                .fold(new ReadTotals(0, 0), ReadTotals::plus);
    }

    /**
     * A direct stream draining a backlog, timed from the first batch's submission (a StreamingListener: not
     * the wait for the first batch boundary after {@code start()}) to the moment its last record is counted.
     * The batch interval, and the rate limit (Spark's maxRatePerPartition, set in the worker's SparkConf),
     * decide whether the backlog drains in one batch or in many, where the cost of each batch counts.
     */
    Timed catchUp(String topic, long expectedRecords, String groupId, long batchMillis) throws InterruptedException {
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(batchMillis));
        AtomicLong seen = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong firstSubmitted = new AtomicLong();
        AtomicLong lastRecord = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        try {
            JavaInputDStream<ConsumerRecord<byte[], byte[]>> stream = KafkaUtils.createDirectStream(ssc,
                    LocationStrategies.PreferConsistent(), ConsumerStrategies.<byte[], byte[]>Subscribe(
                            Collections.singletonList(topic), Topics.consumerParams(bootstrapServers, groupId)));
            stream.foreachRDD(rdd -> {
                ReadTotals batch = totalsOf(rdd, BARE_READ);
                bytes.addAndGet(batch.valueBytes);
                if (seen.addAndGet(batch.records) >= expectedRecords && lastRecord.compareAndSet(0, System.nanoTime())) {
                    done.countDown();
                }
            });
            ssc.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchSubmitted(StreamingListenerBatchSubmitted submitted) {
                    firstSubmitted.compareAndSet(0, System.nanoTime());
                }
            });
            ssc.start();
            while (!done.await(200, TimeUnit.MILLISECONDS)) {
                if (ssc.awaitTerminationOrTimeout(1)) {
                    throw new IllegalStateException("the stream stopped before it caught up; its error is in the log above");
                }
            }
            return Timed.fromListenerStart(new ReadTotals(seen.get(), bytes.get()), firstSubmitted, lastRecord.get());
        } finally {
            ssc.stop(false, false);
        }
    }

    /**
     * The driver's work per batch, warm: a stream on the topic with a batch interval too long to fire, whose
     * {@code compute} is called directly (with Spark's call site set, as a stream's batch has it),
     * {@value #WARM_UP_PLANS} times back to back to warm up, then {@code plans} times 200 ms apart, measured.
     *
     * @return the median milliseconds of {@code plans} calls
     */
    double planMillis(String topic, int plans, String groupId) throws InterruptedException {
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.seconds(3600));
        try {
            JavaInputDStream<ConsumerRecord<byte[], byte[]>> stream = KafkaUtils.createDirectStream(ssc,
                    LocationStrategies.PreferConsistent(), ConsumerStrategies.<byte[], byte[]>Subscribe(
                            Collections.singletonList(topic), Topics.consumerParams(bootstrapServers, groupId)));
            stream.foreachRDD(rdd -> { });
            ssc.start();
            // A stream's batch sets Spark's call site before compute (DStream.getOrCompute); calling compute directly,
            // each RDD made would walk the stack to find one, work no stream's planning does.
            spark.setLocalProperty(CALL_SITE_SHORT, "kafka-direct bench: planning");
            spark.setLocalProperty(CALL_SITE_LONG, "kafka-direct bench: planning");
            long base = System.currentTimeMillis();
            for (int i = 0; i < WARM_UP_PLANS; i++) {
                stream.inputDStream().compute(new Time(base + i * 1000L));
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 1; i <= plans; i++) {
                long start = System.nanoTime();
                stream.inputDStream().compute(new Time(base + (WARM_UP_PLANS + i) * 1000L));
                millis.add((System.nanoTime() - start) / 1e6);
                // Batches are apart in a real stream: work a module does between batches is not planning time.
                Thread.sleep(BETWEEN_PLANS_MILLIS);
            }
            Collections.sort(millis);
            return millis.get(millis.size() / 2);
        } finally {
            spark.setLocalProperty(CALL_SITE_SHORT, null);
            spark.setLocalProperty(CALL_SITE_LONG, null);
            ssc.stop(false, false);
        }
    }
}
