package dev.kafkadirect.internal.stream;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The order ranges and messages list topic-partitions in. */
class PartitionOrderTest {

    @Test
    void topicsComeInNameOrderAndEachTopicsPartitionsByNumberNotAsText() {
        List<TopicPartition> scrambled = Arrays.asList(new TopicPartition("payments", 10),
                new TopicPartition("orders", 2), new TopicPartition("payments", 9), new TopicPartition("orders", 10),
                new TopicPartition("orders", 0), new TopicPartition("audit", 5));

        assertThat(PartitionOrder.sorted(scrambled)).containsExactly(new TopicPartition("audit", 5),
                new TopicPartition("orders", 0), new TopicPartition("orders", 2), new TopicPartition("orders", 10),
                new TopicPartition("payments", 9), new TopicPartition("payments", 10));
    }

    @Test
    void equalTopicNamesHeldInDifferentStringsCountAsOneTopic() {
        // Decoded from requests and responses, one topic's name arrives as many String objects.
        String orders = "orders";
        TopicPartition second = new TopicPartition(new String(orders.toCharArray()), 1);
        TopicPartition first = new TopicPartition(orders, 0);
        TopicPartition third = new TopicPartition(new String(orders.toCharArray()), 2);

        assertThat(PartitionOrder.sorted(Arrays.asList(third, second, first))).containsExactly(first, second, third);
        assertThat(PartitionOrder.ORDER.compare(first, new TopicPartition(new String(orders.toCharArray()), 0)))
                .isZero();
    }

    @Test
    void aSortedMapKeepsEachPartitionsValue() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (int partition = 0; partition < 1000; partition++) {
            offsets.put(new TopicPartition("orders", partition), 10L * partition);
        }

        Map<TopicPartition, Long> sorted = PartitionOrder.sorted(offsets);

        int expected = 0;
        for (Map.Entry<TopicPartition, Long> entry : sorted.entrySet()) {
            assertThat(entry.getKey()).isEqualTo(new TopicPartition("orders", expected));
            assertThat(entry.getValue()).isEqualTo(10L * expected);
            expected++;
        }
        assertThat(expected).isEqualTo(1000);
    }
}
