package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.DataLossException;
import dev.kafkadirect.OffsetGapException;
import dev.kafkadirect.PollTimeoutException;
import dev.kafkadirect.testing.SteppingTicker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading one range from Kafka's MockConsumer, with a ticker that moves 100 ms each time it is read. */
class RangeReaderTest {
    private static final TopicPartition PARTITION = new TopicPartition("orders", 0);

    private final MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.NONE);
    private final AtomicLong skipped = new AtomicLong();

    @BeforeEach
    void assignThePartition() {
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 100L));
    }

    @Test
    void readsExactlyTheRangeAndHandsBackWhatItFetchedPastTheEnd() {
        addRecords(0, 1, 2, 3, 4, 5, 6);
        RangeReader<String, String> reader = reader(OffsetRange.create(PARTITION, 2, 5), settings(false, true));

        assertThat(offsets(reader)).containsExactly(2L, 3L, 4L);
        assertThat(reader.finished()).isTrue();
        assertThat(reader.position()).isEqualTo(5);
        assertThat(reader.recordsReturned()).isEqualTo(3);
        assertThat(reader.unreadFetchedRecords()).extracting(ConsumerRecord::offset).containsExactly(5L, 6L);
    }

    @Test
    void aGapFailsTheReadNamingTheOffsetsAndTheSettingUnlessGapsAreAllowed() {
        addRecords(0, 1, 4, 5);

        assertThatThrownBy(() -> offsets(reader(OffsetRange.create(PARTITION, 0, 5), settings(false, true))))
                .isInstanceOf(OffsetGapException.class)
                .hasMessage("Offsets 2 to 3 of orders-0 have no records (reading OffsetRange(topic: 'orders',"
                        + " partition: 0, range: [0 -> 5])). Compacted and transactional topics have such gaps: set"
                        + " spark.streaming.kafka.allowNonConsecutiveOffsets=true to read them (under"
                        + " isolation.level=read_committed they are expected and read without it).")
                .satisfies(error -> assertThat(((OffsetGapException) error).firstMissingOffset()).isEqualTo(2));

        consumer.seek(PARTITION, 0);
        addRecords(0, 1, 4, 5);
        assertThat(offsets(reader(OffsetRange.create(PARTITION, 0, 5), settings(true, true)))).containsExactly(0L, 1L, 4L);
    }

    @Test
    void noProgressForThePollTimeoutFailsTheReadNamingTheOffsetAndTheSetting() {
        addRecords(0, 1);

        assertThatThrownBy(() -> offsets(reader(OffsetRange.create(PARTITION, 0, 5), settings(false, true))))
                .isInstanceOf(PollTimeoutException.class)
                .hasMessage("Failed to get records for orders-0 at offset 2 (reading OffsetRange(topic: 'orders',"
                        + " partition: 0, range: [0 -> 5])) after polling for 1000 ms. The broker returned nothing in"
                        + " time: check that it is reachable and that the offset exists, or raise"
                        + " spark.streaming.kafka.consumer.poll.ms.")
                .satisfies(error -> assertThat(((PollTimeoutException) error).offset()).isEqualTo(2));
    }

    @Test
    void deletedOffsetsFailTheReadNamingTheEarliestOffsetAndTheOption() {
        consumer.updateBeginningOffsets(Map.of(PARTITION, 40L));
        consumer.setPollException(new OffsetOutOfRangeException("out of range", Map.of(PARTITION, 10L)));

        assertThatThrownBy(() -> offsets(reader(OffsetRange.create(PARTITION, 10, 50), settings(false, true))))
                .isInstanceOf(DataLossException.class)
                .hasMessageStartingWith("Offset 10 of orders-0 (reading OffsetRange(topic: 'orders', partition: 0,"
                        + " range: [10 -> 50])) is no longer available: the partition now holds offsets 40 to 100."
                        + " Retention or deletion removed the records before they were read; to skip lost records and"
                        + " go on, set dev.kafkadirect.failOnDataLoss=false in kafkaParams.")
                .satisfies(error -> assertThat(((DataLossException) error).earliestOffset()).isEqualTo(40));
    }

    @Test
    void withFailOnDataLossFalseDeletedOffsetsAreSkippedAndCounted() {
        consumer.updateBeginningOffsets(Map.of(PARTITION, 40L));
        consumer.setPollException(new OffsetOutOfRangeException("out of range", Map.of(PARTITION, 10L)));
        addRecords(40, 41, 42);

        RangeReader<String, String> reader = reader(OffsetRange.create(PARTITION, 10, 43), settings(false, false));

        assertThat(offsets(reader)).containsExactly(40L, 41L, 42L);
        assertThat(skipped).hasValue(30);
    }

    private RangeReader<String, String> reader(OffsetRange range, ReadSettings settings) {
        return new RangeReader<>(consumer, range, settings, CarriedOver.nothing(), skipped::addAndGet, new SteppingTicker());
    }

    private static ReadSettings settings(boolean allowGaps, boolean failOnDataLoss) {
        return new ReadSettings(1_000, allowGaps, failOnDataLoss, new CacheSettings(true, 16, 64, 0.75f));
    }

    private void addRecords(long... offsets) {
        for (long offset : offsets) {
            consumer.addRecord(new ConsumerRecord<>("orders", 0, offset, "k" + offset, "v" + offset));
        }
    }

    private static List<Long> offsets(RangeReader<String, String> reader) {
        List<Long> offsets = new ArrayList<>();
        reader.forEachRemaining(record -> offsets.add(record.offset()));
        return offsets;
    }
}
