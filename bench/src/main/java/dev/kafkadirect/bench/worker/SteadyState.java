package dev.kafkadirect.bench.worker;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fixed input rate (a producer thread in this JVM) and a direct stream with 1 s batches: the processing
 * delay of each batch after a warm-up, as p50 and p99.
 */
final class SteadyState {
    private static final int WARM_UP_BATCHES = 3;

    private final JavaSparkContext spark;
    private final String bootstrapServers;

    SteadyState(JavaSparkContext spark, String bootstrapServers) {
        this.spark = spark;
        this.bootstrapServers = bootstrapServers;
    }

    /** @return processing delays in milliseconds of {@code batches} batches after the warm-up, sorted */
    List<Long> processingDelays(String topic, long recordsPerSecond, int batches, String groupId) throws Exception {
        List<Long> delays = new CopyOnWriteArrayList<>();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = new Thread(() -> produce(topic, recordsPerSecond, producing), "bench-steady-producer");
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.seconds(1));
        try {
            Map<String, Object> params = Topics.consumerParams(bootstrapServers, groupId);
            params.put("auto.offset.reset", "latest");
            JavaInputDStream<ConsumerRecord<byte[], byte[]>> stream = KafkaUtils.createDirectStream(ssc,
                    LocationStrategies.PreferConsistent(),
                    ConsumerStrategies.<byte[], byte[]>Subscribe(Collections.singletonList(topic), params));
            stream.foreachRDD(rdd -> {
                rdd.map(record -> record.serializedValueSize()).fold(0, Integer::sum);
            });
            ssc.addStreamingListener(new StreamingListener() {
                @Override
                public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
                    if (completed.batchInfo().processingDelay().isDefined()) {
                        delays.add((Long) completed.batchInfo().processingDelay().get());
                    }
                }
            });
            producer.start();
            ssc.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(batches + WARM_UP_BATCHES + 60);
            while (delays.size() < WARM_UP_BATCHES + batches) {
                if (ssc.awaitTerminationOrTimeout(200) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + delays.size() + " batches completed");
                }
            }
        } finally {
            producing.set(false);
            producer.join();
            ssc.stop(false, false);
        }
        List<Long> measured = new ArrayList<>(delays.subList(WARM_UP_BATCHES, WARM_UP_BATCHES + batches));
        Collections.sort(measured);
        return measured;
    }

    private void produce(String topic, long recordsPerSecond, AtomicBoolean producing) {
        Map<String, Object> params = new HashMap<>();
        params.put("bootstrap.servers", bootstrapServers);
        params.put("key.serializer", ByteArraySerializer.class);
        params.put("value.serializer", ByteArraySerializer.class);
        params.put("linger.ms", 5);
        byte[] value = new byte[100];
        long started = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(params)) {
            while (producing.get()) {
                long due = (System.nanoTime() - started) * recordsPerSecond / 1_000_000_000L;
                for (; sent < due; sent++) {
                    producer.send(new ProducerRecord<>(topic, value));
                }
                // Paces the producer to the rate; a benchmark's load generator, not a test.
                TimeUnit.MILLISECONDS.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long percentile(List<Long> sorted, double percent) {
        int index = (int) Math.ceil(percent / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
