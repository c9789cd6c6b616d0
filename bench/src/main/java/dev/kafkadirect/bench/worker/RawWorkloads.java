package dev.kafkadirect.bench.worker;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The baselines: plain KafkaConsumers reading a whole topic, on one thread or one consumer per partition. */
final class RawWorkloads {
    private RawWorkloads() {
    }

    /** One consumer assigned every partition, on one thread. */
    static ReadTotals readOnOneThread(String bootstrapServers, String topic) {
        Map<TopicPartition, Long> end = Topics.endOffsets(bootstrapServers, topic);
        return read(bootstrapServers, end.keySet(), end);
    }

    /** One consumer per partition, run by a pool as wide as Spark's cores. */
    static ReadTotals readInParallel(String bootstrapServers, String topic, int threads) throws Exception {
        Map<TopicPartition, Long> end = Topics.endOffsets(bootstrapServers, topic);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ReadTotals>> parts = new ArrayList<>();
            for (TopicPartition partition : end.keySet()) {
                parts.add(pool.submit(() -> read(bootstrapServers, List.of(partition), end)));
            }
            ReadTotals totals = new ReadTotals(0, 0);
            for (Future<ReadTotals> part : parts) {
                totals = totals.plus(part.get());
            }
            return totals;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ReadTotals read(String bootstrapServers, Collection<TopicPartition> partitions,
                                   Map<TopicPartition, Long> end) {
        long records = 0;
        long bytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Topics.consumerParams(bootstrapServers, "bench-raw"))) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<TopicPartition> unfinished = new ArrayList<>(partitions);
            unfinished.removeIf(partition -> end.get(partition) == 0);
            while (!unfinished.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    bytes += record.serializedValueSize();
                }
                unfinished.removeIf(partition -> consumer.position(partition) >= end.get(partition));
            }
        }
        return new ReadTotals(records, bytes);
    }
}
