package dev.kafkadirect.examples.submit;

import dev.kafkadirect.metrics.BatchMetrics;
import dev.kafkadirect.metrics.KafkaStreamMetrics;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.SparkStandaloneCluster;
import dev.kafkadirect.testkit.SparkWorker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.LocationStrategy;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Direct streams on a standalone cluster (a Master and two Workers on 127.0.0.1 and 127.0.0.2, executors as
 * JVMs of their own), with this JVM as the driver: where each location strategy runs each partition, consumer
 * reuse across batches, and an executor killed mid-stream.
 */
class StandaloneClusterStreamIT {
    private static final String BROKER_HOST = "127.0.0.1";
    private static final String OTHER_HOST = "127.0.0.2";
    /** Each batch reads at most this many records per partition: a backlog takes several batches. */
    private static final int RECORDS_PER_PARTITION_PER_BATCH = 100;
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(3);

    private static KafkaCluster kafka;
    private static SparkStandaloneCluster spark;
    private static JavaSparkContext sc;
    private static TaskPlacements placements;
    private static final AtomicInteger STREAMS = new AtomicInteger();

    @BeforeAll
    static void startClusters() {
        kafka = KafkaCluster.builder().name("StandaloneClusterStreamIT").build().start();
        spark = SparkStandaloneCluster.builder().name("StandaloneClusterStreamIT").workerHosts(BROKER_HOST, OTHER_HOST)
                .build().start();
        SparkConf conf = new SparkConf()
                .setMaster(spark.masterUrl())
                .setAppName("StandaloneClusterStreamIT")
                .set("spark.jars", ApplicationJar.path())
                .set("spark.executor.extraJavaOptions", spark.javaOptions())
                .set("spark.executor.memory", "512m")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                // Tasks wait for their preferred executor rather than run elsewhere while it is busy (they take
                // milliseconds). Not longer: batches made before an executor is killed prefer it, and each of them
                // waits this long before its tasks run elsewhere (Spark's delay scheduling).
                .set("spark.locality.wait", "5s")
                .set("spark.streaming.kafka.maxRatePerPartition", String.valueOf(RECORDS_PER_PARTITION_PER_BATCH));
        sc = new JavaSparkContext(conf);
        placements = new TaskPlacements();
        sc.sc().addSparkListener(placements);
    }

    @AfterAll
    static void stopClusters() {
        if (sc != null) {
            sc.close();
        }
        if (spark != null) {
            spark.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void bothExecutorsRun() {
        await().atMost(Duration.ofMinutes(1)).until(() -> executorHosts().equals(List.of(BROKER_HOST, OTHER_HOST)));
        placements.drain();
    }

    @Test
    void preferConsistentKeepsEachPartitionOnOneExecutorAndReusesItsConsumer() {
        StreamRun run = runStream(8, 3, LocationStrategies.PreferConsistent(), ranges -> { });

        Map<TopicPartition, Set<String>> executorsByPartition = new HashMap<>();
        for (TaskPlacements.Placement placement : run.placements) {
            executorsByPartition.computeIfAbsent(run.partitionOf(placement), key -> new HashSet<>())
                    .add(placement.executorId);
        }
        assertThat(run.batchesWithData()).isGreaterThanOrEqualTo(3);
        assertThat(executorsByPartition).hasSize(8)
                .allSatisfy((partition, executors) -> assertThat(executors).as("executors that read %s", partition).hasSize(1));
        // Consumers are created by the first batch only: later batches find them in the executors' caches.
        List<Long> created = run.consumersCreatedPerBatchWithData();
        assertThat(created.get(0)).isEqualTo(8);
        assertThat(created.subList(1, created.size())).containsOnly(0L);
    }

    @Test
    void preferFixedRunsEachPartitionOnItsHost() {
        Map<TopicPartition, String> hostMap = new HashMap<>();
        String topic = "fixed-" + STREAMS.get();
        for (int partition = 0; partition < 4; partition++) {
            hostMap.put(new TopicPartition(topic, partition), partition % 2 == 0 ? OTHER_HOST : BROKER_HOST);
        }
        StreamRun run = runStream(topic, 4, 2, LocationStrategies.PreferFixed(hostMap), ranges -> { });

        assertThat(run.placements).isNotEmpty().allSatisfy(placement -> assertThat(placement.host)
                .as("%s of %s", placement, run.partitionOf(placement)).isEqualTo(hostMap.get(run.partitionOf(placement))));
    }

    @Test
    void preferBrokersRunsEveryPartitionOnTheLeadersHost() {
        StreamRun run = runStream(4, 2, LocationStrategies.PreferBrokers(), ranges -> { });

        assertThat(run.placements).isNotEmpty()
                .allSatisfy(placement -> assertThat(placement.host).as("%s", placement).isEqualTo(BROKER_HOST));
    }

    @Test
    void streamLosesNothingWhenAnExecutorIsKilled() {
        SparkWorker victim = spark.workers().get(1);
        AtomicInteger killed = new AtomicInteger(-1);
        StreamRun run = runStream(4, 5, LocationStrategies.PreferConsistent(), batchesDone -> {
            if (batchesDone == 2 && killed.get() < 0) {
                killed.set(victim.killExecutors());
            }
        });

        assertThat(killed.get()).as("executors killed on %s", victim).isEqualTo(1);
        assertThat(placements.removedExecutors()).isNotEmpty();
        assertThat(run.values).hasSize(run.produced).doesNotHaveDuplicates();
        assertThat(kafka.committedOffsets(run.groupId)).isEqualTo(kafka.endOffsets(run.topic));
        // The Master launched a replacement on the same Worker.
        await().atMost(Duration.ofMinutes(1)).until(() -> executorHosts().equals(List.of(BROKER_HOST, OTHER_HOST)));
    }

    private StreamRun runStream(int partitions, int batches, LocationStrategy strategy, Consumer<Integer> afterBatch) {
        return runStream("topic-" + STREAMS.get(), partitions, batches, strategy, afterBatch);
    }

    /**
     * Produces {@code batches} batches' worth of records to a new topic, streams it until every record is
     * read and committed, and returns what happened.
     */
    private StreamRun runStream(String topic, int partitions, int batches, LocationStrategy strategy,
                                Consumer<Integer> afterBatch) {
        StreamRun run = new StreamRun(topic, "group-" + STREAMS.incrementAndGet());
        kafka.createTopic(topic, partitions);
        run.produced = partitions * batches * RECORDS_PER_PARTITION_PER_BATCH;
        kafka.produce(run.produced, i -> new ProducerRecord<>(topic, i % partitions, null, topic + "-" + i));
        Map<TopicPartition, Long> end = kafka.endOffsets(topic);

        JavaStreamingContext ssc = new JavaStreamingContext(sc, Durations.seconds(1));
        try {
            KafkaStreamMetrics.addListener(ssc, metrics -> run.metrics.add(metrics));
            JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc, strategy,
                    ConsumerStrategies.<String, String>Subscribe(List.of(topic), kafka.stringConsumerConfig(run.groupId)));
            stream.foreachRDD((rdd, time) -> {
                OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
                run.rangesByBatch.put(time.milliseconds(), offsetRanges);
                List<String> values = rdd.map(new RecordValue()).collect();
                run.values.addAll(values);
                ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
                if (!values.isEmpty()) {
                    afterBatch.accept(run.batchesWithData.incrementAndGet());
                }
            });
            ssc.start();
            await().atMost(STREAM_TIMEOUT).until(() -> kafka.committedOffsets(run.groupId).equals(end));
        } finally {
            ssc.stop(false, true);
        }
        // Task events reach the listener asynchronously: wait for one per partition of every batch with data.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            run.placements.addAll(placements.drain());
            return run.placements.size() >= run.partitionsRead();
        });
        return run;
    }

    /** The hosts of the executors now registered: Spark's list less one entry for the driver (on 127.0.0.1). */
    private static List<String> executorHosts() {
        List<String> hosts = java.util.Arrays.stream(sc.sc().statusTracker().getExecutorInfos())
                .map(info -> info.host()).sorted().collect(Collectors.toCollection(ArrayList::new));
        hosts.remove(sc.getConf().get("spark.driver.host"));
        return hosts;
    }

    /** What one stream did: its batches' ranges, values read, task placements and metrics. */
    private static final class StreamRun {
        final String topic;
        final String groupId;
        final Map<Long, OffsetRange[]> rangesByBatch = new ConcurrentHashMap<>();
        final List<String> values = Collections.synchronizedList(new ArrayList<>());
        final List<TaskPlacements.Placement> placements = new ArrayList<>();
        final List<BatchMetrics> metrics = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger batchesWithData = new AtomicInteger();
        int produced;

        StreamRun(String topic, String groupId) {
            this.topic = topic;
            this.groupId = groupId;
        }

        TopicPartition partitionOf(TaskPlacements.Placement placement) {
            return rangesByBatch.get(placement.batchTime)[placement.partitionIndex].topicPartition();
        }

        int batchesWithData() {
            return batchesWithData.get();
        }

        /** @return how many tasks read records: one per non-empty range */
        long partitionsRead() {
            return rangesByBatch.values().stream().flatMap(java.util.Arrays::stream).filter(range -> range.count() > 0)
                    .count();
        }

        List<Long> consumersCreatedPerBatchWithData() {
            synchronized (metrics) {
                return metrics.stream().filter(batch -> batch.recordsRead() > 0)
                        .sorted(java.util.Comparator.comparingLong(BatchMetrics::batchTimeMillis))
                        .map(BatchMetrics::consumersCreated).collect(Collectors.toList());
            }
        }
    }
}
