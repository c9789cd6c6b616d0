package dev.kafkadirect.internal.consumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.kafka.common.TopicPartition;

/**
 * Reads the records of one offset range, {@code [fromOffset, untilOffset)}, from a consumer assigned
 * only to that partition. Stops at the range's end without reading past it more than the last fetch
 * did. Offsets with no record (compaction, transaction markers, aborted records under
 * {@code read_committed}) are allowed only when {@code spark.streaming.kafka.allowNonConsecutiveOffsets}
 * is set; otherwise the read fails naming the setting, because counts answered from the ranges
 * would be wrong. Does not own the consumer.
 */
public final class RangeReader<K, V> implements Iterator<ConsumerRecord<K, V>> {
    private static final Duration POLL_SLICE = Duration.ofMillis(200);

    private final Consumer<K, V> consumer;
    private final OffsetRange range;
    private final TopicPartition partition;
    private final ReadSettings settings;
    private Iterator<ConsumerRecord<K, V>> fetched = Collections.emptyIterator();
    private ConsumerRecord<K, V> next;
    /** The offset the next record should have if the partition had no gaps. */
    private long expectedOffset;

    /**
     * @param consumer a consumer assigned to the range's partition (this reader seeks it)
     * @param range the range to read
     * @param settings poll timeout and gap policy
     */
    public RangeReader(Consumer<K, V> consumer, OffsetRange range, ReadSettings settings) {
        this.consumer = consumer;
        this.range = range;
        this.partition = range.topicPartition();
        this.settings = settings;
        this.expectedOffset = range.fromOffset();
        if (range.count() > 0) {
            consumer.seek(partition, range.fromOffset());
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        while (expectedOffset < range.untilOffset()) {
            while (fetched.hasNext()) {
                ConsumerRecord<K, V> record = fetched.next();
                if (record.offset() < expectedOffset) {
                    continue;
                }
                if (record.offset() >= range.untilOffset()) {
                    requireNoGap(range.untilOffset());
                    expectedOffset = range.untilOffset();
                    return false;
                }
                requireNoGap(record.offset());
                expectedOffset = record.offset() + 1;
                next = record;
                return true;
            }
            fetch();
        }
        return false;
    }

    @Override
    public ConsumerRecord<K, V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more records in " + range);
        }
        ConsumerRecord<K, V> record = next;
        next = null;
        return record;
    }

    /** @return the offset after the last record returned (the range's end once fully read) */
    public long position() {
        return expectedOffset;
    }

    /**
     * Polls in short slices until records arrive, the position passes the range's end (only markers or
     * aborted records were left), or the poll timeout passes without progress. A single long poll would
     * wait out the whole timeout when the range ends in records this consumer never returns.
     */
    private void fetch() {
        long pollTimeoutNanos = settings.pollTimeout().toNanos();
        long deadline = System.nanoTime() + pollTimeoutNanos;
        while (true) {
            long positionBefore = consumer.position(partition);
            long sliceNanos = Math.min(POLL_SLICE.toNanos(), Math.max(0, deadline - System.nanoTime()));
            List<ConsumerRecord<K, V>> records = poll(Duration.ofNanos(sliceNanos));
            if (!records.isEmpty()) {
                fetched = records.iterator();
                return;
            }
            long positionAfter = consumer.position(partition);
            if (positionAfter >= range.untilOffset()) {
                requireNoGap(range.untilOffset());
                expectedOffset = range.untilOffset();
                return;
            }
            if (positionAfter != positionBefore) {
                deadline = System.nanoTime() + pollTimeoutNanos;
            } else if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("Failed to get records for " + partition + " at offset "
                        + expectedOffset + " (reading " + range + ") after polling for "
                        + settings.pollTimeout().toMillis() + " ms. The broker returned nothing in time: check that"
                        + " it is reachable and that the offset exists, or raise " + ReadSettings.POLL_MS + ".");
            }
        }
    }

    private List<ConsumerRecord<K, V>> poll(Duration timeout) {
        try {
            return consumer.poll(timeout).records(partition);
        } catch (OffsetOutOfRangeException e) {
            long earliest = consumer.beginningOffsets(Collections.singleton(partition)).get(partition);
            long latest = consumer.endOffsets(Collections.singleton(partition)).get(partition);
            throw new IllegalStateException("Offset " + expectedOffset + " of " + partition + " (reading " + range
                    + ") is no longer available: the partition now holds offsets " + earliest + " to " + latest
                    + ". Retention or deletion removed the records before they were read.", e);
        }
    }

    private void requireNoGap(long nextPresentOffset) {
        if (nextPresentOffset != expectedOffset && !settings.allowNonConsecutiveOffsets()) {
            throw new IllegalStateException("Offsets " + expectedOffset + " to " + (nextPresentOffset - 1) + " of "
                    + partition + " have no records (reading " + range + "). Compacted and transactional topics have"
                    + " such gaps: set " + ReadSettings.ALLOW_NON_CONSECUTIVE_OFFSETS + "=true to read them.");
        }
    }
}
