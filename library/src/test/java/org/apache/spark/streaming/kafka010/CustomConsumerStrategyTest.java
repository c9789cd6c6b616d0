package org.apache.spark.streaming.kafka010;

import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A user's own ConsumerStrategy, as the Javadoc of ConsumerStrategy shows, driving a real stream. */
class CustomConsumerStrategyTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    /** Assigns the partitions a lookup names, at the offsets it gives, unless the stream already has a position. */
    static final class FromLookup extends ConsumerStrategy<String, String> {
        private static final long serialVersionUID = 1L;
        private final HashMap<String, Object> kafkaParams;
        private final HashMap<TopicPartition, Long> lookedUp;

        FromLookup(Map<String, Object> kafkaParams, Map<TopicPartition, Long> lookedUp) {
            this.kafkaParams = new HashMap<>(kafkaParams);
            this.lookedUp = new HashMap<>(lookedUp);
        }

        @Override
        public Map<String, Object> executorKafkaParams() {
            return kafkaParams;
        }

        @Override
        public Consumer<String, String> onStart(Map<TopicPartition, Long> currentOffsets) {
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafkaParams);
            Map<TopicPartition, Long> offsets = currentOffsets.isEmpty() ? lookedUp : currentOffsets;
            consumer.assign(offsets.keySet());
            offsets.forEach(consumer::seek);
            return consumer;
        }
    }

    @Test
    void aCustomStrategyChoosesPartitionsAndStartingOffsets(KafkaCluster kafka) {
        kafka.createTopic("custom-strategy", 3);
        kafka.produce(30, i -> new ProducerRecord<>("custom-strategy", i % 3, null, "v" + i));
        JavaStreamingContext ssc = new JavaStreamingContext(new SparkConf().setMaster("local[2]")
                .setAppName("CustomConsumerStrategyTest").set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"),
                Durations.milliseconds(500));
        try {
            ConsumerStrategy<String, String> strategy = new FromLookup(kafka.stringConsumerConfig("custom-strategy"),
                    Map.of(new TopicPartition("custom-strategy", 0), 7L, new TopicPartition("custom-strategy", 2), 9L));
            JavaInputDStream<ConsumerRecord<String, String>> stream =
                    KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(), strategy);
            stream.foreachRDD(rdd -> SEEN.addAll(rdd.map(record -> record.partition() + ":" + record.offset()).collect()));
            ssc.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> SEEN.size() >= 4);
            assertThat(SEEN).containsExactlyInAnyOrder("0:7", "0:8", "0:9", "2:9");
        } finally {
            ssc.stop(true, false);
        }
    }
}
