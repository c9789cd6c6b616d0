package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.DataLossException;
import dev.kafkadirect.OffsetGapException;
import dev.kafkadirect.PollTimeoutException;
import dev.kafkadirect.internal.time.Ticker;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongConsumer;

/**
 * Reads the records of one offset range, {@code [fromOffset, untilOffset)}, from a consumer assigned to
 * that partition. Offsets with no record (compaction, transaction markers, aborted records under
 * {@code read_committed}) are allowed only when {@code spark.streaming.kafka.allowNonConsecutiveOffsets}
 * is set; otherwise the read fails naming the setting, because counts answered from the ranges would be
 * wrong. Records deleted before they were read (retention) fail the read, or with
 * {@code dev.kafkadirect.failOnDataLoss=false} are skipped and reported. Does not own the consumer;
 * records it fetched past the range are handed back with {@link #unreadFetchedRecords()}.
 */
public final class RangeReader<K, V> implements Iterator<ConsumerRecord<K, V>> {
    private static final Logger LOG = LoggerFactory.getLogger(RangeReader.class);
    private static final Duration POLL_SLICE = Duration.ofMillis(200);

    private final Consumer<K, V> consumer;
    private final OffsetRange range;
    private final TopicPartition partition;
    private final ReadSettings settings;
    private final LongConsumer skippedOffsets;
    private final Ticker ticker;
    private Iterator<ConsumerRecord<K, V>> fetched;
    /** A fetched record at or past the range's end, read to see where the range stops. */
    private ConsumerRecord<K, V> beyondRange;
    private ConsumerRecord<K, V> next;
    /** The offset the next record should have if the partition had no gaps. */
    private long expectedOffset;
    private long recordsReturned;
    private long bytesReturned;

    /**
     * @param consumer a consumer assigned to the range's partition
     * @param range the range to read
     * @param settings poll timeout, gap and data-loss policy
     * @param carriedOver records and position left by the previous range, if it ended at this range's start
     * @param skippedOffsets told how many offsets were skipped as lost (only with failOnDataLoss=false)
     */
    public RangeReader(Consumer<K, V> consumer, OffsetRange range, ReadSettings settings,
                       CarriedOver<K, V> carriedOver, LongConsumer skippedOffsets) {
        this(consumer, range, settings, carriedOver, skippedOffsets, Ticker.SYSTEM);
    }

    /**
     * As {@link #RangeReader(Consumer, OffsetRange, ReadSettings, CarriedOver, LongConsumer)}, measuring the poll
     * timeout with {@code ticker}.
     */
    RangeReader(Consumer<K, V> consumer, OffsetRange range, ReadSettings settings, CarriedOver<K, V> carriedOver,
                LongConsumer skippedOffsets, Ticker ticker) {
        this.ticker = ticker;
        this.consumer = consumer;
        this.range = range;
        this.partition = range.topicPartition();
        this.settings = settings;
        this.skippedOffsets = skippedOffsets;
        this.expectedOffset = range.fromOffset();
        this.fetched = carriedOver.records().iterator();
        if (range.count() > 0 && !carriedOver.positioned()) {
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
                    beyondRange = record;
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
        recordsReturned++;
        bytesReturned += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
        return record;
    }

    /** @return the offset after the last record returned (the range's end once fully read) */
    public long position() {
        return expectedOffset;
    }

    /** @return how many records were returned so far */
    public long recordsReturned() {
        return recordsReturned;
    }

    /** @return the serialized key and value bytes of the records returned so far */
    public long bytesReturned() {
        return bytesReturned;
    }

    /** @return whether the whole range has been read */
    public boolean finished() {
        return next == null && expectedOffset >= range.untilOffset();
    }

    /** @return records fetched past the range's end, in order, for a reader of the next range */
    public List<ConsumerRecord<K, V>> unreadFetchedRecords() {
        List<ConsumerRecord<K, V>> unread = new ArrayList<>();
        if (beyondRange != null) {
            unread.add(beyondRange);
        }
        fetched.forEachRemaining(unread::add);
        return unread;
    }

    /**
     * Polls in short slices until records arrive, the position passes the range's end (only markers or
     * aborted records were left), or the poll timeout passes without progress. A single long poll would
     * wait out the whole timeout when the range ends in records this consumer never returns.
     */
    private void fetch() {
        long pollTimeoutNanos = settings.pollTimeout().toNanos();
        long deadline = ticker.nanoTime() + pollTimeoutNanos;
        while (true) {
            long positionBefore = consumer.position(partition);
            long sliceNanos = Math.min(POLL_SLICE.toNanos(), Math.max(0, deadline - ticker.nanoTime()));
            List<ConsumerRecord<K, V>> records = poll(Duration.ofNanos(sliceNanos));
            if (!records.isEmpty()) {
                fetched = records.iterator();
                return;
            }
            if (expectedOffset >= range.untilOffset()) {
                return;
            }
            long positionAfter = consumer.position(partition);
            if (positionAfter >= range.untilOffset()) {
                requireNoGap(range.untilOffset());
                expectedOffset = range.untilOffset();
                return;
            }
            if (positionAfter != positionBefore) {
                deadline = ticker.nanoTime() + pollTimeoutNanos;
            } else if (ticker.nanoTime() - deadline >= 0) {
                throw new PollTimeoutException("Failed to get records for " + partition + " at offset "
                        + expectedOffset + " (reading " + range + ") after polling for "
                        + settings.pollTimeout().toMillis() + " ms. The broker returned nothing in time: check that"
                        + " it is reachable and that the offset exists, or raise " + ReadSettings.POLL_MS + ".",
                        partition, expectedOffset);
            }
        }
    }

    private List<ConsumerRecord<K, V>> poll(Duration timeout) {
        try {
            return consumer.poll(timeout).records(partition);
        } catch (OffsetOutOfRangeException e) {
            skipLostOffsets(e);
            return Collections.emptyList();
        }
    }

    private void skipLostOffsets(OffsetOutOfRangeException cause) {
        long earliest = consumer.beginningOffsets(Collections.singleton(partition)).get(partition);
        long latest = consumer.endOffsets(Collections.singleton(partition)).get(partition);
        if (settings.failOnDataLoss() || earliest <= expectedOffset) {
            throw new DataLossException("Offset " + expectedOffset + " of " + partition + " (reading " + range
                    + ") is no longer available: the partition now holds offsets " + earliest + " to " + latest
                    + (earliest > expectedOffset
                    ? ". Retention or deletion removed the records before they were read; to skip lost records"
                            + " and go on, set " + ReadSettings.FAIL_ON_DATA_LOSS + "=false in kafkaParams."
                    : ". The range lies past the end of the partition: was the topic deleted and created again?"),
                    partition, expectedOffset, earliest, cause);
        }
        long resumeAt = Math.min(earliest, range.untilOffset());
        long skipped = resumeAt - expectedOffset;
        LOG.warn("Skipped {} offsets [{}, {}) of {} (reading {}): deleted before they were read; {}=false",
                skipped, expectedOffset, resumeAt, partition, range, ReadSettings.FAIL_ON_DATA_LOSS);
        skippedOffsets.accept(skipped);
        expectedOffset = resumeAt;
        // Seek even to the range's end: the consumer must stand on a valid offset for the next range.
        consumer.seek(partition, resumeAt);
        fetched = Collections.emptyIterator();
    }

    private void requireNoGap(long nextPresentOffset) {
        if (nextPresentOffset != expectedOffset && !settings.gapsAllowed()) {
            throw new OffsetGapException("Offsets " + expectedOffset + " to " + (nextPresentOffset - 1) + " of "
                    + partition + " have no records (reading " + range + "). Compacted and transactional topics have"
                    + " such gaps: set " + ReadSettings.ALLOW_NON_CONSECUTIVE_OFFSETS + "=true to read them (under"
                    + " isolation.level=read_committed they are expected and read without it).",
                    partition, expectedOffset, nextPresentOffset);
        }
    }
}
