package dev.kafkadirect.internal.stream;

import dev.kafkadirect.StreamCannotContinueException;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.streaming.kafka010.PerPartitionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Plans a direct stream's batches, knowing nothing of Spark: from where the stream stands and what the driver's
 * consumer reports, one range per assigned partition up to its latest offset within the rate limits and the
 * batch's cap ({@link BatchCap}). Partitions
 * new to the stream start at the offset journal's offset when it has one (a stream that started from the
 * journal), else at the group's committed offset, else at their beginning. Refuses to plan, with an error naming
 * the partitions, when partitions were taken by a rebalance or deleted, or the log no longer holds where the
 * stream stands.
 */
final class BatchPlanner implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BatchPlanner.class);

    private final int streamId;
    private final String groupId;
    private final PerPartitionConfig rates;
    private final long batchMillis;
    /** dev.kafkadirect.maxRecordsPerBatch; 0 when off. */
    private final long maxRecordsPerBatch;
    /** dev.kafkadirect.boundedRun; null when off. */
    private final BoundedRun boundedRun;
    /** Where journalled partitions start when first assigned; empty unless the stream started from the journal. */
    private final HashMap<TopicPartition, Long> journalStart = new HashMap<>();

    /**
     * @param streamId the stream, for messages
     * @param groupId the consumer group, for messages; null when there is none
     * @param rates per-partition rate limits, in records per second
     * @param batchMillis the batch interval
     */
    BatchPlanner(int streamId, String groupId, PerPartitionConfig rates, long batchMillis) {
        this(streamId, groupId, rates, batchMillis, 0, null);
    }

    /**
     * @param maxRecordsPerBatch the most records a batch reads in all, shared by lag; 0 for no such cap
     * @param boundedRun where a bounded stream ends; null for a stream without end
     */
    BatchPlanner(int streamId, String groupId, PerPartitionConfig rates, long batchMillis, long maxRecordsPerBatch,
                 BoundedRun boundedRun) {
        this.streamId = streamId;
        this.groupId = groupId;
        this.rates = rates;
        this.batchMillis = batchMillis;
        this.maxRecordsPerBatch = maxRecordsPerBatch;
        this.boundedRun = boundedRun;
    }

    /** Partitions in these offsets start there when first assigned (the stream continues from the journal). */
    void resumeFromJournal(Map<TopicPartition, Long> journalled) {
        journalStart.putAll(journalled);
    }

    /**
     * @param assigned partitions new to the stream
     * @return the journal's offsets of those it has
     */
    Map<TopicPartition, Long> journalledStarts(Set<TopicPartition> assigned) {
        if (journalStart.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<TopicPartition, Long> starts = new HashMap<>();
        Set<TopicPartition> notAssigned = new HashSet<>(journalStart.keySet());
        for (TopicPartition partition : assigned) {
            Long offset = journalStart.get(partition);
            if (offset != null) {
                starts.put(partition, offset);
            }
        }
        notAssigned.removeAll(assigned);
        LOG.info("Direct stream {} resumes {} partitions from the offset journal; {} journalled partitions are not"
                + " assigned to it (its consumer strategy no longer reads them, or not yet): {}", streamId,
                starts.size(), notAssigned.size(), PartitionOrder.sorted(notAssigned));
        return starts;
    }

    /**
     * @param driver the driver's consumer
     * @param current where each partition's next batch starts
     * @param backpressureRate the rate for the whole stream, records per second, under backpressure
     * @return the batch
     * @throws StreamCannotContinueException when partitions were lost or deleted, or the log ends before where the stream stands
     */
    PlannedBatch plan(DriverOffsets driver, Map<TopicPartition, Long> current, OptionalLong backpressureRate) {
        Set<TopicPartition> assignment = requireNoLostPartitions(driver, current, driver.refreshAssignment());
        Map<TopicPartition, Long> from = new HashMap<>(current);
        Set<TopicPartition> added = new HashSet<>(assignment);
        added.removeAll(current.keySet());
        if (!added.isEmpty()) {
            Map<TopicPartition, Long> start = new HashMap<>(journalledStarts(added));
            Set<TopicPartition> notJournalled = new HashSet<>(added);
            notJournalled.removeAll(start.keySet());
            start.putAll(driver.committedOrEarliest(notJournalled));
            LOG.info("Direct stream {} reads new partitions from {}", streamId, PartitionOrder.sorted(start));
            from.putAll(start);
        }
        Map<TopicPartition, Long> latest = driver.latestOffsets(from.keySet());
        requireOffsetsWithinLog(from, latest);
        Map<TopicPartition, Long> until = RateLimit.untilOffsets(from, latest, batchMillis, rates, backpressureRate);
        if (maxRecordsPerBatch > 0) {
            until = BatchCap.apply(from, until, latest, maxRecordsPerBatch);
        }
        if (boundedRun != null) {
            until = boundedRun.cap(from, until, latest);
        }
        return new PlannedBatch(ranges(from, until), latest, until);
    }

    /**
     * Stops the stream, naming them, when some of these partitions no longer exist (their topic was deleted, and
     * perhaps created again with fewer partitions). Does nothing when they all exist or the brokers cannot tell.
     *
     * @param current the stream's partitions and where it stands in them
     */
    void stopIfPartitionsWereDeleted(DriverOffsets driver, Map<TopicPartition, Long> current) {
        Set<TopicPartition> missing;
        try {
            missing = driver.missingPartitions(current.keySet());
        } catch (RuntimeException unknown) {
            LOG.warn("Direct stream {}: could not list the topics to look for deleted ones: {}", streamId,
                    unknown.toString());
            return;
        }
        if (!missing.isEmpty()) {
            Map<TopicPartition, Long> positions = new HashMap<>();
            missing.forEach(partition -> positions.put(partition, current.get(partition)));
            throw PlanningFailure.partitionsDeleted(streamId, PartitionOrder.sorted(positions));
        }
    }

    /** @return the assignment once any rebalance in progress has finished without taking partitions */
    private Set<TopicPartition> requireNoLostPartitions(DriverOffsets driver, Map<TopicPartition, Long> current,
                                                       Set<TopicPartition> assignment) {
        if (assignment.containsAll(current.keySet())) {
            return assignment;
        }
        Set<TopicPartition> settled = driver.awaitRebalance(current.keySet());
        Set<TopicPartition> lost = new HashSet<>(current.keySet());
        lost.removeAll(settled);
        if (!lost.isEmpty()) {
            stopIfPartitionsWereDeleted(driver, current);
            throw new StreamCannotContinueException("Partitions " + PartitionOrder.sorted(lost) + " were taken from this"
                    + " stream's consumer by a rebalance of group.id '" + groupId + "': another consumer uses the same"
                    + " group.id. Use a separate group.id for each stream.");
        }
        return settled;
    }

    /**
     * A partition whose latest offset is below where the stream stands was recreated or truncated, or was
     * given a starting offset past its end: reading on would silently wait for offsets that may never come.
     */
    private static void requireOffsetsWithinLog(Map<TopicPartition, Long> from, Map<TopicPartition, Long> latest) {
        Map<TopicPartition, Long> pastTheEnd = new HashMap<>();
        from.forEach((partition, offset) -> {
            Long end = latest.get(partition);
            if (end != null && end < offset) {
                pastTheEnd.put(partition, offset);
            }
        });
        if (pastTheEnd.isEmpty()) {
            return;
        }
        // Sorted only here, not every batch: the first such partition in order is the one named.
        Map.Entry<TopicPartition, Long> first = PartitionOrder.sorted(pastTheEnd).entrySet().iterator().next();
        throw new StreamCannotContinueException("The stream stands at offset " + first.getValue() + " of "
                + first.getKey() + " but the partition ends at offset " + latest.get(first.getKey()) + ": a starting"
                + " offset past the end of the log was given, or the topic was deleted and created again. Start from"
                + " offsets that exist (for example the group's committed offsets).");
    }

    private static OffsetRange[] ranges(Map<TopicPartition, Long> from, Map<TopicPartition, Long> until) {
        List<TopicPartition> partitions = PartitionOrder.sorted(from.keySet());
        OffsetRange[] ranges = new OffsetRange[partitions.size()];
        for (int i = 0; i < ranges.length; i++) {
            TopicPartition partition = partitions.get(i);
            ranges[i] = OffsetRange.create(partition, from.get(partition), until.get(partition));
        }
        return ranges;
    }
}
