package dev.kafkadirect.bench.worker;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The entry point of one contender's JVM: runs one workload and prints its {@code RESULT} lines.
 *
 * <p>Contenders: {@code ours} and {@code apache} run the same Spark code with either module on the
 * classpath ({@code ours-beside-structured} is ours on the Spark release of {@code structured}, which reads
 * with Structured Streaming's Kafka source); {@code raw-single} and {@code raw-parallel} read with plain
 * consumers. Workloads: {@code scan}, {@code catch-up}, {@code catch-up-batches}, {@code skew-cpu},
 * {@code skew-io}, {@code many-partitions}, {@code planning}, {@code steady-state}. Read workloads run once cold
 * and then {@code warm=N} times in this JVM, and check every pass's record count and value bytes
 * ({@code records=N}, {@code valueBytes=N}).
 */
public final class BenchWorker {
    /** The contender that runs Structured Streaming's Kafka source instead of a DStream module. */
    private static final String STRUCTURED = "structured";
    /** Spark's cores unless a workload says otherwise ({@code cores=N}), and the raw-parallel pool's width. */
    static final int CORES = 2;

    private BenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        WorkerArgs worker = new WorkerArgs(args);
        String bootstrap = worker.text("bootstrap");
        LiveHeap liveHeap = new LiveHeap();
        Repetitions repetitions = new Repetitions((int) worker.number("warm"), (int) worker.number("warmUp"),
                TimeUnit.SECONDS.toNanos(worker.number("warmUpSeconds")), liveHeap);
        if (worker.contender().startsWith("raw-")) {
            runRaw(worker, bootstrap, repetitions);
        } else if (worker.contender().equals(STRUCTURED)) {
            SparkSession session = SparkSession.builder().config(sparkConf(CORES)).getOrCreate();
            try {
                runStructured(worker, new StructuredWorkloads(session, bootstrap), repetitions);
            } finally {
                session.stop();
            }
        } else {
            SparkConf conf = sparkConf(worker.has("cores") ? (int) worker.number("cores") : CORES);
            if (worker.has("maxRecordsPerPartition")) {
                // Ours splits larger ranges; Apache's module does not know the setting and ignores it.
                conf.set("dev.kafkadirect.maxRecordsPerPartition", worker.text("maxRecordsPerPartition"));
            }
            if (worker.has("maxRatePerPartition")) {
                conf.set("spark.streaming.kafka.maxRatePerPartition", worker.text("maxRatePerPartition"));
            }
            try (JavaSparkContext spark = new JavaSparkContext(conf)) {
                runSpark(worker, spark, bootstrap, repetitions, liveHeap);
            }
        }
        System.exit(0);
    }


    private static void runRaw(WorkerArgs worker, String bootstrap, Repetitions repetitions) throws Exception {
        String topic = worker.text("topic");
        boolean single = worker.contender().equals("raw-single");
        repetitions.run(worker.workload(), worker.number("records"), worker.number("valueBytes"), repetition -> single
                ? RawWorkloads.readOnOneThread(bootstrap, topic)
                : RawWorkloads.readInParallel(bootstrap, topic, CORES));
    }

    private static void runStructured(WorkerArgs worker, StructuredWorkloads workloads, Repetitions repetitions)
            throws Exception {
        String topic = worker.text("topic");
        switch (worker.workload()) {
            case "scan":
                repetitions.run(worker.workload(), worker.number("records"), worker.number("valueBytes"),
                        repetition -> timed(() -> workloads.scan(topic)));
                break;
            case "catch-up":
                repetitions.run(worker.workload(), worker.number("records"), worker.number("valueBytes"),
                        repetition -> workloads.catchUp(topic));
                break;
            default:
                throw new IllegalArgumentException("the structured contender runs scan and catch-up, not "
                        + worker.workload());
        }
    }

    private static void runSpark(WorkerArgs worker, JavaSparkContext spark, String bootstrap, Repetitions repetitions,
                                 LiveHeap liveHeap) throws Exception {
        SparkWorkloads workloads = new SparkWorkloads(spark, bootstrap);
        String group = "bench-" + worker.workload() + "-" + System.nanoTime();
        switch (worker.workload()) {
            case "scan":
            case "skew-cpu":
            case "skew-io": {
                RecordWork work = RecordWork.parse(worker.has("work") ? worker.text("work") : "none");
                repetitions.run(worker.workload(), worker.number("records"), worker.number("valueBytes"),
                        repetition -> timed(() -> workloads.scan(worker.text("topic"), work)));
                break;
            }
            case "many-partitions":
                repetitions.run(worker.workload(), worker.number("records"), worker.number("valueBytes"),
                        repetition -> timed(() -> workloads.inBatches(worker.text("topic"),
                                (int) worker.number("batches"))));
                break;
            case "catch-up":
            case "catch-up-batches":
                repetitions.run(worker.workload(), worker.number("records"), worker.number("valueBytes"),
                        repetition -> workloads.catchUp(worker.text("topic"), worker.number("records"),
                                group + "-" + repetition, worker.number("batchMillis")));
                break;
            case "planning": {
                List<String> topics = Arrays.asList(worker.text("topics").split(","));
                for (String topic : topics) {
                    liveHeap.reset();
                    double millis = workloads.planMillis(topic, (int) worker.number("plans"), group + "-" + topic);
                    ResultLine.print("planning-" + topic.substring(topic.lastIndexOf('-') + 1), ResultLine.WARM,
                            millis, "ms", 0, liveHeap.largestMb());
                }
                break;
            }
            case "steady-state": {
                liveHeap.reset();
                List<Long> delays = new SteadyState(spark, bootstrap).processingDelays(worker.text("topic"),
                        worker.number("rate"), (int) worker.number("batches"), group);
                long live = liveHeap.largestMb();
                ResultLine.print("steady-state-p50", ResultLine.WARM, SteadyState.percentile(delays, 50), "ms", 0, live);
                ResultLine.print("steady-state-p99", ResultLine.WARM, SteadyState.percentile(delays, 99), "ms", 0, live);
                break;
            }
            default:
                throw new IllegalArgumentException("unknown workload " + worker.workload());
        }
    }

    /** Times a Spark read from the job's submission to its result. */
    private static Timed timed(Callable<ReadTotals> read) throws Exception {
        long start = System.nanoTime();
        ReadTotals totals = read.call();
        return new Timed(totals, System.nanoTime() - start);
    }

    private static SparkConf sparkConf(int cores) {
        return new SparkConf().setMaster("local[" + cores + "]").setAppName("kafka-direct-bench")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }
}
