package dev.kafkadirect.internal.stream;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitQueueTest {
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private final CommitQueue queue = new CommitQueue();

    @Test
    void requestsMergeToTheLargestUntilOffsetPerPartitionWhateverTheirOrder() {
        queue.add(new OffsetRange[]{OffsetRange.create(P0, 0, 100), OffsetRange.create(P1, 0, 40)}, null);
        queue.add(new OffsetRange[]{OffsetRange.create(P0, 100, 250)}, null);
        queue.add(new OffsetRange[]{OffsetRange.create(P0, 50, 90), OffsetRange.create(P1, 40, 41)}, null);

        assertThat(queue.drain().offsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(250), P1, new OffsetAndMetadata(41)));
        assertThat(queue.drain().offsets()).as("drained once").isEmpty();
    }

    @Test
    void everyRequestsCallbackHearsTheOutcomeOfTheMergedCommit() {
        List<String> heard = new ArrayList<>();
        OffsetCommitCallback first = (offsets, error) -> heard.add("first " + offsets.get(P0).offset() + " " + error);
        OffsetCommitCallback second = (offsets, error) -> heard.add("second " + offsets.get(P0).offset() + " " + error);
        queue.add(new OffsetRange[]{OffsetRange.create(P0, 0, 10)}, first);
        queue.add(new OffsetRange[]{OffsetRange.create(P0, 10, 20)}, null);
        queue.add(new OffsetRange[]{OffsetRange.create(P0, 20, 30)}, second);

        CommitQueue.Batch batch = queue.drain();
        IllegalStateException failure = new IllegalStateException("broker gone");
        batch.onComplete(batch.offsets(), failure);

        assertThat(heard).containsExactly("first 30 " + failure, "second 30 " + failure);
    }

    @Test
    void nullRangesAreRefusedWhenQueuedNamingTheIndex() {
        assertThatThrownBy(() -> queue.add(null, null))
                .hasMessage("commitAsync needs offsetRanges, but they were null");
        assertThatThrownBy(() -> queue.add(new OffsetRange[]{OffsetRange.create(P0, 0, 1), null}, null))
                .hasMessage("commitAsync: offsetRanges[1] is null");
        assertThat(queue.drain().offsets()).isEmpty();
    }

    @Test
    void laterChangesToTheCallersArrayDoNotChangeTheQueuedRequest() {
        OffsetRange[] ranges = {OffsetRange.create(P0, 0, 10)};
        queue.add(ranges, null);
        ranges[0] = OffsetRange.create(P0, 0, 999);

        assertThat(queue.drain().offsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
    }
}
