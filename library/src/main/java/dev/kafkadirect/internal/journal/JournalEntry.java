package dev.kafkadirect.internal.journal;

import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One journal entry: after the batch of {@code batchTime} completed, the stream continues at
 * {@code offsets}. Its text form is the file format, version {@value #FORMAT}:
 * <pre>
 * # Kafka Direct offset journal: where the stream continues after the batch below completed.
 * format=1
 * batch.time.ms=1795711800000
 * batch.time=2026-11-26T16:50:00Z
 * offset words 0 1200
 * offset words 1 1187
 * </pre>
 */
public final class JournalEntry {
    /** The file format written by this version; readers refuse newer ones. */
    public static final int FORMAT = 1;
    private static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final long batchTime;
    private final Map<TopicPartition, Long> offsets;

    /**
     * @param batchTime the completed batch's time, in epoch milliseconds
     * @param offsets where each partition continues; copied
     */
    public JournalEntry(long batchTime, Map<TopicPartition, Long> offsets) {
        this.batchTime = batchTime;
        Map<TopicPartition, Long> sorted = new TreeMap<>(ORDER);
        sorted.putAll(offsets);
        this.offsets = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    /** @return the completed batch's time in epoch milliseconds */
    public long batchTime() {
        return batchTime;
    }

    /** @return where each partition continues, in topic and partition order */
    public Map<TopicPartition, Long> offsets() {
        return offsets;
    }

    /** @return the entry as the journal file's text */
    public String toText() {
        StringBuilder text = new StringBuilder()
                .append("# Kafka Direct offset journal: where the stream continues after the batch below completed.\n")
                .append("format=").append(FORMAT).append('\n')
                .append("batch.time.ms=").append(batchTime).append('\n')
                .append("batch.time=").append(Instant.ofEpochMilli(batchTime)).append('\n');
        offsets.forEach((partition, offset) -> text.append("offset ").append(partition.topic()).append(' ')
                .append(partition.partition()).append(' ').append(offset).append('\n'));
        return text.toString();
    }

    /**
     * @param text a journal file's text
     * @param source the file's name, for messages
     * @return the entry
     * @throws IllegalArgumentException naming the file and the line that cannot be read
     */
    public static JournalEntry parse(String text, String source) {
        Integer format = null;
        Long batchTime = null;
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("batch.time=")) {
                continue;
            }
            try {
                if (trimmed.startsWith("format=")) {
                    format = Integer.parseInt(trimmed.substring("format=".length()));
                    if (format > FORMAT) {
                        throw new IllegalArgumentException("Offset journal file " + source + " has format " + format
                                + ", written by a newer Kafka Direct than this one (format " + FORMAT + ")");
                    }
                } else if (trimmed.startsWith("batch.time.ms=")) {
                    batchTime = Long.parseLong(trimmed.substring("batch.time.ms=".length()));
                } else if (trimmed.startsWith("offset ")) {
                    String[] fields = trimmed.split(" ");
                    if (fields.length != 4) {
                        throw new NumberFormatException("expected: offset <topic> <partition> <offset>");
                    }
                    offsets.put(new TopicPartition(fields[1], Integer.parseInt(fields[2])), Long.parseLong(fields[3]));
                } else {
                    throw new NumberFormatException("unknown line");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Offset journal file " + source + " has a line that cannot be read ("
                        + e.getMessage() + "): " + trimmed, e);
            }
        }
        if (format == null || batchTime == null) {
            throw new IllegalArgumentException("Offset journal file " + source + " lacks its format= or batch.time.ms= line");
        }
        return new JournalEntry(batchTime, offsets);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalEntry && batchTime == ((JournalEntry) other).batchTime
                && offsets.equals(((JournalEntry) other).offsets);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(batchTime) * 31 + offsets.hashCode();
    }

    @Override
    public String toString() {
        return "JournalEntry(batch " + Instant.ofEpochMilli(batchTime) + ", " + offsets + ")";
    }
}
