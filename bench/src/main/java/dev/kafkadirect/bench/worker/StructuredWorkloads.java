package dev.kafkadirect.bench.worker;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * The contender a DStream user would move to: Spark's Structured Streaming Kafka source
 * ({@code spark-sql-kafka-0-10}), reading the same topics and the same column (the value, whose sizes are
 * summed, and the record count) as the DStream workloads.
 */
final class StructuredWorkloads {
    private final SparkSession spark;
    private final String bootstrapServers;

    StructuredWorkloads(SparkSession spark, String bootstrapServers) {
        this.spark = spark;
        this.bootstrapServers = bootstrapServers;
    }

    /** A batch query over the whole topic (earliest to latest): count and sum of value sizes. */
    ReadTotals scan(String topic) {
        Dataset<Row> records = spark.read().format("kafka").options(sourceOptions(topic))
                .option("endingOffsets", "latest").load();
        return totalsOf(records);
    }

    /**
     * A streaming query draining the topic's backlog in one trigger ({@code Trigger.Once}), timed as the DStream
     * catch-up is: from its first Spark job's start (planning excluded, as the DStream timer starts at its first
     * batch's submission) to the moment its last record is counted.
     */
    Timed catchUp(String topic) throws Exception {
        AtomicLong firstJob = new AtomicLong();
        AtomicLong lastRecord = new AtomicLong();
        AtomicLong records = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        SparkListener jobStarts = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                firstJob.compareAndSet(0, System.nanoTime());
            }
        };
        Path checkpoint = Files.createTempDirectory("bench-structured-checkpoint");
        spark.sparkContext().addSparkListener(jobStarts);
        try {
            DataStreamReader reader = spark.readStream().format("kafka").options(sourceOptions(topic));
            StreamingQuery query = reader.load().select("value").writeStream()
                    .option("checkpointLocation", checkpoint.toString())
                    .trigger(Trigger.Once())
                    .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, batchId) -> {
                        ReadTotals totals = totalsOf(batch);
                        records.addAndGet(totals.records);
                        bytes.addAndGet(totals.valueBytes);
                        lastRecord.set(System.nanoTime());
                    })
                    .start();
            query.awaitTermination();
            return Timed.fromListenerStart(new ReadTotals(records.get(), bytes.get()), firstJob, lastRecord.get());
        } finally {
            spark.sparkContext().removeSparkListener(jobStarts);
        }
    }

    private Map<String, String> sourceOptions(String topic) {
        Map<String, String> options = new HashMap<>();
        options.put("subscribe", topic);
        options.put("startingOffsets", "earliest");
        // The same consumer settings as the other contenders, less those the Kafka source sets itself.
        Topics.consumerParams(bootstrapServers, "unused").forEach((key, value) -> {
            if (!Topics.SET_BY_THE_SOURCE.contains(key)) {
                options.put("kafka." + key, String.valueOf(value));
            }
        });
        return options;
    }

    private static ReadTotals totalsOf(Dataset<Row> records) {
        Row totals = records.agg(count(lit(1)), sum(length(records.col("value"))))
                .first();
        return new ReadTotals(totals.getLong(0), totals.isNullAt(1) ? 0 : totals.getLong(1));
    }
}
