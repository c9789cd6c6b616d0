package dev.kafkadirect.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static dev.kafkadirect.testkit.AdminCalls.CLIENT_TIMEOUT;
import static dev.kafkadirect.testkit.AdminCalls.await;
import static dev.kafkadirect.testkit.AdminCalls.awaitCondition;

/** A cluster's topics, partitions and group offsets, through its admin client; behind {@link KafkaCluster}. */
final class ClusterTopics {
    static final Comparator<TopicPartition> PARTITION_ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final Supplier<Admin> admin;
    private final Supplier<Map<String, Object>> clientConfig;

    ClusterTopics(Supplier<Admin> admin, Supplier<Map<String, Object>> clientConfig) {
        this.admin = admin;
        this.clientConfig = clientConfig;
    }

    void create(String topic, int partitions, int replicationFactor, Map<String, String> configs) {
        NewTopic newTopic = new NewTopic(topic, partitions, (short) replicationFactor).configs(configs);
        await("create topic " + topic, () -> admin.get().createTopics(List.of(newTopic)).all());
        awaitCondition("leaders for every partition of " + topic, () -> hasLeaders(topic, partitions));
        awaitServed(topic);
    }

    void delete(String topic) {
        await("delete topic " + topic, () -> admin.get().deleteTopics(List.of(topic)).all());
        awaitCondition("topic " + topic + " to disappear",
                () -> !await("list topics", () -> admin.get().listTopics().names()).contains(topic));
    }

    void addPartitions(String topic, int totalPartitions) {
        await("add partitions to " + topic,
                () -> admin.get().createPartitions(Map.of(topic, NewPartitions.increaseTo(totalPartitions))).all());
        awaitCondition("leaders for " + totalPartitions + " partitions of " + topic,
                () -> hasLeaders(topic, totalPartitions));
        awaitServed(topic);
    }

    int leaderOf(String topic, int partition) {
        TopicPartitionInfo info = describe(topic).partitions().stream()
                .filter(candidate -> candidate.partition() == partition).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Topic " + topic + " has no partition " + partition));
        return Optional.ofNullable(info.leader()).map(Node::id)
                .orElseThrow(() -> new IllegalStateException(topic + "-" + partition + " has no leader now"));
    }

    Map<TopicPartition, Long> committedOffsets(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> committed = await("read offsets of group " + groupId,
                () -> admin.get().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> offsets = new TreeMap<>(PARTITION_ORDER);
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(clientConfig.get(), new StringDeserializer(), new StringDeserializer())) {
            Map<TopicPartition, Long> ordered = new TreeMap<>(PARTITION_ORDER);
            ordered.putAll(consumer.endOffsets(partitions(topic), CLIENT_TIMEOUT));
            return ordered;
        }
    }

    /** @return the topic's partitions, in order */
    List<TopicPartition> partitions(String topic) {
        return describe(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toList());
    }

    /**
     * Waits until every partition's leader serves it (answers for its end offset). A leader named in the
     * metadata may not have opened the partition's log yet, and an idempotent producer writing then can get
     * stuck retrying out-of-order sequence numbers until its delivery timeout.
     */
    private void awaitServed(String topic) {
        endOffsets(topic);
    }

    /** @return whether the topic has that many partitions, each with a leader; false while it is not known yet */
    private boolean hasLeaders(String topic, int partitions) {
        TopicDescription description;
        try {
            description = describe(topic);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
        return description.partitions().size() == partitions
                && description.partitions().stream().allMatch(partition -> partition.leader() != null);
    }

    private TopicDescription describe(String topic) {
        return await("describe topic " + topic, () -> admin.get().describeTopics(List.of(topic)).allTopicNames())
                .get(topic);
    }
}
