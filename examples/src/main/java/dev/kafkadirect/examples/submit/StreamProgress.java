package dev.kafkadirect.examples.submit;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a stream has read and committed so far, kept on the driver: records, distinct values, and the offsets
 * Kafka confirmed as committed. It is the commit callback, and it knows when everything up to a target is
 * both read and committed.
 */
final class StreamProgress implements OffsetCommitCallback {
    private final Map<TopicPartition, Long> target;
    private final Set<String> distinctValues = new HashSet<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private long records;
    private String commitFailure;

    /** @param target the offsets to read and commit, per partition */
    StreamProgress(Map<TopicPartition, Long> target) {
        this.target = Map.copyOf(target);
    }

    /** @param values the values of one batch's records */
    synchronized void read(List<String> values) {
        records += values.size();
        distinctValues.addAll(values);
    }

    @Override
    public synchronized void onComplete(Map<TopicPartition, OffsetAndMetadata> offsets, Exception exception) {
        if (exception != null) {
            commitFailure = exception.toString();
            return;
        }
        offsets.forEach((partition, offset) -> committed.merge(partition, offset.offset(), Math::max));
    }

    /** @return whether Kafka confirmed commits reaching the target on every partition */
    synchronized boolean committedUpToTarget() {
        return target.entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || committed.getOrDefault(end.getKey(), -1L) >= end.getValue());
    }

    /** @return the error of the last failed commit, or null */
    synchronized String commitFailure() {
        return commitFailure;
    }

    synchronized long records() {
        return records;
    }

    synchronized long distinct() {
        return distinctValues.size();
    }

    /** @return the confirmed committed offsets, as {@code partition=offset} sorted by partition */
    synchronized String committedOffsets() {
        StringBuilder text = new StringBuilder();
        committed.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.partition(), b.partition())))
                .forEach(entry -> text.append(text.length() == 0 ? "" : ",")
                        .append(entry.getKey().partition()).append('=').append(entry.getValue()));
        return text.toString();
    }
}
