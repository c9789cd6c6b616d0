package dev.kafkadirect.additions;

import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * dev.kafkadirect.consumerCache.idleTimeout: executor consumers idle longer are closed (their Kafka metrics
 * unregistered, which a consumer does when it closes), and a later read creates new ones.
 */
class IdleConsumersTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    private static JavaSparkContext sc;

    @BeforeAll
    static void startSpark() {
        sc = LocalSpark.start(IdleConsumersTest.class.getSimpleName(), Map.of());
    }

    @AfterAll
    static void stopSpark() {
        sc.stop();
    }

    @Test
    void consumersIdleLongerThanTheTimeoutAreClosedAndALaterReadOpensNewOnes(KafkaCluster kafka) throws Exception {
        kafka.createTopic("idle-consumers", 2);
        kafka.produce(40, i -> new ProducerRecord<>("idle-consumers", i % 2, null, "v" + i));
        Map<String, Object> kafkaParams = new HashMap<>(kafka.stringConsumerConfig("idle-consumers"));
        kafkaParams.put("dev.kafkadirect.consumerCache.idleTimeout", "2s");
        OffsetRange[] ranges = {OffsetRange.create("idle-consumers", 0, 0, 20), OffsetRange.create("idle-consumers", 1, 0, 20)};

        assertThat(read(kafkaParams, ranges)).isEqualTo(40);
        assertThat(executorConsumers()).as("the cache keeps both partitions' consumers after the read").isEqualTo(2);

        await().atMost(Duration.ofSeconds(30)).until(() -> executorConsumers() == 0);
        assertThat(read(kafkaParams, ranges)).isEqualTo(40);
        assertThat(executorConsumers()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> executorConsumers() == 0);
    }

    private static long read(Map<String, Object> kafkaParams, OffsetRange[] ranges) {
        return KafkaUtils.<String, String>createRDD(sc, kafkaParams, ranges, LocationStrategies.PreferConsistent())
                .map(ConsumerRecord::value).distinct().count();
    }

    /** Open consumers of this test's executor group, as Kafka's own metrics in this JVM list them. */
    private static int executorConsumers() throws MalformedObjectNameException {
        return ManagementFactory.getPlatformMBeanServer().queryNames(
                new ObjectName("kafka.consumer:type=consumer-metrics,client-id=consumer-spark-executor-idle-consumers-*"),
                null).size();
    }
}
