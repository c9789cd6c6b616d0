package dev.kafkadirect.security;

import dev.kafkadirect.testing.CapturedOutput;
import dev.kafkadirect.testing.LocalCluster;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KerberosIdentity;
import dev.kafkadirect.testkit.KerberosKdc;
import dev.kafkadirect.testkit.TlsMaterial;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Reading from brokers that authenticate clients with Kerberos (SASL GSSAPI) against a real KDC and authorize
 * them with ACLs, with the driver in this JVM and two executors in JVMs of their own (Spark's local-cluster
 * mode), each logging in from the keytab that {@code sasl.jaas.config} names: createRDD and a stream read every
 * record once and commit; a keytab without the principal's key and a principal the KDC no longer has each fail
 * with an error that names the principal and keytab of {@code sasl.jaas.config}; a service name that is not the
 * brokers' fails before any task runs, naming {@code sasl.kerberos.service.name}.
 */
@Tag("security")
class KerberosTest {
    private static final String TOPIC = "kerberized";
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    @TempDir
    static Path certificates;
    private static KerberosKdc kdc;
    private static KafkaCluster kafka;
    private static JavaSparkContext spark;
    private static KerberosIdentity reader;

    @BeforeAll
    static void kdcBrokersAndSpark() {
        kdc = KerberosKdc.start();
        kdc.configureThisJvm();
        kafka = KafkaCluster.builder().name("kerberos").tls(TlsMaterial.generate(certificates, "StorePass-krb"))
                .saslScram().kerberos(kdc).build().start();
        kafka.createTopic(TOPIC, 2);
        kafka.produce(100, i -> new ProducerRecord<>(TOPIC, i % 2, null, "k-" + i));
        reader = kdc.createIdentity("reader");
        kafka.security().allowRead(reader.shortName(), TOPIC, "kerberos-");
        spark = LocalCluster.start("KerberosTest", 2, Map.of("spark.executor.extraJavaOptions",
                "-Djava.security.krb5.conf=" + kdc.krb5Conf()));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (kdc != null) {
            kdc.close();
        }
    }

    @Test
    void aKeytabLoginReadsWithCreateRddAndAStreamOnTheDriverAndTheExecutors() {
        Map<String, Object> kafkaParams = kafkaParams(kafka.security().kerberosClientConfig(reader), "kerberos-reads");

        assertThat(createRdd(kafkaParams)).containsExactlyInAnyOrderElementsOf(expectedValues());
        JavaStreamingContext ssc = startStream(kafkaParams);
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> kafka.committedOffsets("kerberos-reads")
                    .equals(kafka.endOffsets(TOPIC)));
        } finally {
            ssc.stop(false, true);
        }
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(expectedValues());
    }

    @Test
    void gssapiOverTlsReadsWithCreateRdd() {
        Map<String, Object> kafkaParams = kafkaParams(kafka.security().kerberosSslClientConfig(reader), "kerberos-tls");

        assertThat(createRdd(kafkaParams)).containsExactlyInAnyOrderElementsOf(expectedValues());
    }

    @Test
    void aKeytabWithoutThePrincipalsKeyFailsNamingTheKeytabAndThePrincipal() {
        KerberosIdentity other = kdc.createIdentity("other");
        Map<String, Object> kafkaParams = kafkaParams(kafka.security().kerberosClientConfig(reader), "kerberos-bad");
        kafkaParams.put("sasl.jaas.config", reader.jaasConfig(other.keytab().toString()));

        String message;
        try (CapturedOutput output = CapturedOutput.start()) {
            assertThatThrownBy(() -> createRdd(kafkaParams))
                    .hasMessageContaining("Kerberos login of principal=" + reader.principal() + " from keyTab="
                            + other.keytab() + " (sasl.jaas.config) failed")
                    .hasMessageContaining("the keytab must hold that principal's current key");
            JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
            try {
                assertThatThrownBy(() -> startStream(ssc, kafkaParams))
                        .hasMessageContaining("Kerberos login of principal=" + reader.principal());
            } finally {
                ssc.stop(false, false);
            }
            message = output.text();
        }
        assertThat(message).as("captured logs").doesNotContain("useKeyTab=true");
    }

    @Test
    void aPrincipalTheKdcNoLongerHasFailsSayingSo() throws Exception {
        KerberosIdentity gone = kdc.createIdentity("gone");
        kdc.deleteIdentity(gone);
        Map<String, Object> kafkaParams = kafkaParams(kafka.security().kerberosClientConfig(gone), "kerberos-gone");
        AtomicInteger tasks = new AtomicInteger();
        SparkListener countTasks = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                tasks.incrementAndGet();
            }
        };
        spark.sc().addSparkListener(countTasks);
        try {
            assertThatThrownBy(() -> createRdd(kafkaParams))
                    .hasMessageContaining("Kerberos login of principal=" + gone.principal())
                    .hasMessageContaining("Client not found in Kerberos database");
            spark.sc().listenerBus().waitUntilEmpty(10_000);
        } finally {
            spark.sc().removeSparkListener(countTasks);
        }
        // The driver's check failed the job before any task: no attempt per task, each logging in again.
        assertThat(tasks.get()).isZero();
    }

    @Test
    void aServiceNameThatIsNotTheBrokersFailsAtOnceNamingTheSetting() {
        Map<String, Object> kafkaParams = kafkaParams(kafka.security().kerberosClientConfig(reader), "kerberos-service");
        kafkaParams.put("sasl.kerberos.service.name", "not-kafka");

        assertThatThrownBy(() -> createRdd(kafkaParams))
                .hasMessageContaining("The KDC has no service principal not-kafka/")
                .hasMessageContaining("Server not found in Kerberos database")
                .hasMessageContaining("sasl.kerberos.service.name=not-kafka");
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
        try {
            assertThatThrownBy(() -> startStream(ssc, kafkaParams))
                    .hasMessageContaining("sasl.kerberos.service.name=not-kafka");
        } finally {
            ssc.stop(false, false);
        }
    }

    private static List<String> createRdd(Map<String, Object> kafkaParams) {
        return SecuredReads.createRdd(spark, kafkaParams, TOPIC, 50);
    }

    private static JavaStreamingContext startStream(Map<String, Object> kafkaParams) {
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
        startStream(ssc, kafkaParams);
        return ssc;
    }

    private static void startStream(JavaStreamingContext ssc, Map<String, Object> kafkaParams) {
        SecuredReads.startStream(ssc, kafkaParams, TOPIC, SEEN);
    }

    private static Map<String, Object> kafkaParams(Map<String, Object> clientConfig, String groupId) {
        return SecuredReads.kafkaParams(clientConfig, groupId);
    }

    private static List<String> expectedValues() {
        return SecuredReads.values("k-", 100);
    }
}
