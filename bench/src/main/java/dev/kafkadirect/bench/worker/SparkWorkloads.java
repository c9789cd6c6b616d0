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
    private final JavaSparkContext spark;
    private final String bootstrapServers;

    SparkWorkloads(JavaSparkContext spark, String bootstrapServers) {
        this.spark = spark;
        this.bootstrapServers = bootstrapServers;
    }

    /** createRDD over whole partitions: count and sum of value sizes in one pass. */
    ReadTotals scan(String topic) {
        Map<TopicPartition, Long> end = Topics.endOffsets(bootstrapServers, topic);
        List<OffsetRange> ranges = new ArrayList<>();
        end.forEach((partition, offset) -> ranges.add(OffsetRange.create(partition, 0, offset)));
        return read(ranges.toArray(new OffsetRange[0]));
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
            totals = totals.plus(read(ranges.toArray(new OffsetRange[0])));
        }
        return totals;
    }

    private ReadTotals read(OffsetRange[] ranges) {
        JavaRDD<ConsumerRecord<byte[], byte[]>> rdd = KafkaUtils.createRDD(spark,
                Topics.consumerParams(bootstrapServers, "bench-rdd"), ranges, LocationStrategies.PreferConsistent());
        return totalsOf(rdd);
    }

    private static ReadTotals totalsOf(JavaRDD<ConsumerRecord<byte[], byte[]>> rdd) {
        return rdd.mapPartitions(records -> {
            long count = 0;
            long bytes = 0;
            while (records.hasNext()) {
                count++;
                bytes += records.next().serializedValueSize();
            }
            return Collections.singletonList(new ReadTotals(count, bytes)).iterator();
        }).fold(new ReadTotals(0, 0), ReadTotals::plus);
    }

    /** A direct stream with 1 s batches draining a backlog: the time until every record was counted. */
    long catchUpNanos(String topic, long expectedRecords, String groupId) throws InterruptedException {
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.seconds(1));
        AtomicLong seen = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        try {
            JavaInputDStream<ConsumerRecord<byte[], byte[]>> stream = KafkaUtils.createDirectStream(ssc,
                    LocationStrategies.PreferConsistent(), ConsumerStrategies.<byte[], byte[]>Subscribe(
                            Collections.singletonList(topic), Topics.consumerParams(bootstrapServers, groupId)));
            stream.foreachRDD(rdd -> {
                if (seen.addAndGet(totalsOf(rdd).records) >= expectedRecords) {
                    done.countDown();
                }
            });
            long start = System.nanoTime();
            ssc.start();
            while (!done.await(200, TimeUnit.MILLISECONDS)) {
                if (ssc.awaitTerminationOrTimeout(1)) {
                    throw new IllegalStateException("the stream stopped before it caught up; its error is in the log above");
                }
            }
            long nanos = System.nanoTime() - start;
            new ReadTotals(seen.get(), 0).requireRecords(expectedRecords);
            return nanos;
        } finally {
            ssc.stop(false, false);
        }
    }

    /**
     * The driver's work per batch: a stream on the topic with a batch interval too long to fire, whose
     * {@code compute} is called directly (after one warm-up call), 200 ms apart.
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
            long base = System.currentTimeMillis();
            stream.inputDStream().compute(new Time(base));
            List<Double> millis = new ArrayList<>();
            for (int i = 1; i <= plans; i++) {
                long start = System.nanoTime();
                stream.inputDStream().compute(new Time(base + i * 1000L));
                millis.add((System.nanoTime() - start) / 1e6);
                // Batches are apart in a real stream: work a module does between batches is not planning time.
                Thread.sleep(BETWEEN_PLANS_MILLIS);
            }
            Collections.sort(millis);
            return millis.get(millis.size() / 2);
        } finally {
            ssc.stop(false, false);
        }
    }
}
