package dev.kafkadirect.bench;

import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.ProgressBar;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;

/** Creates the benchmark's topics and fills them, once, before any contender runs. */
final class BenchData {
    static final String SCAN = "bench-scan";
    static final String SKEW = "bench-skew";
    static final String MANY = "bench-many";
    static final String STEADY = "bench-steady";
    static final String PLANNING_PREFIX = "bench-plan-";
    private static final int PARTITIONS = 8;
    /** 100 bytes, the record size of every read workload. */
    private static final String VALUE = "0123456789".repeat(10);
    /** One-batch catch-up: a batch interval long enough for the whole backlog to be the first batch. */
    private static final long ONE_BATCH_MILLIS = 1_000;

    private BenchData() {
    }

    /** @return the worker settings of each workload (topics and expected record counts) */
    static Map<Workload, List<String>> workerSettings(BenchOptions options) {
        Map<Workload, List<String>> settings = new HashMap<>();
        for (Workload workload : options.workloads) {
            settings.put(workload, workerSettings(options, workload));
        }
        return settings;
    }

    private static List<String> workerSettings(BenchOptions options, Workload workload) {
        List<String> settings = new ArrayList<>();
        settings.add("warm=" + options.warm);
        settings.add("warmUp=" + options.warmUp);
        settings.add("warmUpSeconds=" + options.warmUpSeconds);
        switch (workload) {
            case SCAN:
                settings.addAll(reads(SCAN, options.records));
                break;
            case CATCH_UP:
                settings.addAll(reads(SCAN, options.records));
                settings.add("batchMillis=" + ONE_BATCH_MILLIS);
                break;
            case CATCH_UP_BATCHES:
                settings.addAll(reads(SCAN, options.records));
                settings.add("batchMillis=" + options.catchUpBatchMillis);
                settings.add("maxRatePerPartition=" + options.catchUpRatePerPartition(PARTITIONS));
                break;
            case SKEW_CPU:
                settings.addAll(reads(SKEW, options.records));
                settings.add("maxRecordsPerPartition=" + options.skewSplitRecords());
                settings.add("work=cpu:" + options.skewCpuPasses);
                break;
            case SKEW_IO:
                settings.addAll(reads(SKEW, options.records));
                settings.add("maxRecordsPerPartition=" + options.skewSplitRecords());
                settings.add("work=io:" + options.skewIoWaitMillis);
                settings.add("cores=" + options.skewIoCores);
                break;
            case MANY_PARTITIONS:
                settings.addAll(reads(MANY, options.manyRecords));
                settings.add("batches=" + options.manyBatches);
                break;
            case PLANNING:
                StringBuilder topics = new StringBuilder();
                for (int partitions : options.planningPartitions) {
                    topics.append(topics.length() == 0 ? "" : ",").append(PLANNING_PREFIX).append(partitions);
                }
                settings.add("topics=" + topics);
                settings.add("plans=" + options.plans);
                break;
            case STEADY_STATE:
                settings.add("topic=" + STEADY);
                settings.add("rate=" + options.steadyRate);
                settings.add("batches=" + options.steadyBatches);
                break;
            default:
                throw new IllegalArgumentException(workload.label());
        }
        return settings;
    }

    /** @return the topic a read workload reads, and the records and value bytes every pass must read */
    private static List<String> reads(String topic, long records) {
        return List.of("topic=" + topic, "records=" + records, "valueBytes=" + records * VALUE.length());
    }

    /** Creates and fills every topic the chosen workloads need. */
    static void produce(KafkaCluster kafka, BenchOptions options, PrintStream out) {
        List<Workload> workloads = options.workloads;
        if (workloads.contains(Workload.SCAN) || workloads.contains(Workload.CATCH_UP)
                || workloads.contains(Workload.CATCH_UP_BATCHES)) {
            fill(kafka, SCAN, PARTITIONS, options.records, index -> (int) (index % PARTITIONS), out);
        }
        if (workloads.contains(Workload.SKEW_CPU) || workloads.contains(Workload.SKEW_IO)) {
            long hot = options.skewHotRecords();
            fill(kafka, SKEW, PARTITIONS, options.records,
                    index -> index < hot ? 0 : 1 + (int) ((index - hot) % (PARTITIONS - 1)), out);
        }
        if (workloads.contains(Workload.MANY_PARTITIONS)) {
            fill(kafka, MANY, options.manyPartitions, options.manyRecords,
                    index -> (int) (index % options.manyPartitions), out);
        }
        if (workloads.contains(Workload.PLANNING)) {
            for (int partitions : options.planningPartitions) {
                out.printf("  topic %s%d: %,d partitions, one record each%n", PLANNING_PREFIX, partitions, partitions);
                kafka.createTopic(PLANNING_PREFIX + partitions, partitions);
                kafka.produceBulk(partitions, index -> new ProducerRecord<>(PLANNING_PREFIX + partitions, (int) index,
                        null, VALUE), acknowledged -> { });
            }
        }
        if (workloads.contains(Workload.STEADY_STATE)) {
            out.printf("  topic %s: %d partitions, filled by each contender at %,d records/s%n", STEADY, PARTITIONS,
                    options.steadyRate);
            kafka.createTopic(STEADY, PARTITIONS);
        }
    }

    private static void fill(KafkaCluster kafka, String topic, int partitions, long records,
                             LongToIntFunction partitionOf, PrintStream out) {
        out.printf("  topic %s: %,d records of 100 B in %d partitions%n", topic, records, partitions);
        kafka.createTopic(topic, partitions);
        ProgressBar progress = new ProgressBar(out, records, "records");
        kafka.produceBulk(records, index -> new ProducerRecord<>(topic, partitionOf.applyAsInt(index), null, VALUE),
                progress::update);
        readOnce(kafka, topic, partitions, records);
    }

    /**
     * Reads a topic once right after it was filled, so that the first contender of round 1 does not meet a
     * broker still busy with what was just written (measured up to 40 % slower than in later rounds).
     */
    private static void readOnce(KafkaCluster kafka, String topic, int partitions, long records) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<TopicPartition> all = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            all.add(new TopicPartition(topic, partition));
        }
        long read = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(all);
            consumer.seekToBeginning(all);
            while (read < records) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("Reading " + topic + " back after filling it stopped at " + read
                            + " of " + records + " records; see the broker's log in " + kafka.logDirectory());
                }
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
    }
}
