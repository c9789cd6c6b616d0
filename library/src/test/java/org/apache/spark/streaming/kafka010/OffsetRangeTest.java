package org.apache.spark.streaming.kafka010;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffsetRangeTest {
    @Test
    void createExposesTheRangeThroughAccessors() {
        OffsetRange range = OffsetRange.create("test", 1, 10, 110);

        assertThat(range.topic()).isEqualTo("test");
        assertThat(range.partition()).isEqualTo(1);
        assertThat(range.fromOffset()).isEqualTo(10);
        assertThat(range.untilOffset()).isEqualTo(110);
        assertThat(range.count()).isEqualTo(100);
        assertThat(range.topicPartition()).isEqualTo(new TopicPartition("test", 1));
        assertThat(range.toTuple()).isEqualTo(new scala.Tuple4<>("test", 1, 10L, 110L));
    }

    @Test
    void createFromTopicPartitionEqualsCreateFromNames() {
        OffsetRange fromPartition = OffsetRange.create(new TopicPartition("test", 0), 0, 100);
        OffsetRange fromNames = OffsetRange.create("test", 0, 0, 100);

        assertThat(fromPartition).isEqualTo(fromNames).hasSameHashCodeAs(fromNames);
        assertThat(fromPartition).isNotEqualTo(OffsetRange.create("test", 0, 0, 101));
        assertThat(fromPartition.toString()).isEqualTo("OffsetRange(topic: 'test', partition: 0, range: [0 -> 100])");
    }

    @Test
    void emptyRangeIsValid() {
        assertThat(OffsetRange.create("test", 0, 5, 5).count()).isZero();
    }

    @Test
    void rangeSurvivesJavaSerialization() throws Exception {
        OffsetRange range = OffsetRange.create("test", 3, 7, 9);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(range);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(range);
        }
    }

    @Test
    void invalidRangesAreRejectedNamingTheRange() {
        assertThatThrownBy(() -> OffsetRange.create("test", 0, 100, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid offset range topic=test partition=0 fromOffset=100 untilOffset=10:"
                        + " fromOffset must be <= untilOffset");
        assertThatThrownBy(() -> OffsetRange.create("test", 0, -1, 10))
                .hasMessage("Invalid offset range topic=test partition=0 fromOffset=-1 untilOffset=10:"
                        + " fromOffset must be >= 0");
        assertThatThrownBy(() -> OffsetRange.create(null, 2, 0, 10))
                .hasMessage("Invalid offset range topic=null partition=2 fromOffset=0 untilOffset=10:"
                        + " topic must not be null");
        assertThatThrownBy(() -> OffsetRange.create("test", -3, 0, 10))
                .hasMessageEndingWith("partition must be >= 0");
        assertThatThrownBy(() -> OffsetRange.create((TopicPartition) null, 0, 10))
                .hasMessage("Invalid offset range: topicPartition must not be null");
    }
}
