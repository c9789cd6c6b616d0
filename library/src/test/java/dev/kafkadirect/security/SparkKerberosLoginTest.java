package dev.kafkadirect.security;

import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KerberosIdentity;
import dev.kafkadirect.testkit.KerberosKdc;
import dev.kafkadirect.testkit.TlsMaterial;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.token.Token;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Spark's own Kerberos login and its Kafka delegation token, end to end where Spark makes them without YARN:
 * Spark 4's local mode. As spark-submit does with {@code --principal}/{@code --keytab}, the JVM logs in from the
 * keytab with Hadoop security on; Spark's token manager and Kafka token provider
 * ({@code spark-token-provider-kafka-0-10}) get a delegation token for {@code spark.kafka.clusters.kdc.*} from the
 * brokers over GSSAPI; consumers whose kafkaParams have no SASL settings read with that token (SCRAM,
 * {@code tokenauth=true}). Skipped on Spark 3, whose local and standalone backends make no token manager.
 */
class SparkKerberosLoginTest {
    private static final String TOPIC = "spark-login";
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    @TempDir
    static Path certificates;
    private static KerberosKdc kdc;
    private static KafkaCluster kafka;
    private static TlsMaterial tls;

    @BeforeAll
    static void kdcAndBrokers() {
        assumeThat(org.apache.spark.package$.MODULE$.SPARK_VERSION()).as("Spark's version").startsWith("4.");
        kdc = KerberosKdc.start();
        kdc.configureThisJvm();
        tls = TlsMaterial.generate(certificates, "StorePass-spark-login");
        kafka = KafkaCluster.builder().name("spark-login").tls(tls).saslScram().kerberos(kdc)
                .brokerProperty("delegation.token.secret.key", "token-signing-key-for-tests").build().start();
        kafka.createTopic(TOPIC, 2);
        kafka.produce(100, i -> new ProducerRecord<>(TOPIC, i % 2, null, "t-" + i));
    }

    @AfterAll
    static void stop() {
        UserGroupInformation.reset();
        if (kafka != null) {
            kafka.close();
        }
        if (kdc != null) {
            kdc.close();
        }
    }

    @Test
    void sparksKeytabLoginGetsAKafkaTokenThatConsumersWithoutJaasReadWith() throws Exception {
        KerberosIdentity reader = kdc.createIdentity("tokenreader");
        kafka.security().allowRead(reader.shortName(), TOPIC, "");
        // Spark's SparkHadoopUtil, made once per JVM, sets Hadoop's security from the JVM's system properties (where
        // spark-submit puts --conf) when it is made: make it first, then turn Kerberos on, as a Kerberized
        // cluster's core-site.xml does.
        org.apache.spark.deploy.SparkHadoopUtil.get();
        Configuration hadoop = new Configuration();
        hadoop.set("hadoop.security.authentication", "kerberos");
        UserGroupInformation.setConfiguration(hadoop);
        UserGroupInformation.loginUserFromKeytab(reader.principal(), reader.keytab().toString());
        Map<String, String> settings = new HashMap<>();
        settings.put("spark.hadoop.hadoop.security.authentication", "kerberos");
        settings.put("spark.kerberos.principal", reader.principal());
        settings.put("spark.kerberos.keytab", reader.keytab().toString());
        settings.put("spark.security.credentials.hadoopfs.enabled", "false");
        settings.put("spark.kafka.clusters.kdc.auth.bootstrap.servers", kafka.security().bootstrapServers());
        settings.put("spark.kafka.clusters.kdc.security.protocol", "SASL_SSL");
        settings.put("spark.kafka.clusters.kdc.sasl.kerberos.service.name", "kafka");
        settings.put("spark.kafka.clusters.kdc.ssl.truststore.location", tls.truststore().toString());
        settings.put("spark.kafka.clusters.kdc.ssl.truststore.password", tls.clientPassword());
        try (JavaSparkContext spark = LocalSpark.start("SparkKerberosLoginTest", settings)) {
            Token<?> sparksToken = await().atMost(Duration.ofSeconds(60)).until(() -> UserGroupInformation
                    .getCurrentUser().getCredentials().getToken(new Text("kafka.server.delegation.token.kdc")),
                    Objects::nonNull);
            try (Admin owner = Admin.create(kafka.security().kerberosSslClientConfig(reader))) {
                String tokenId = new String(sparksToken.getIdentifier(), StandardCharsets.UTF_8);
                SecuredReads.awaitBrokerKnowsToken(owner, tokenId);
            }
            Map<String, Object> kafkaParams = new HashMap<>();
            kafkaParams.put("bootstrap.servers", kafka.security().bootstrapServers());
            SecuredReads.kafkaParams(kafkaParams, "spark-login");

            assertThat(SecuredReads.createRdd(spark, kafkaParams, TOPIC, 50))
                    .containsExactlyInAnyOrderElementsOf(SecuredReads.values("t-", 100));
            JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
            try {
                SecuredReads.startStream(ssc, kafkaParams, TOPIC, SEEN);
                await().atMost(Duration.ofSeconds(60)).until(() -> kafka.committedOffsets("spark-login")
                        .equals(kafka.endOffsets(TOPIC)));
            } finally {
                ssc.stop(false, true);
            }
            assertThat(SEEN).containsExactlyInAnyOrderElementsOf(SecuredReads.values("t-", 100));
        }
    }
}
