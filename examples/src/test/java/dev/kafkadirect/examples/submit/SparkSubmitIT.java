package dev.kafkadirect.examples.submit;

import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.SparkStandaloneCluster;
import dev.kafkadirect.testkit.SparkSubmitResult;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples' application jar, submitted with Spark's spark-submit to a standalone cluster (a Master and
 * two Workers, separate JVMs) in client and in cluster deploy mode: a createRDD job and a direct stream
 * that commits its offsets to Kafka read every record once.
 */
class SparkSubmitIT {
    private static final String TOPIC = "submitted";
    private static final int PARTITIONS = 4;
    private static final int RECORDS = 2_000;
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(4);

    private static KafkaCluster kafka;
    private static SparkStandaloneCluster spark;

    @TempDir
    Path results;

    @BeforeAll
    static void startClusters() {
        kafka = KafkaCluster.builder().name("SparkSubmitIT").build().start();
        spark = SparkStandaloneCluster.builder().name("SparkSubmitIT").build().start();
        kafka.createTopic(TOPIC, PARTITIONS);
        kafka.produce(RECORDS, i -> new ProducerRecord<>(TOPIC, i % PARTITIONS, null, "value-" + i));
    }

    @AfterAll
    static void stopClusters() {
        if (spark != null) {
            spark.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @ParameterizedTest(name = "deploy mode {0}")
    @ValueSource(strings = {"client", "cluster"})
    void createRddJobCountsEveryRecord(String deployMode) throws IOException {
        Path result = results.resolve("count.properties");

        SparkSubmitResult submitted = submit(deployMode, TopicCountApp.class, kafka.bootstrapServers(), TOPIC,
                result.toString());

        Properties counts = read(result, deployMode, submitted);
        assertThat(counts.getProperty("records")).isEqualTo(String.valueOf(RECORDS));
        assertThat(counts.getProperty("distinct")).isEqualTo(String.valueOf(RECORDS));
        assertThat(counts.getProperty("partitions")).isEqualTo(String.valueOf(PARTITIONS));
    }

    @ParameterizedTest(name = "deploy mode {0}")
    @ValueSource(strings = {"client", "cluster"})
    void directStreamReadsEveryRecordOnceAndCommitsItsOffsets(String deployMode) throws IOException {
        Path result = results.resolve("stream.properties");
        String groupId = "submitted-stream-" + deployMode;

        SparkSubmitResult submitted = submit(deployMode, CommitAsyncApp.class, kafka.bootstrapServers(), TOPIC, groupId,
                result.toString());

        Properties outcome = read(result, deployMode, submitted);
        assertThat(outcome.getProperty("records")).isEqualTo(String.valueOf(RECORDS));
        assertThat(outcome.getProperty("distinct")).isEqualTo(String.valueOf(RECORDS));
        Map<TopicPartition, Long> end = kafka.endOffsets(TOPIC);
        assertThat(kafka.committedOffsets(groupId)).isEqualTo(end);
        assertThat(outcome.getProperty("committed")).isEqualTo(new TreeMap<>(end.entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().partition(), Map.Entry::getValue))).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(",")));
    }

    private static SparkSubmitResult submit(String deployMode, Class<?> application, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("--deploy-mode", deployMode,
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.executor.memory=512m",
                "--driver-memory", "512m",
                "--class", application.getName(), ApplicationJar.path()));
        command.addAll(List.of(arguments));
        return spark.submit(command, SUBMIT_TIMEOUT);
    }

    private Properties read(Path result, String deployMode, SparkSubmitResult submitted) throws IOException {
        assertThat(submitted.exitStatus()).as("%s:%n%s", submitted, submitted.output()).isZero();
        if (deployMode.equals("cluster")) {
            // The driver ran on a Worker, which spark-submit followed until it ended.
            assertThat(submitted.driverState()).as("%s:%n%s", submitted, submitted.output()).contains("FINISHED");
        }
        assertThat(result).as("result file of %s:%n%s", submitted, submitted.output()).exists();
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(result, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
