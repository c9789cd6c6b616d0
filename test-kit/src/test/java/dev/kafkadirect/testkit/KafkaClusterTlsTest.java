package dev.kafkadirect.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClusterTlsTest {
    @TempDir
    static Path certificates;
    private static TlsMaterial tls;
    private static KafkaCluster kafka;

    @BeforeAll
    static void start() {
        tls = TlsMaterial.generate(certificates, "client-secret");
        kafka = KafkaCluster.builder().name("tls").tls(tls).build().start();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aPasswordKeytoolWouldReadAsAnOptionIsRefusedBeforeKeytoolRuns(@TempDir Path other) {
        assertThatThrownBy(() -> TlsMaterial.generate(other, "-J9SL9ebOgwch6k9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientPassword must be non-empty and must not start with '-'");
        assertThat(other).isEmptyDirectory();
    }

    @Test
    void aClientWithTheGeneratedStoresReadsOverTheSslListener() {
        kafka.createTopic("over-tls", 1);
        kafka.produce(5, i -> new ProducerRecord<>("over-tls", 0, null, "secret-" + i));
        Map<String, Object> config = tls.clientSslConfig();
        config.put("bootstrap.servers", kafka.sslBootstrapServers());

        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("over-tls", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 5 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }

        assertThat(values).containsExactly("secret-0", "secret-1", "secret-2", "secret-3", "secret-4");
        assertThat(kafka.sslBootstrapServers()).isNotEqualTo(kafka.bootstrapServers());
    }
}
