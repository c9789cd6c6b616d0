package dev.kafkadirect.examples.demo;

import dev.kafkadirect.offsets.JdbcOffsetStore;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.ProgressBar;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo job: starts a local Kafka broker from the test kit, produces a sample text with a progress
 * bar, counts its words exactly once with a Kafka Direct stream in local Spark (each batch's counts and
 * offsets committed in one database transaction: embedded H2 by default, any JDBC database such as
 * PostgreSQL with {@code --jdbc-url}), prints each batch and the final counts, checks them against the text
 * produced, and stops everything it started.
 *
 * <pre>{@code ./kafka-direct demo [--lines 200000] [--partitions 4] [--batch-records 10000] [--jdbc-url URL]}</pre>
 */
public final class WordCountDemo {
    static final String TOPIC = "demo-words";
    static final String GROUP_ID = "kafka-direct-demo";

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
            out.printf("3/4 Counting words exactly once with a direct stream in Spark (local[2], 500 ms batches, at most"
                    + " %,d records per partition per batch); each batch's counts and offsets commit in one transaction"
                    + " to %s as stream %s%n", options.batchRecords(), store, streamId);
            Map<String, Long> counts;
            try (JavaSparkContext spark = new JavaSparkContext(sparkConf())) {
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

    private static SparkConf sparkConf() {
        return new SparkConf()
                .setMaster("local[2]")
                .setAppName("kafka-direct-demo")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }

    private static Map<String, Object> kafkaParams(KafkaCluster kafka) {
        return kafka.stringConsumerConfig(GROUP_ID);
    }
}
