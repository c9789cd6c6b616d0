package dev.kafkadirect.internal.journal;

import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journal's files: readable text, newest entry wins, ten kept, unreadable and newer formats handled. */
class OffsetJournalTest {
    private static final Configuration HADOOP = new Configuration();
    private static final TopicPartition WORDS_0 = new TopicPartition("words", 0);
    private static final TopicPartition WORDS_1 = new TopicPartition("words", 1);

    @Test
    void anEntryIsWrittenAsVersionedTextAndReadBack(@TempDir Path dir) throws Exception {
        OffsetJournal journal = new OffsetJournal(dir.toString());
        JournalEntry entry = new JournalEntry(1795711800000L, Map.of(WORDS_1, 1187L, WORDS_0, 1200L));

        journal.record(entry, HADOOP);

        assertThat(Files.readString(dir.resolve("batch-1795711800000.offsets"))).isEqualTo(
                "# Kafka Direct offset journal: where the stream continues after the batch below completed.\n"
                        + "format=1\n"
                        + "batch.time.ms=1795711800000\n"
                        + "batch.time=2026-11-26T16:50:00Z\n"
                        + "offset words 0 1200\n"
                        + "offset words 1 1187\n");
        assertThat(journal.latest(HADOOP)).contains(entry);
    }

    @Test
    void theNewestEntryWinsAndOnlyTheLastTenAreKept(@TempDir Path dir) throws Exception {
        OffsetJournal journal = new OffsetJournal(dir.resolve("journal").toString());
        for (long batch = 1; batch <= 15; batch++) {
            journal.record(new JournalEntry(batch * 1000, Map.of(WORDS_0, batch * 10)), HADOOP);
        }

        assertThat(journal.latest(HADOOP).map(JournalEntry::offsets)).contains(Map.of(WORDS_0, 150L));
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("batch-"))
                    .collect(Collectors.toList())).hasSize(OffsetJournal.KEPT).contains("batch-15000.offsets")
                    .doesNotContain("batch-5000.offsets");
        }
    }

    @Test
    void anUnreadableNewestFileIsPassedOverForThePreviousEntry(@TempDir Path dir) throws Exception {
        OffsetJournal journal = new OffsetJournal(dir.toString());
        journal.record(new JournalEntry(1000, Map.of(WORDS_0, 10L)), HADOOP);
        Files.write(dir.resolve("batch-2000.offsets"), "format=1\nbatch.time.ms=2000\noffset words zero 20\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(journal.latest(HADOOP).map(JournalEntry::offsets)).contains(Map.of(WORDS_0, 10L));
    }

    @Test
    void anEntryOfANewerFormatIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("batch-1000.offsets"), "format=2\nbatch.time.ms=1000\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new OffsetJournal(dir.toString()).latest(HADOOP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("batch-1000.offsets has format 2, written by a newer Kafka Direct than this one"
                        + " (format 1)");
    }

    @Test
    void aMissingDirectoryHasNoEntry(@TempDir Path dir) {
        assertThat(new OffsetJournal(dir.resolve("absent").toString()).latest(HADOOP)).isEmpty();
    }
}
