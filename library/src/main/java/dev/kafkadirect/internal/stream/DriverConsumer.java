package dev.kafkadirect.internal.stream;

import dev.kafkadirect.internal.strategy.GroupJoin;
import dev.kafkadirect.internal.strategy.PausesOnAssignment;
import dev.kafkadirect.internal.time.Ticker;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The direct stream's driver-side consumer: it finds the partitions to read and their latest offsets
 * and commits, but never fetches records for itself (every partition stays paused). Its blocking calls
 * wait at most the consumer's {@code default.api.timeout.ms} (Kafka's default: 60 s; settable in
 * kafkaParams). Not thread-safe: the stream calls it under its own lock.
 */
final class DriverConsumer<K, V> implements DriverOffsets {
    private static final Logger LOG = LoggerFactory.getLogger(DriverConsumer.class);
    private static final Duration GROUP_POLL = Duration.ofMillis(100);
    private static final Duration REBALANCE_GRACE = Duration.ofSeconds(10);

    private final Consumer<K, V> consumer;
    private final Ticker ticker;
    private final Duration groupJoinTimeout;
    private final ExpiredCommits expiredCommits;
    /** Positions seen in records a poll returned anyway (a custom strategy that did not pause). */
    private final Map<TopicPartition, Long> returnedPositions = new HashMap<>();
    /**
     * Whether the strategy pauses each partition as it is given ({@link PausesOnAssignment}), so polls need not
     * pause the whole assignment; cleared for good when a poll returns records anyway.
     */
    private boolean pausedOnAssignment;
    /** Whether the last poll left no partition assigned; null before the first (each look copies the assignment). */
    private Boolean nothingAssigned;

    /**
     * @param consumer the consumer the strategy started
     * @param groupJoinTimeout how long to wait for a subscription's first assignment
     * @param pausedOnAssignment whether the strategy pauses every partition as the consumer is given it
     *                           ({@link PausesOnAssignment}); if not, each poll pauses the whole assignment
     */
    DriverConsumer(Consumer<K, V> consumer, Duration groupJoinTimeout, ExpiredCommits expiredCommits,
                   boolean pausedOnAssignment) {
        this(consumer, groupJoinTimeout, expiredCommits, pausedOnAssignment, Ticker.SYSTEM);
    }

    /**
     * @param expiredCommits what to do with committed offsets the log no longer holds
     * @param ticker the time its waits are measured with
     */
    DriverConsumer(Consumer<K, V> consumer, Duration groupJoinTimeout, ExpiredCommits expiredCommits,
                   boolean pausedOnAssignment, Ticker ticker) {
        this.consumer = consumer;
        this.groupJoinTimeout = groupJoinTimeout;
        this.expiredCommits = expiredCommits;
        this.pausedOnAssignment = pausedOnAssignment;
        this.ticker = ticker;
    }

    /**
     * Lets a subscribed consumer take part in its group (rebalances, new partitions, new topics) without
     * fetching records, and returns the partitions assigned now (for Assign, the fixed set).
     */
    @Override
    public Set<TopicPartition> refreshAssignment() {
        boolean none = nothingAssigned != null ? nothingAssigned : consumer.assignment().isEmpty();
        return pausedPoll(none ? GROUP_POLL : Duration.ZERO);
    }

    /**
     * Gives the group protocol time to progress (rejoins, new partitions and topics, commit responses);
     * called between batches, off the planning path. A zero-time poll alone never finishes a rejoin
     * (measured: a pattern's new topic stayed unassigned for 40 batches); 10 ms per batch does
     * ({@link GroupKeepUp} polls that long, in slices).
     *
     * @param time how long to poll
     */
    void keepUpWithGroup(Duration time) {
        pausedPoll(time);
    }

    /**
     * Gives a rebalance in progress time to finish: polls until the consumer holds all of
     * {@code expected} again, or {@code REBALANCE_GRACE} passes.
     *
     * @return the partitions assigned then
     */
    @Override
    public Set<TopicPartition> awaitRebalance(Set<TopicPartition> expected) {
        long deadline = ticker.nanoTime() + REBALANCE_GRACE.toNanos();
        while (!consumer.assignment().containsAll(expected) && ticker.nanoTime() - deadline < 0) {
            pausedPoll(GROUP_POLL);
        }
        return new HashSet<>(consumer.assignment());
    }

    /**
     * Polls with every assigned partition paused. Unless the strategy pauses partitions as they are given, it pauses
     * the whole assignment before and after the poll (a rebalance inside the poll assigns partitions unpaused).
     * Also completes earlier commitAsync calls: their callbacks run inside poll.
     *
     * @return the assignment after the poll (the consumer's own copy: each {@code assignment()} copies it,
     *         which counts at thousands of partitions)
     */
    private Set<TopicPartition> pausedPoll(Duration timeout) {
        if (!pausedOnAssignment) {
            consumer.pause(consumer.assignment());
        }
        ConsumerRecords<K, V> records = consumer.poll(timeout);
        if (!records.isEmpty()) {
            if (pausedOnAssignment) {
                LOG.warn("The driver's consumer returned records of {} although its strategy pauses every partition"
                        + " it is given; from now on each poll pauses the whole assignment", records.partitions());
                pausedOnAssignment = false;
            }
            for (ConsumerRecord<K, V> record : records) {
                returnedPositions.merge(new TopicPartition(record.topic(), record.partition()), record.offset(),
                        Math::min);
            }
        }
        Set<TopicPartition> assigned = consumer.assignment();
        if (!pausedOnAssignment) {
            consumer.pause(assigned);
        }
        nothingAssigned = assigned.isEmpty();
        return assigned;
    }

    /**
     * For a subscribed consumer, waits (at most {@code dev.kafkadirect.groupJoinTimeoutMs}) until the group has
     * assigned it partitions, so the
     * first batch reads every partition from its committed or reset position.
     *
     * @return the partitions assigned now
     */
    Set<TopicPartition> awaitInitialAssignment() {
        if (consumer.assignment().isEmpty()) {
            // A subscription (a pattern's too, whose topic list stays empty until metadata arrives) joins now.
            GroupJoin.awaitAssignment(consumer, Collections.emptySet(), groupJoinTimeout, ticker);
            if (consumer.assignment().isEmpty()) {
                LOG.warn("No partition is assigned to the driver's consumer yet; the stream will read partitions"
                        + " from their beginning once they are assigned");
            }
        }
        return refreshAssignment();
    }

    /**
     * After recovery from a checkpoint, waits until the group gives back every partition the stream was
     * reading. A driver that was killed still holds them until its group session expires.
     *
     * @param restored the partitions of the recovered stream
     * @param max how long to wait: the group session timeout and a margin
     * @return the partitions assigned then
     */
    Set<TopicPartition> awaitRestoredAssignment(Set<TopicPartition> restored, Duration max) {
        long started = ticker.nanoTime();
        long deadline = started + max.toNanos();
        boolean told = false;
        while (!consumer.assignment().containsAll(restored) && ticker.nanoTime() - deadline < 0) {
            if (!told && ticker.nanoTime() - started > Duration.ofSeconds(2).toNanos()) {
                LOG.info("Waiting up to {} s for the group to hand back {} partitions (a killed driver holds them until"
                        + " its session.timeout.ms expires; group.instance.id lets a restarted driver take them at once)",
                        max.getSeconds(), restored.size());
                told = true;
            }
            pausedPoll(GROUP_POLL);
        }
        return refreshAssignment();
    }

    /**
     * @param partitions the partitions the stream will read
     * @throws IllegalArgumentException naming a partition whose topic does not exist or has fewer partitions
     */
    void requireExistingPartitions(Set<TopicPartition> partitions) {
        Map<String, Integer> partitionCounts = new HashMap<>();
        for (TopicPartition partition : partitions) {
            int count = partitionCounts.computeIfAbsent(partition.topic(), topic -> {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                return infos == null ? 0 : infos.size();
            });
            if (partition.partition() >= count) {
                throw new IllegalArgumentException("The stream was given " + partition + ", but "
                        + (count == 0 ? "topic " + partition.topic() + " does not exist"
                        : "topic " + partition.topic() + " has " + count + " partitions")
                        + ". Check the topic-partitions passed to ConsumerStrategies.Assign.");
            }
        }
    }

    /**
     * @return where each partition starts when the stream first reads it: its consumer position, unless that is a
     *         committed offset the log no longer holds ({@link ExpiredCommits})
     */
    Map<TopicPartition, Long> positions(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long returned = returnedPositions.remove(partition);
            positions.put(partition, returned != null ? returned : consumer.position(partition));
        }
        if (positions.isEmpty()) {
            return positions;
        }
        return expiredCommits.resolve(positions, committedOffsets(partitions), consumer.beginningOffsets(partitions),
                this::latestOffsets);
    }

    private Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (!expiredCommits.inAGroup()) {
            return offsets;
        }
        consumer.committed(new HashSet<>(partitions)).forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    /**
     * @return where partitions that appeared while the stream ran start: the group's committed offset (unless the
     *         log no longer holds it: {@link ExpiredCommits}), else their beginning, so that nothing written to a
     *         new partition is skipped
     */
    @Override
    public Map<TopicPartition, Long> committedOrEarliest(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> committed = committedOffsets(partitions);
        Map<TopicPartition, Long> earliest = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> start = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long offset = committed.get(partition);
            start.put(partition, offset != null ? offset : earliest.get(partition));
        }
        return expiredCommits.resolve(start, committed, earliest, this::latestOffsets);
    }

    /**
     * @param partitions topic-partitions
     * @return those the cluster does not list now (asked without letting the brokers create topics)
     */
    @Override
    public Set<TopicPartition> missingPartitions(Set<TopicPartition> partitions) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics();
        Set<TopicPartition> missing = new HashSet<>();
        for (TopicPartition partition : partitions) {
            List<PartitionInfo> infos = topics.get(partition.topic());
            if (infos == null || infos.stream().noneMatch(info -> info.partition() == partition.partition())) {
                missing.add(partition);
            }
        }
        return missing;
    }

    /** @return the latest offset (for read_committed, the last stable one) of each partition, one request per broker */
    @Override
    public Map<TopicPartition, Long> latestOffsets(Collection<TopicPartition> partitions) {
        return consumer.endOffsets(partitions);
    }

    /** @return the host of each partition's leader, where known */
    Map<TopicPartition, String> leaderHosts(Collection<TopicPartition> partitions) {
        Set<String> topics = new HashSet<>();
        partitions.forEach(partition -> topics.add(partition.topic()));
        Map<TopicPartition, String> hosts = new HashMap<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            for (PartitionInfo info : infos) {
                Node leader = info.leader();
                if (leader != null && !leader.isEmpty()) {
                    hosts.put(new TopicPartition(topic, info.partition()), leader.host());
                }
            }
        }
        return hosts;
    }

    void commitAsync(CommitQueue.Batch batch) {
        if (batch.offsets().isEmpty()) {
            batch.onComplete(batch.offsets(), null);
            return;
        }
        consumer.commitAsync(batch.offsets(), batch);
    }

    /** Commits synchronously (before closing), so the offsets are stored when the stream stops. */
    void commitSync(CommitQueue.Batch batch) {
        if (batch.offsets().isEmpty()) {
            batch.onComplete(batch.offsets(), null);
            return;
        }
        try {
            consumer.commitSync(batch.offsets());
            batch.onComplete(batch.offsets(), null);
        } catch (RuntimeException e) {
            LOG.error("Committing offsets {} before stopping failed", batch.offsets(), e);
            batch.onComplete(batch.offsets(), e);
        }
    }

    void close() {
        try {
            // Runs the callbacks of commits still in flight.
            consumer.close(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            LOG.warn("Closing the driver consumer failed: {}", e.toString());
        }
    }
}
