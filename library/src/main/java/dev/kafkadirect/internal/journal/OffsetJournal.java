package dev.kafkadirect.internal.journal;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A directory (any Hadoop file system: local, HDFS, S3A) of journal entries, one file per completed batch
 * named {@code batch-<time>.offsets}, of which the newest {@value #KEPT} are kept. Files are written under a
 * temporary name and renamed, so a reader never sees half a file.
 */
public final class OffsetJournal implements Serializable {
    /** How many entries are kept; older ones are deleted. */
    public static final int KEPT = 10;
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OffsetJournal.class);
    private static final String PREFIX = "batch-";
    private static final String SUFFIX = ".offsets";

    private final String directory;

    /** @param directory the journal's directory; created on first write */
    public OffsetJournal(String directory) {
        if (directory == null || directory.trim().isEmpty()) {
            throw new IllegalArgumentException("dev.kafkadirect.offsetJournal must name a directory (e.g. inside the"
                    + " checkpoint directory), but it was empty");
        }
        this.directory = directory;
    }

    /** @return the journal's directory */
    public String directory() {
        return directory;
    }

    /**
     * @return the newest entry that can be read; unreadable newer files are reported and passed over
     * @throws IllegalArgumentException when the newest entry was written by a newer format
     */
    public Optional<JournalEntry> latest(Configuration hadoopConf) {
        try {
            Path dir = new Path(directory);
            FileSystem fs = dir.getFileSystem(hadoopConf);
            if (!fs.exists(dir)) {
                return Optional.empty();
            }
            List<FileStatus> entries = entryFiles(fs, dir);
            for (int i = entries.size() - 1; i >= 0; i--) {
                Path file = entries.get(i).getPath();
                try {
                    return Optional.of(JournalEntry.parse(read(fs, file), file.toString()));
                } catch (IllegalArgumentException e) {
                    if (e.getMessage().contains("newer Kafka Direct")) {
                        throw e;
                    }
                    LOG.warn("Skipping unreadable offset journal file: {}", e.getMessage());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("The offset journal at " + directory + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes the entry, then deletes all but the newest {@value #KEPT}. */
    public void record(JournalEntry entry, Configuration hadoopConf) throws IOException {
        Path dir = new Path(directory);
        FileSystem fs = dir.getFileSystem(hadoopConf);
        fs.mkdirs(dir);
        String name = PREFIX + entry.batchTime() + SUFFIX;
        Path temporary = new Path(dir, "." + name + ".tmp");
        try (FSDataOutputStream out = fs.create(temporary, true)) {
            out.write(entry.toText().getBytes(StandardCharsets.UTF_8));
        }
        Path target = new Path(dir, name);
        fs.delete(target, false);
        if (!fs.rename(temporary, target)) {
            throw new IOException("could not rename " + temporary + " to " + target);
        }
        List<FileStatus> entries = entryFiles(fs, dir);
        for (int i = 0; i < entries.size() - KEPT; i++) {
            fs.delete(entries.get(i).getPath(), false);
        }
    }

    private static List<FileStatus> entryFiles(FileSystem fs, Path dir) throws IOException {
        List<FileStatus> entries = new ArrayList<>(Arrays.asList(fs.listStatus(dir, path ->
                path.getName().startsWith(PREFIX) && path.getName().endsWith(SUFFIX))));
        entries.sort(Comparator.comparingLong(OffsetJournal::batchTimeOf));
        return entries;
    }

    private static long batchTimeOf(FileStatus file) {
        String name = file.getPath().getName();
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) > 0) {
                bytes.write(buffer, 0, read);
            }
            return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return "offset journal " + directory;
    }
}
