package dev.kafkadirect.examples.demo;

import dev.kafkadirect.offsets.JdbcOffsetStore;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.ProgressBar;
import dev.kafkadirect.testkit.SparkStandaloneCluster;
import dev.kafkadirect.testkit.SparkWorker;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo job: starts a local Kafka broker from the test kit, produces a sample text with a progress
 * bar, counts its words exactly once with a Kafka Direct stream in local Spark (each batch's counts and
 * offsets committed in one database transaction: embedded H2 by default, any JDBC database such as
 * PostgreSQL with {@code --jdbc-url}), prints each batch and the final counts, checks them against the text
 * produced, and stops everything it started. With {@code --standalone-cluster} the executors run on a Spark
 * standalone cluster the demo starts (a Master and two Workers, separate JVMs on 127.0.0.1 and 127.0.0.2, from
 * the test kit), with the examples' application jar shipped to them; the driver stays in the demo's JVM
 * (client deploy mode).
 *
 * <pre>{@code ./kafka-direct demo [--lines 200000] [--partitions 4] [--batch-records 10000] [--jdbc-url URL] [--standalone-cluster]}</pre>
 */
public final class WordCountDemo {
    static final String TOPIC = "demo-words";
    static final String GROUP_ID = "kafka-direct-demo";
    /** The examples' application jar (Kafka Direct and kafka-clients inside), shipped to a cluster's executors. */
    static final String APPLICATION_JAR_PROPERTY = "kafkadirect.appJar";

    private WordCountDemo() {
    }

    public static void main(String[] args) {
        System.exit(run(DemoOptions.parse(args), System.out));
    }

    /**
     * Runs the demo.
     *
     * @param options sizes of the run
     * @param out where progress and results go
     * @return 0 when the counts match the text produced, 1 otherwise
     */
    public static int run(DemoOptions options, PrintStream out) {
        out.println("Kafka Direct demo: word count over a local Kafka broker");
        out.println("1/4 Starting a Kafka broker (test kit)");
        long started = System.nanoTime();
        try (KafkaCluster kafka = KafkaCluster.builder().name("demo").build().start()) {
            out.printf("    broker at %s, started in %.1f s, logs in %s%n", kafka.bootstrapServers(),
                    (System.nanoTime() - started) / 1e9, kafka.logDirectory());

            out.printf("2/4 Producing %,d lines to topic %s (%d partitions)%n", options.lines(), TOPIC, options.partitions());
            kafka.createTopic(TOPIC, options.partitions());
            ProgressBar progress = new ProgressBar(out, options.lines(), "lines");
            kafka.produceBulk(options.lines(),
                    index -> new ProducerRecord<>(TOPIC, (int) (index % options.partitions()), null, SampleText.line(index)),
                    progress::update);

            JdbcOffsetStore store = JdbcOffsetStore.create(options.jdbcUrl());
            // The broker is new on every run, so every run is a new stream in the database.
            String streamId = TOPIC + "-" + System.currentTimeMillis();
            out.printf("3/4 Counting words exactly once with a direct stream in Spark (%s, 500 ms batches, at most"
                    + " %,d records per partition per batch); each batch's counts and offsets commit in one transaction"
                    + " to %s as stream %s%n", options.standaloneCluster() ? "executors on a standalone cluster" : "local[2]",
                    options.batchRecords(), store, streamId);
            Map<String, Long> counts;
            try (SparkStandaloneCluster cluster = options.standaloneCluster() ? startCluster(out) : null;
                 JavaSparkContext spark = new JavaSparkContext(sparkConf(cluster))) {
                counts = new WordCountJob(spark, kafkaParams(kafka), TOPIC, options.batchRecords(), store, streamId,
                        report -> out.println("    " + report)).runUntilCaughtUp();
            }

            out.println("4/4 Word counts");
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(entry -> out.printf("    %-10s %,10d%n", entry.getKey(), entry.getValue()));
            out.printf("    stored offsets by partition: %s; the topic ends at %s%n", byPartition(store.load(streamId)),
                    byPartition(kafka.endOffsets(TOPIC)));
            Map<String, Long> expected = SampleText.expectedCounts(options.lines());
            long words = expected.values().stream().mapToLong(Long::longValue).sum();
            if (counts.equals(expected)) {
                out.printf("Counts match the %,d lines produced (%,d words). Stopping Spark and the broker.%n",
                        options.lines(), words);
                return 0;
            }
            out.printf("Counts DIFFER from the %,d lines produced: expected %s%n", options.lines(), expected);
            return 1;
        }
    }

    private static String byPartition(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().sorted(Comparator.comparingInt(entry -> entry.getKey().partition()))
                .map(entry -> entry.getKey().partition() + ": " + entry.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static SparkStandaloneCluster startCluster(PrintStream out) {
        out.println("    Starting a Spark standalone cluster: a Master and two Workers, JVMs of their own (test kit)");
        long started = System.nanoTime();
        SparkStandaloneCluster cluster = SparkStandaloneCluster.builder().name("demo").build().start();
        out.printf("    Spark %s master at %s, workers on %s, started in %.1f s, logs in %s%n", cluster.sparkVersion(),
                cluster.masterUrl(), cluster.workers().stream().map(SparkWorker::host).collect(Collectors.joining(", ")),
                (System.nanoTime() - started) / 1e9, cluster.logDirectory());
        return cluster;
    }

    private static SparkConf sparkConf(SparkStandaloneCluster cluster) {
        SparkConf conf = new SparkConf()
                .setAppName("kafka-direct-demo")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        if (cluster == null) {
            return conf.setMaster("local[2]");
        }
        return conf.setMaster(cluster.masterUrl())
                .set("spark.jars", applicationJar())
                .set("spark.executor.memory", "512m")
                .set("spark.executor.extraJavaOptions", cluster.javaOptions());
    }

    private static String applicationJar() {
        String configured = System.getProperty(APPLICATION_JAR_PROPERTY, "");
        Path jar = Paths.get(configured);
        if (configured.isEmpty() || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("--standalone-cluster ships the examples' application jar to the executors,"
                    + " but '" + configured + "' (system property " + APPLICATION_JAR_PROPERTY + ") is not a file: run"
                    + " the demo with ./kafka-direct demo, which builds it (mvn -pl examples -am package)");
        }
        return jar.toAbsolutePath().toString();
    }

    private static Map<String, Object> kafkaParams(KafkaCluster kafka) {
        return kafka.stringConsumerConfig(GROUP_ID);
    }
}
