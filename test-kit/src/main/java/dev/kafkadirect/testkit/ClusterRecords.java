package dev.kafkadirect.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static dev.kafkadirect.testkit.AdminCalls.CLIENT_TIMEOUT;

/** Producing records to a cluster and reading them back; behind {@link KafkaCluster}. */
final class ClusterRecords {
    private final Supplier<Map<String, Object>> clientConfig;
    private final ClusterTopics topics;

    ClusterRecords(Supplier<Map<String, Object>> clientConfig, ClusterTopics topics) {
        this.clientConfig = clientConfig;
        this.topics = topics;
    }

    List<RecordMetadata> produce(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(Map.of()))) {
            return sendAll(producer, records);
        }
    }

    void produceBulk(long count, LongFunction<ProducerRecord<String, String>> recordForIndex, LongConsumer acknowledged) {
        AtomicLong acks = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long step = Math.max(1, count / 100);
        // No compression: loopback does not need it, and codec jars (lz4, snappy) clash with Spark's own.
        Map<String, Object> bulk = Map.of(ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bulk))) {
            for (long i = 0; i < count && firstFailure.get() == null; i++) {
                producer.send(recordForIndex.apply(i), (metadata, exception) -> {
                    if (exception != null) {
                        firstFailure.compareAndSet(null, exception);
                    } else {
                        acks.incrementAndGet();
                    }
                });
                if (i % step == 0) {
                    acknowledged.accept(acks.get());
                }
            }
            producer.flush();
        }
        if (firstFailure.get() != null) {
            throw new IllegalStateException("Producing failed after " + acks.get() + " of " + count + " records: "
                    + firstFailure.get(), firstFailure.get());
        }
        acknowledged.accept(acks.get());
    }

    List<RecordMetadata> produceInTransaction(List<ProducerRecord<String, String>> records, TransactionOutcome outcome) {
        Map<String, Object> transactional = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "kafka-direct-test-kit-" + Uuid.randomUuid());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(transactional))) {
            producer.initTransactions();
            producer.beginTransaction();
            List<RecordMetadata> metadata = sendAll(producer, records);
            if (outcome == TransactionOutcome.COMMIT) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
            return metadata;
        }
    }

    List<ConsumerRecord<String, String>> readAll(String topic, String isolationLevel) {
        Map<String, Object> config = new HashMap<>(clientConfig.get());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = topics.partitions(topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CLIENT_TIMEOUT);
            Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition =
                    new TreeMap<>(ClusterTopics.PARTITION_ORDER);
            partitions.forEach(partition -> byPartition.put(partition, new ArrayList<>()));
            long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Reading " + topic + " to offsets " + end + " took over "
                            + CLIENT_TIMEOUT.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> byPartition.get(new TopicPartition(record.topic(), record.partition()))
                                .add(record));
            }
            return byPartition.values().stream().flatMap(List::stream)
                    .filter(record -> record.offset() < end.get(new TopicPartition(record.topic(), record.partition())))
                    .collect(Collectors.toList());
        }
    }

    private Map<String, Object> producerConfig(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(clientConfig.get());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) CLIENT_TIMEOUT.toMillis());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.putAll(extra);
        return config;
    }

    private static List<RecordMetadata> sendAll(KafkaProducer<String, String> producer,
                                                List<ProducerRecord<String, String>> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, String> record : records) {
            acks.add(producer.send(record));
        }
        producer.flush();
        List<RecordMetadata> metadata = new ArrayList<>(acks.size());
        for (Future<RecordMetadata> ack : acks) {
            metadata.add(AdminCalls.get("produce to " + records.get(metadata.size()).topic(), ack));
        }
        return metadata;
    }
}
