package dev.kafkadirect.bench.worker;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.Arrays;
import java.util.List;

/**
 * The entry point of one contender's JVM: runs one workload and prints its {@code RESULT} lines.
 *
 * <p>Contenders: {@code ours} and {@code apache} run the same Spark code with either module on the
 * classpath; {@code raw-single} and {@code raw-parallel} read with plain consumers. Workloads: {@code scan},
 * {@code catch-up}, {@code skew}, {@code many-partitions}, {@code planning}, {@code steady-state}.
 */
public final class BenchWorker {
    /** Spark's cores in every contender, and the raw-parallel pool's width. */
    static final int CORES = 2;

    private BenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        WorkerArgs worker = new WorkerArgs(args);
        String bootstrap = worker.text("bootstrap");
        if (worker.contender().startsWith("raw-")) {
            runRaw(worker, bootstrap);
        } else {
            SparkConf conf = sparkConf();
            if (worker.has("maxRecordsPerPartition")) {
                // Ours splits larger ranges; Apache's module does not know the setting and ignores it.
                conf.set("dev.kafkadirect.maxRecordsPerPartition", worker.text("maxRecordsPerPartition"));
            }
            try (JavaSparkContext spark = new JavaSparkContext(conf)) {
                runSpark(worker, spark, bootstrap);
            }
        }
        System.exit(0);
    }

    private static void runRaw(WorkerArgs worker, String bootstrap) throws Exception {
        String topic = worker.text("topic");
        RawWorkloads.RawRun run = worker.contender().equals("raw-single")
                ? RawWorkloads.readOnOneThread(bootstrap, topic)
                : RawWorkloads.readInParallel(bootstrap, topic, CORES);
        ResultLine.printThroughput(worker.workload(), run.totals.requireRecords(worker.number("records")), run.nanos);
    }

    private static void runSpark(WorkerArgs worker, JavaSparkContext spark, String bootstrap) throws Exception {
        SparkWorkloads workloads = new SparkWorkloads(spark, bootstrap);
        String group = "bench-" + worker.workload() + "-" + System.nanoTime();
        switch (worker.workload()) {
            case "scan":
            case "skew": {
                long start = System.nanoTime();
                ReadTotals totals = workloads.scan(worker.text("topic"));
                ResultLine.printThroughput(worker.workload(), totals.requireRecords(worker.number("records")),
                        System.nanoTime() - start);
                break;
            }
            case "many-partitions": {
                long start = System.nanoTime();
                ReadTotals totals = workloads.inBatches(worker.text("topic"), (int) worker.number("batches"));
                ResultLine.printThroughput(worker.workload(), totals.requireRecords(worker.number("records")),
                        System.nanoTime() - start);
                break;
            }
            case "catch-up": {
                long records = worker.number("records");
                long nanos = workloads.catchUpNanos(worker.text("topic"), records, group);
                ResultLine.print("catch-up", records / (nanos / 1e9), "records/s", records);
                break;
            }
            case "planning": {
                List<String> topics = Arrays.asList(worker.text("topics").split(","));
                for (String topic : topics) {
                    double millis = workloads.planMillis(topic, (int) worker.number("plans"), group + "-" + topic);
                    ResultLine.print("planning-" + topic.substring(topic.lastIndexOf('-') + 1), millis, "ms", 0);
                }
                break;
            }
            case "steady-state": {
                List<Long> delays = new SteadyState(spark, bootstrap).processingDelays(worker.text("topic"),
                        worker.number("rate"), (int) worker.number("batches"), group);
                ResultLine.print("steady-state-p50", SteadyState.percentile(delays, 50), "ms", 0);
                ResultLine.print("steady-state-p99", SteadyState.percentile(delays, 99), "ms", 0);
                break;
            }
            default:
                throw new IllegalArgumentException("unknown workload " + worker.workload());
        }
    }

    private static SparkConf sparkConf() {
        return new SparkConf().setMaster("local[" + CORES + "]").setAppName("kafka-direct-bench")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }
}
