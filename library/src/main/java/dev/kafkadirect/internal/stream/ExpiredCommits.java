package dev.kafkadirect.internal.stream;

import dev.kafkadirect.DataLossException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Committed offsets the log no longer holds: retention (or {@code deleteRecords}) moved the partition's log
 * start past the group's committed offset while the stream was not running. Kafka's own consumer would reset
 * such a partition by {@code auto.offset.reset}; a direct stream does the same, and says what it skipped:
 * {@code earliest} starts at the log start, {@code latest} (Kafka's default) at the latest offset, each with a
 * warning naming the partition, the committed offset, where it starts and how many offsets it skips;
 * {@code none} fails the start naming the partition, the committed offset and the log start.
 */
public final class ExpiredCommits {
    private static final Logger LOG = LoggerFactory.getLogger(ExpiredCommits.class);

    private final int streamId;
    private final String reset;
    private final boolean inAGroup;

    private ExpiredCommits(int streamId, String reset, boolean inAGroup) {
        this.streamId = streamId;
        this.reset = reset;
        this.inAGroup = inAGroup;
    }

    /**
     * @param streamId the stream, for messages (-1 outside a stream)
     * @param kafkaParams the user's kafkaParams, whose {@code auto.offset.reset} decides
     * @return the rule for that stream
     */
    public static ExpiredCommits of(int streamId, Map<String, Object> kafkaParams) {
        Object reset = kafkaParams.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
        Object groupId = kafkaParams.get(ConsumerConfig.GROUP_ID_CONFIG);
        return new ExpiredCommits(streamId, reset == null ? "latest" : String.valueOf(reset).trim().toLowerCase(Locale.ROOT),
                groupId != null && !String.valueOf(groupId).isEmpty());
    }

    /** @return whether the stream's consumer has a group, and so may have committed offsets */
    public boolean inAGroup() {
        return inAGroup;
    }

    /**
     * @param starts where partitions would start
     * @param committed the group's committed offsets, of those partitions that have one
     * @param logStarts each partition's earliest offset
     * @param latest gives the latest offsets of partitions, asked only when needed
     * @return the starts, with each committed start below its log start reset by {@code auto.offset.reset}
     * @throws DataLossException under {@code auto.offset.reset=none}, naming the first such partition
     */
    public Map<TopicPartition, Long> resolve(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> committed,
                                      Map<TopicPartition, Long> logStarts,
                                      Function<Collection<TopicPartition>, Map<TopicPartition, Long>> latest) {
        Map<TopicPartition, Long> expired = new HashMap<>();
        starts.forEach((partition, start) -> {
            Long logStart = logStarts.get(partition);
            if (start.equals(committed.get(partition)) && logStart != null && start < logStart) {
                expired.put(partition, start);
            }
        });
        if (expired.isEmpty()) {
            return starts;
        }
        Map<TopicPartition, Long> resolved = new HashMap<>(starts);
        Map<TopicPartition, Long> ends = reset.equals("latest") ? latest.apply(expired.keySet()) : logStarts;
        for (Map.Entry<TopicPartition, Long> entry : PartitionOrder.sorted(expired).entrySet()) {
            TopicPartition partition = entry.getKey();
            long committedOffset = entry.getValue();
            long logStart = logStarts.get(partition);
            if (!reset.equals("earliest") && !reset.equals("latest")) {
                throw new DataLossException("The committed offset " + committedOffset + " of " + partition
                        + " is no longer in the log, which starts at offset " + logStart + " (retention or"
                        + " deleteRecords removed offsets " + committedOffset + " to " + (logStart - 1) + " before"
                        + " this stream read them), and auto.offset.reset is '" + reset + "'. Set auto.offset.reset to"
                        + " earliest to start there (the skipped offsets are logged), or to latest to start at the end.",
                        partition, committedOffset, logStart, null);
            }
            long newStart = Math.max(logStart, ends.get(partition));
            resolved.put(partition, newStart);
            LOG.warn("{}: the committed offset {} of {} is no longer in the log, which starts at {}"
                    + " (retention or deleteRecords removed it); auto.offset.reset={} starts it at {}, skipping {}"
                    + " offsets", reader(), committedOffset, partition, logStart, reset, newStart,
                    newStart - committedOffset);
        }
        return resolved;
    }

    private String reader() {
        return streamId < 0 ? "Group backlog" : "Direct stream " + streamId;
    }
}
