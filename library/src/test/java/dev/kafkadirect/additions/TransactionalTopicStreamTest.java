package dev.kafkadirect.additions;

import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import dev.kafkadirect.testkit.TransactionOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stream of a transactional topic under isolation.level=read_committed, without
 * spark.streaming.kafka.allowNonConsecutiveOffsets: an aborted transaction, a committed one, and one left open
 * across batches and then committed. Markers and aborted records are offsets without records; each batch reads
 * exactly the committed records, and its count() and isEmpty() agree with them.
 */
class TransactionalTopicStreamTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
    private static final String TOPIC = "transactional-stream";

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    /** Per batch: "count/isEmpty/records collected". */
    static final List<String> BATCHES = new CopyOnWriteArrayList<>();
    static final List<OffsetRange> RANGES = new CopyOnWriteArrayList<>();
    static final AtomicInteger BATCHES_DONE = new AtomicInteger();

    private JavaStreamingContext ssc;

    @AfterEach
    void stopStreaming() {
        if (ssc != null) {
            ssc.stop(true, false);
        }
    }

    @Test
    void readsExactlyTheCommittedRecordsAndCountsThemWithAnOpenTransactionAcrossBatches(KafkaCluster kafka) {
        kafka.createTopic(TOPIC, 1);
        kafka.produceInTransaction(List.of(record("aborted-0"), record("aborted-1"), record("aborted-2")),
                TransactionOutcome.ABORT);
        kafka.produceInTransaction(List.of(record("committed-0"), record("committed-1"), record("committed-2")),
                TransactionOutcome.COMMIT);
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("transactional-stream");
        kafkaParams.put("isolation.level", "read_committed");
        ssc = new JavaStreamingContext(LocalSpark.conf("local[2]", "TransactionalTopicStreamTest", Map.of()),
                Durations.milliseconds(500));
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(), ConsumerStrategies.<String, String>Subscribe(List.of(TOPIC), kafkaParams));
        stream.foreachRDD(rdd -> {
            RANGES.addAll(List.of(((HasOffsetRanges) rdd.rdd()).offsetRanges()));
            List<String> values = rdd.map(ConsumerRecord::value).collect();
            BATCHES.add(rdd.count() + "/" + rdd.isEmpty() + "/" + values.size());
            SEEN.addAll(values);
            BATCHES_DONE.incrementAndGet();
        });
        ssc.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 3);

        try (KafkaProducer<String, String> producer = transactionalProducer(kafka)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record("open-0"));
            producer.send(record("open-1"));
            producer.flush();
            int before = BATCHES_DONE.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> BATCHES_DONE.get() >= before + 3);
            assertThat(SEEN).as("nothing of the open transaction, three batches later")
                    .containsExactly("committed-0", "committed-1", "committed-2");
            producer.commitTransaction();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 5);
        int afterCommit = BATCHES_DONE.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> BATCHES_DONE.get() >= afterCommit + 1);

        assertThat(SEEN).containsExactly("committed-0", "committed-1", "committed-2", "open-0", "open-1");
        assertThat(BATCHES).allSatisfy(batch -> {
            String[] parts = batch.split("/");
            assertThat(parts[0]).as("count() of batch " + batch).isEqualTo(parts[2]);
            assertThat(Boolean.parseBoolean(parts[1])).as("isEmpty() of batch " + batch).isEqualTo(parts[2].equals("0"));
        });
        assertThat(BATCHES).contains("3/false/3", "2/false/2");
        // aborted 0-2, abort marker 3, committed 4-6, marker 7, open 8-9, marker 10: the stream reads to 11.
        assertThat(RANGES.get(RANGES.size() - 1).untilOffset()).isEqualTo(11);
        assertThat(RANGES.stream().mapToLong(OffsetRange::count).sum()).isEqualTo(11);
    }

    private static ProducerRecord<String, String> record(String value) {
        return new ProducerRecord<>(TOPIC, 0, null, value);
    }

    private static KafkaProducer<String, String> transactionalProducer(KafkaCluster kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "transactional-stream-open");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(config);
    }
}
