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

/**
 * The baselines: plain KafkaConsumers reading a whole topic, on one thread or one consumer per partition. The
 * timer runs from the first poll to the last record: consumers are made, assigned and positioned before it, and
 * closed after it (from kafka-clients 3.5 on, {@code close()} waits up to {@code fetch.max.wait.ms} for a last
 * fetch, which is not reading).
 */
final class RawWorkloads {
    private RawWorkloads() {
    }

    /** One consumer assigned every partition, on one thread. */
    static Timed readOnOneThread(String bootstrapServers, String topic) {
        Map<TopicPartition, Long> end = Topics.endOffsets(bootstrapServers, topic);
        try (KafkaConsumer<byte[], byte[]> consumer = positioned(bootstrapServers, end.keySet())) {
            long start = System.nanoTime();
            TimedRead read = read(consumer, end.keySet(), end);
            return new Timed(read.totals, read.lastRecordNanos - start);
        }
    }

    /** One consumer per partition, all made before the timer starts, run by a pool as wide as Spark's cores. */
    static Timed readInParallel(String bootstrapServers, String topic, int threads) throws Exception {
        Map<TopicPartition, Long> end = Topics.endOffsets(bootstrapServers, topic);
        List<KafkaConsumer<byte[], byte[]>> consumers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<TopicPartition> partitions = new ArrayList<>(end.keySet());
            for (TopicPartition partition : partitions) {
                consumers.add(positioned(bootstrapServers, List.of(partition)));
            }
            long start = System.nanoTime();
            List<Future<TimedRead>> parts = new ArrayList<>();
            for (int i = 0; i < partitions.size(); i++) {
                KafkaConsumer<byte[], byte[]> consumer = consumers.get(i);
                List<TopicPartition> own = List.of(partitions.get(i));
                parts.add(pool.submit(() -> read(consumer, own, end)));
            }
            ReadTotals totals = new ReadTotals(0, 0);
            long lastRecord = start;
            for (Future<TimedRead> part : parts) {
                TimedRead read = part.get();
                totals = totals.plus(read.totals);
                lastRecord = Math.max(lastRecord, read.lastRecordNanos);
            }
            return new Timed(totals, lastRecord - start);
        } finally {
            pool.shutdownNow();
            consumers.forEach(KafkaConsumer::close);
        }
    }

    private static KafkaConsumer<byte[], byte[]> positioned(String bootstrapServers, Collection<TopicPartition> partitions) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Topics.consumerParams(bootstrapServers, "bench-raw"));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static TimedRead read(KafkaConsumer<byte[], byte[]> consumer, Collection<TopicPartition> partitions,
                                  Map<TopicPartition, Long> end) {
        long records = 0;
        long bytes = 0;
        long lastRecord = System.nanoTime();
        List<TopicPartition> unfinished = new ArrayList<>(partitions);
        unfinished.removeIf(partition -> end.get(partition) == 0);
        while (!unfinished.isEmpty()) {
            boolean gotRecords = false;
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                records++;
                bytes += record.serializedValueSize();
                gotRecords = true;
            }
            if (gotRecords) {
                lastRecord = System.nanoTime();
            }
            unfinished.removeIf(partition -> consumer.position(partition) >= end.get(partition));
        }
        return new TimedRead(new ReadTotals(records, bytes), lastRecord);
    }

    /** What one consumer read, and when its last record arrived. */
    private static final class TimedRead {
        final ReadTotals totals;
        final long lastRecordNanos;

        TimedRead(ReadTotals totals, long lastRecordNanos) {
            this.totals = totals;
            this.lastRecordNanos = lastRecordNanos;
        }
    }
}
