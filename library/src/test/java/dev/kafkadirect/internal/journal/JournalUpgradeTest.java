package dev.kafkadirect.internal.journal;

import dev.kafkadirect.testing.DriverProcess;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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

/**
 * The upgrade case: an application is killed, its code changes so that its Spark checkpoint cannot be
 * loaded any more, and the new build continues from the offset journal: nothing is lost, and it does not
 * start over.
 */
class JournalUpgradeTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    private static final int RECORDS = 3_000;
    private static final String TOPIC = "journal-upgrade";

    @Test
    void aNewBuildThatCannotLoadTheOldCheckpointContinuesFromTheJournalAndLosesNothing(KafkaCluster kafka,
                                                                                     @TempDir Path work) throws Exception {
        kafka.createTopic(TOPIC, 2);
        Path checkpoint = Files.createDirectories(work.resolve("checkpoint"));
        Path journal = checkpoint.resolve("offset-journal");
        Path output = Files.createDirectories(work.resolve("output"));
        kafka.produce(RECORDS / 2, i -> new ProducerRecord<>(TOPIC, i % 2, null, "v" + i));

        Process first = DriverProcess.start(JournalAppV1.class, "journal-app-v1",
                arguments(kafka, checkpoint, journal, output));
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> records(output, "v1").size() >= 600);
        } finally {
            first.destroyForcibly().waitFor();
        }
        kafka.produce(RECORDS / 2, i -> new ProducerRecord<>(TOPIC, i % 2, null, "v" + (RECORDS / 2 + i)));
        Map<TopicPartition, Long> journaled = new OffsetJournal(journal.toString()).latest(new Configuration())
                .orElseThrow().offsets();

        Process second = DriverProcess.start(classpathWithout("JournalAppV1", work.resolve("new-build")), JournalAppV2.class.getName(),
                "journal-app-v2", arguments(kafka, checkpoint, journal, output));
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> allRecords(output).size() >= RECORDS);
        } finally {
            second.destroyForcibly().waitFor();
        }

        assertThat(allRecords(output)).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, RECORDS).mapToObj(i -> "v" + i).collect(Collectors.toList()));
        String secondLog = Files.readString(Paths.get("target/journal-app-v2.log"));
        assertThat(secondLog).as("the old checkpoint could not be loaded").contains("Error reading checkpoint from file");
        assertThat(secondLog).contains("has no checkpointed offsets and continues from the offset journal " + journal);
        assertThat(firstRangesOf(output, "v2")).as("the new build starts where the journal says")
                .isEqualTo(journaled);
        assertThat(records(output, "v2")).as("it does not start over").hasSizeLessThan(RECORDS);
    }

    private static String[] arguments(KafkaCluster kafka, Path checkpoint, Path journal, Path output) {
        return new String[] {kafka.bootstrapServers(), TOPIC, checkpoint.toString(), journal.toString(), output.toString()};
    }

    /** The test classpath with the classes starting with the given name left out: the new build. */
    private static String classpathWithout(String classPrefix, Path newBuild) throws IOException {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        for (int i = 0; i < entries.length; i++) {
            Path entry = Paths.get(entries[i]);
            if (entry.getFileName().toString().equals("test-classes")) {
                copyWithout(entry, newBuild, classPrefix);
                entries[i] = newBuild.toString();
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void copyWithout(Path from, Path to, String classPrefix) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().startsWith(classPrefix)) {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static List<Path> batchFiles(Path output, String version) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(file -> file.getFileName().toString().startsWith(version + "-batch-"))
                    .sorted(Comparator.comparingLong(JournalUpgradeTest::batchTime)).collect(Collectors.toList());
        }
    }

    private static long batchTime(Path file) {
        return Long.parseLong(file.getFileName().toString().split("-")[2]);
    }

    private static List<String> records(Path output, String version) throws IOException {
        List<String> values = new ArrayList<>();
        for (Path file : batchFiles(output, version)) {
            Files.readAllLines(file).stream().filter(line -> line.startsWith("record "))
                    .forEach(line -> values.add(line.substring("record ".length())));
        }
        return values;
    }

    private static Set<String> allRecords(Path output) throws IOException {
        Set<String> values = new HashSet<>(records(output, "v1"));
        values.addAll(records(output, "v2"));
        return values;
    }

    private static Map<TopicPartition, Long> firstRangesOf(Path output, String version) throws IOException {
        Map<TopicPartition, Long> from = new HashMap<>();
        for (String line : Files.readAllLines(batchFiles(output, version).get(0))) {
            if (line.startsWith("range ")) {
                String[] fields = line.split(" ");
                from.put(new TopicPartition(fields[1], Integer.parseInt(fields[2])), Long.parseLong(fields[3]));
            }
        }
        return from;
    }
}
