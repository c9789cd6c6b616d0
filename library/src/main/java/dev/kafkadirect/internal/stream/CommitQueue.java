package dev.kafkadirect.internal.stream;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Commit requests from {@code commitAsync}, queued by any thread and drained by the driver's consumer:
 * the largest until-offset per partition wins, and every request's callback hears the outcome.
 */
final class CommitQueue {
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    void add(OffsetRange[] offsetRanges, OffsetCommitCallback callback) {
        if (offsetRanges == null) {
            throw new IllegalArgumentException("commitAsync needs offsetRanges, but they were null");
        }
        for (int i = 0; i < offsetRanges.length; i++) {
            if (offsetRanges[i] == null) {
                throw new IllegalArgumentException("commitAsync: offsetRanges[" + i + "] is null");
            }
        }
        requests.add(new Request(offsetRanges.clone(), callback));
    }

    /** @return every request queued so far, merged; empty when there were none */
    Batch drain() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        List<OffsetCommitCallback> callbacks = new ArrayList<>();
        for (Request request = requests.poll(); request != null; request = requests.poll()) {
            for (OffsetRange range : request.offsetRanges) {
                offsets.merge(range.topicPartition(), new OffsetAndMetadata(range.untilOffset()),
                        (a, b) -> a.offset() >= b.offset() ? a : b);
            }
            if (request.callback != null) {
                callbacks.add(request.callback);
            }
        }
        return new Batch(offsets, callbacks);
    }

    /** Merged requests: the offsets to commit and the callbacks to tell. */
    static final class Batch implements OffsetCommitCallback {
        private final Map<TopicPartition, OffsetAndMetadata> offsets;
        private final List<OffsetCommitCallback> callbacks;

        Batch(Map<TopicPartition, OffsetAndMetadata> offsets, List<OffsetCommitCallback> callbacks) {
            this.offsets = Collections.unmodifiableMap(offsets);
            this.callbacks = callbacks;
        }

        Map<TopicPartition, OffsetAndMetadata> offsets() {
            return offsets;
        }

        @Override
        public void onComplete(Map<TopicPartition, OffsetAndMetadata> committed, Exception exception) {
            for (OffsetCommitCallback callback : callbacks) {
                callback.onComplete(committed, exception);
            }
        }
    }

    private static final class Request {
        private final OffsetRange[] offsetRanges;
        private final OffsetCommitCallback callback;

        private Request(OffsetRange[] offsetRanges, OffsetCommitCallback callback) {
            this.offsetRanges = offsetRanges;
            this.callback = callback;
        }
    }
}
