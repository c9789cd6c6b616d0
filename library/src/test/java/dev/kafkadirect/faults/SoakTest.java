package dev.kafkadirect.faults;

import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * A bounded soak: records produced at a fixed rate to three brokers (replication 3, min.insync.replicas 2)
 * while a random broker is killed and restarted every few seconds, read by a direct stream that commits its
 * offsets to Kafka; at the end the stream has read every acknowledged record exactly once. It runs for
 * {@code -Dkafkadirect.soak.seconds} (60 by default; 0 skips it), e.g.
 * {@code mvn -pl library -am verify -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false -Dkafkadirect.soak.seconds=1800}.
 * Tagged "faults", which only the default build runs.
 */
@Tag("faults")
@Tag("long")
class SoakTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ReplicatedBrokers.extension();
    private static final String TOPIC = "soak";
    private static final int RECORDS_PER_SECOND = 500;
    private static final long RESTART_EVERY_SECONDS = 15;

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void everyAcknowledgedRecordIsReadExactlyOnceWhileBrokersRestart(KafkaCluster kafka) throws Exception {
        long seconds = Long.getLong("kafkadirect.soak.seconds", 60);
        assumeThat(seconds).as("kafkadirect.soak.seconds (0 skips the soak)").isPositive();
        kafka.createTopic(TOPIC, 4, 3, Map.of("min.insync.replicas", "2"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicReference<Exception> producerError = new AtomicReference<>();
        AtomicInteger restarts = new AtomicInteger();
        Random random = new Random(seconds);
        ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
        try (JavaSparkContext spark = LocalSpark.start("SoakTest", Map.of());
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(kafka))) {
            JavaStreamingContext ssc = startStream(spark, kafka);
            AtomicInteger sent = new AtomicInteger();
            long total = seconds * RECORDS_PER_SECOND;
            // 50 records every 100 ms: the fixed rate.
            load.scheduleAtFixedRate(() -> {
                for (int i = 0; i < RECORDS_PER_SECOND / 10 && sent.get() < total; i++) {
                    String value = "r-" + sent.getAndIncrement();
                    producer.send(new ProducerRecord<>(TOPIC, value), (metadata, error) -> {
                        if (error == null) {
                            acknowledged.add(value);
                        } else {
                            producerError.compareAndSet(null, error);
                        }
                    });
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            load.scheduleWithFixedDelay(() -> {
                int node = 1 + random.nextInt(3);
                if (random.nextBoolean()) {
                    kafka.killBroker(node);
                } else {
                    kafka.stopBroker(node);
                }
                kafka.restartBroker(node);
                restarts.incrementAndGet();
            }, RESTART_EVERY_SECONDS / 2, RESTART_EVERY_SECONDS, TimeUnit.SECONDS);

            // Restarts are counted, not timed: on a loaded machine one may take longer than its slot.
            int minimumRestarts = (int) Math.max(1, seconds / RESTART_EVERY_SECONDS - 1);
            await().atMost(Duration.ofSeconds(seconds + 180))
                    .until(() -> sent.get() >= total && restarts.get() >= minimumRestarts);
            load.shutdown();
            assertThat(load.awaitTermination(2, TimeUnit.MINUTES)).as("the last restart finished").isTrue();
            producer.flush();
            assertThat(producerError.get()).as("a send failed").isNull();
            await().atMost(Duration.ofMinutes(3)).until(() -> kafka.committedOffsets(TOPIC).equals(kafka.endOffsets(TOPIC)));
            ssc.stop(false, true);

            assertThat(acknowledged).hasSize((int) total);
            assertThat(SEEN).hasSize((int) total).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                    new ArrayList<>(acknowledged));
        } finally {
            load.shutdownNow();
            SEEN.clear();
        }
    }

    private static JavaStreamingContext startStream(JavaSparkContext spark, KafkaCluster kafka) {
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of(TOPIC), kafka.stringConsumerConfig(TOPIC)));
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
        });
        ssc.start();
        return ssc;
    }

    private static Map<String, Object> producerConfig(KafkaCluster kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }
}
