package dev.kafkadirect.testkit;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KerberosKdcTest {
    private static final String TOPIC = "kerberized";
    @TempDir
    static Path certificates;
    private static KerberosKdc kdc;
    private static KafkaCluster kafka;
    private static KerberosIdentity alice;

    @BeforeAll
    static void start() {
        kdc = KerberosKdc.start();
        kdc.configureThisJvm();
        kafka = KafkaCluster.builder().name("kerberos").tls(TlsMaterial.generate(certificates, "client-secret"))
                .saslScram().kerberos(kdc).build().start();
        kafka.createTopic(TOPIC, 1);
        kafka.produce(5, i -> new ProducerRecord<>(TOPIC, 0, null, "ticket-" + i));
        alice = kdc.createIdentity("alice");
        kafka.security().allowRead("alice", TOPIC, "");
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (kdc != null) {
            kdc.close();
        }
    }

    @Test
    void aPrincipalWithAnAclReadsOverGssapiOnTheSaslPlaintextAndSaslSslListeners() {
        assertThat(read(kafka.security().kerberosClientConfig(alice)))
                .containsExactly("ticket-0", "ticket-1", "ticket-2", "ticket-3", "ticket-4");
        assertThat(read(kafka.security().kerberosSslClientConfig(alice)))
                .containsExactly("ticket-0", "ticket-1", "ticket-2", "ticket-3", "ticket-4");
    }

    @Test
    void aPrincipalWithoutAnAclLogsInAndIsRefusedTheTopic() {
        KerberosIdentity bob = kdc.createIdentity("bob");

        assertThatThrownBy(() -> read(kafka.security().kerberosClientConfig(bob)))
                .isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(TOPIC);
    }

    @Test
    void theKeytabOfAnotherPrincipalFailsTheLoginWhenTheClientIsMade() {
        KerberosIdentity carol = kdc.createIdentity("carol");
        Map<String, Object> config = kafka.security().kerberosClientConfig(alice);
        config.put("sasl.jaas.config", alice.jaasConfig(carol.keytab().toString()));

        assertThatThrownBy(() -> new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer()))
                .isInstanceOf(KafkaException.class).hasStackTraceContaining("LoginException");
    }

    @Test
    void keytabsLiveInTheKdcFolderAndAPrincipalIsMadeOnce() throws java.io.IOException {
        KerberosIdentity dave = kdc.createIdentity("dave");

        assertThat(dave.principal()).isEqualTo("dave@" + KerberosKdc.REALM);
        assertThat(dave.shortName()).isEqualTo("dave");
        assertThat(dave.keytab()).isRegularFile();
        assertThat(Files.readString(kdc.krb5Conf()))
                .contains("kdc = 127.0.0.1:" + kdc.port());
        assertThat(kdc.brokerIdentity().shortName()).isEqualTo("kafka");
        assertThatThrownBy(() -> kdc.createIdentity("dave")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The KDC already has the principal dave");
    }

    private static List<String> read(Map<String, Object> config) {
        return ReadBack.values(config, TOPIC, 5);
    }
}
