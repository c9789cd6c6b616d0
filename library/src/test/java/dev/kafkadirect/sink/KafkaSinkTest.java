package dev.kafkadirect.sink;

import dev.kafkadirect.internal.sink.ProducerCache;
import dev.kafkadirect.internal.sink.ProducerParams;
import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The at-least-once sink on a real broker, and the checks both sinks make of their settings. */
class KafkaSinkTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("KafkaSinkTest", Map.of());
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void writesEveryRecordOfAnRddAndReportsTheCount(KafkaCluster kafka) {
        kafka.createTopic("sink-plain", 2);
        KafkaSink<String, String> sink = KafkaSink.create(producerParams(kafka));

        SinkReport report = sink.write(spark.parallelize(IntStream.range(0, 1000).boxed().collect(Collectors.toList()), 4)
                .map(i -> new ProducerRecord<>("sink-plain", "k" + i, "v" + i)));

        assertThat(report).isEqualTo(new SinkReport(1000, 0, 0));
        assertThat(sink.write(spark.emptyRDD())).isEqualTo(new SinkReport(0, 0, 0));
        assertThat(kafka.readAll("sink-plain", "read_uncommitted")).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 1000).mapToObj(i -> "v" + i).collect(Collectors.toList()));
    }

    @Test
    void closingTheCacheClosesItsProducersAndLaterWritesGetNewOnes(KafkaCluster kafka) {
        kafka.createTopic("sink-close", 1);
        ProducerParams params = ProducerParams.of(producerParams(kafka));
        Producer<String, String> before = ProducerCache.plain(params);

        ProducerCache.closeAll();

        assertThatThrownBy(() -> before.send(new ProducerRecord<>("sink-close", "late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(ProducerCache.<String, String>plain(params)).isNotSameAs(before);
        assertThat(KafkaSink.<String, String>create(producerParams(kafka)).write(
                spark.parallelize(List.of("after")).map(value -> new ProducerRecord<>("sink-close", value))))
                .isEqualTo(new SinkReport(1, 0, 0));
    }

    @Test
    void settingsAreCheckedWhenTheSinkIsMade(KafkaCluster kafka) {
        Map<String, Object> withTransactionalId = producerParams(kafka);
        withTransactionalId.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "mine");
        assertThatThrownBy(() -> KafkaSink.create(withTransactionalId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("producerParams must not set transactional.id");

        Map<String, Object> withoutSerializer = producerParams(kafka);
        withoutSerializer.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        assertThatThrownBy(() -> KafkaSink.create(withoutSerializer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("producerParams are not a valid Kafka producer configuration")
                .hasMessageContaining("value.serializer");

        Map<String, Object> badAcks = producerParams(kafka);
        badAcks.put(ProducerConfig.ACKS_CONFIG, "most");
        assertThatThrownBy(() -> KafkaSink.create(badAcks))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acks");

        assertThatThrownBy(() -> TransactionalKafkaSink.create(producerParams(kafka), " ", "app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The exactly-once sink needs the input's consumer group id (the group its transactions"
                        + " commit offsets to), but it was empty");
        assertThatThrownBy(() -> TransactionalKafkaSink.create(producerParams(kafka), "group", "my app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transactionalIdPrefix must be letters, digits, '.', '_' or '-' and unique to the"
                        + " application, but was 'my app'");
    }

    @Test
    void theExactlyOnceSinkRefusesAnRddThatIsNotAKafkaRdd(KafkaCluster kafka) {
        TransactionalKafkaSink<String, String> sink = TransactionalKafkaSink.create(producerParams(kafka), "g", "app");

        assertThatThrownBy(() -> sink.write(spark.<ConsumerRecord<String, String>>emptyRDD(), record -> List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The exactly-once sink writes the RDD of a Kafka stream's batch or of"
                        + " KafkaUtils.createRDD itself, before any transformation");
    }

    static Map<String, Object> producerParams(KafkaCluster kafka) {
        Map<String, Object> params = new HashMap<>(kafka.clientConfig());
        params.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        params.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return params;
    }
}
