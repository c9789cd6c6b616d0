package dev.kafkadirect.internal.journal;

import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.scheduler.OutputOperationInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Journals a stream's end offsets each time a batch completes without failure. After a failed batch it
 * stops journaling (so a restart re-reads that batch) and says so; if the journal cannot be written, the
 * stream's next batch fails with the reason.
 */
public final class JournalRecorder implements StreamingListener {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRecorder.class);

    private final OffsetJournal journal;
    private final Configuration hadoopConf;
    private final ConcurrentSkipListMap<Long, Map<TopicPartition, Long>> plannedEnds = new ConcurrentSkipListMap<>();
    private volatile boolean stoppedAfterFailedBatch;
    private volatile RuntimeException writeFailure;

    /**
     * @param journal where to write
     * @param hadoopConf the application's Hadoop configuration, for the journal's file system
     */
    public JournalRecorder(OffsetJournal journal, Configuration hadoopConf) {
        this.journal = journal;
        this.hadoopConf = hadoopConf;
    }

    /** Remembers where the stream continues once the batch of this time completes. */
    public void batchPlanned(long batchTime, Map<TopicPartition, Long> untilOffsets) {
        plannedEnds.put(batchTime, new HashMap<>(untilOffsets));
    }

    /** @throws IllegalStateException when an earlier journal write failed */
    public void requireWritable() {
        RuntimeException failure = writeFailure;
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
        long batchTime = completed.batchInfo().batchTime().milliseconds();
        Map<TopicPartition, Long> ends = plannedEnds.remove(batchTime);
        plannedEnds.headMap(batchTime).clear();
        if (ends == null || stoppedAfterFailedBatch) {
            return;
        }
        String failure = failureOf(completed);
        if (failure != null) {
            stoppedAfterFailedBatch = true;
            LOG.error("The batch of {} failed ({}); {} keeps the last completed batch, so that a restart reads this"
                    + " batch again, and records no later batch", Instant.ofEpochMilli(batchTime), failure, journal);
            return;
        }
        try {
            journal.record(new JournalEntry(batchTime, ends), hadoopConf);
        } catch (IOException | RuntimeException e) {
            writeFailure = new IllegalStateException("The " + journal + " could not record the batch of "
                    + Instant.ofEpochMilli(batchTime) + ": " + e + ". Fix the directory (permissions, space) or remove"
                    + " dev.kafkadirect.offsetJournal from kafkaParams", e);
            LOG.error(writeFailure.getMessage());
        }
    }

    private static String failure(OutputOperationInfo info) {
        return info.failureReason().isDefined() ? "output operation " + info.id() + ": " + firstLine(info.failureReason().get()) : null;
    }

    private static String failureOf(StreamingListenerBatchCompleted completed) {
        scala.collection.Iterator<OutputOperationInfo> infos = completed.batchInfo().outputOperationInfos().values().iterator();
        while (infos.hasNext()) {
            String failure = failure(infos.next());
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
