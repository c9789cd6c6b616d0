package dev.kafkadirect.internal.stream;

import dev.kafkadirect.testing.DriverProcess;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A driver killed with kill -9 and restarted from its checkpoint loses nothing and replays exactly. */
class CheckpointRecoveryTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    private static final int RECORDS = 3_000;

    @Test
    void aKilledDriverRestartedFromItsCheckpointReplaysUnfinishedBatchesExactlyAndSkipsNothing(
            KafkaCluster kafka, @TempDir Path work) throws Exception {
        kafka.createTopic("checkpointed", 2);
        Path checkpoint = Files.createDirectories(work.resolve("checkpoint"));
        Path output = Files.createDirectories(work.resolve("output"));
        kafka.produce(RECORDS / 2, i -> new ProducerRecord<>("checkpointed", i % 2, null, "v" + i));

        Process first = startDriver(kafka, checkpoint, output, "first");
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> recordsWritten(output) >= 600);
        } finally {
            first.destroyForcibly().waitFor();
        }
        kafka.produce(RECORDS / 2, i -> new ProducerRecord<>("checkpointed", i % 2, null, "v" + (RECORDS / 2 + i)));

        Process second = startDriver(kafka, checkpoint, output, "second");
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> distinctRecords(output).size() >= RECORDS);
        } finally {
            second.destroyForcibly().waitFor();
        }

        assertThat(distinctRecords(output)).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, RECORDS).mapToObj(i -> "v" + i).collect(Collectors.toList()));
        Map<Long, Set<List<String>>> rangesByBatchTime = new HashMap<>();
        Map<String, Set<Long>> batchTimesByRecord = new HashMap<>();
        for (Path file : batchFiles(output)) {
            long batchTime = Long.parseLong(file.getFileName().toString().split("-")[1]);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            rangesByBatchTime.computeIfAbsent(batchTime, time -> new HashSet<>())
                    .add(lines.stream().filter(line -> line.startsWith("range ")).collect(Collectors.toList()));
            lines.stream().filter(line -> line.startsWith("record ")).forEach(line ->
                    batchTimesByRecord.computeIfAbsent(line.split(" ")[3], value -> new HashSet<>()).add(batchTime));
        }
        assertThat(rangesByBatchTime.values()).as("a batch written twice (replayed) has the same ranges both times")
                .allSatisfy(rangeSets -> assertThat(rangeSets).hasSize(1));
        assertThat(batchTimesByRecord.values()).as("a record written twice was in one replayed batch, never in two batches")
                .allSatisfy(times -> assertThat(times).hasSize(1));
    }

    private static Process startDriver(KafkaCluster kafka, Path checkpoint, Path output, String name) throws IOException {
        return DriverProcess.start(CheckpointedDriverMain.class, "checkpointed-driver-" + name, kafka.bootstrapServers(),
                "checkpointed", checkpoint.toString(), output.toString());
    }

    private static List<Path> batchFiles(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(file -> file.getFileName().toString().startsWith("batch-")).collect(Collectors.toList());
        }
    }

    private static long recordsWritten(Path output) throws IOException {
        long records = 0;
        for (Path file : batchFiles(output)) {
            records += Files.readAllLines(file).stream().filter(line -> line.startsWith("record ")).count();
        }
        return records;
    }

    private static Set<String> distinctRecords(Path output) throws IOException {
        Set<String> values = new HashSet<>();
        for (Path file : batchFiles(output)) {
            Files.readAllLines(file).stream().filter(line -> line.startsWith("record "))
                    .forEach(line -> values.add(line.split(" ")[3]));
        }
        return values;
    }
}
