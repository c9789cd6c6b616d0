package dev.kafkadirect.security;

import dev.kafkadirect.testing.CapturedOutput;
import dev.kafkadirect.testing.LocalSpark;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import dev.kafkadirect.testkit.KafkaSecurity;
import dev.kafkadirect.testkit.TlsMaterial;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.security.token.TokenIdentifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.security.token.delegation.DelegationToken;
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
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Reading from brokers that authenticate clients with SCRAM-SHA-512 over TLS and authorize them with ACLs:
 * a user with READ reads with createRDD and a stream; a wrong password, an untrusted broker certificate and a
 * topic without READ each fail with an error that says which; no secret reaches the logs or the errors.
 */
@Tag("security")
class SecuredBrokerTest {
    private static final String TOPIC = "secured";
    private static final String READER = "reader";
    private static final String READER_PASSWORD = "ScramPass-9c1e-reader";
    private static final String WRONG_PASSWORD = "WrongPass-41d7-nobody";
    private static final String STORE_PASSWORD = "StorePass-7f3a-client";
    private static final TlsMaterial TLS = TlsMaterial.generate(directory("tls"), STORE_PASSWORD);

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.brokers(1, builder -> builder.tls(TLS).saslScram()
            .brokerProperty("delegation.token.secret.key", "token-signing-key-for-tests"));

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final List<String> DESCRIPTIONS = new CopyOnWriteArrayList<>();

    private static JavaSparkContext spark;

    @BeforeAll
    static void usersTopicAndSpark(KafkaCluster kafka) {
        kafka.createTopic(TOPIC, 2);
        kafka.produce(100, i -> new ProducerRecord<>(TOPIC, i % 2, null, "v-" + i));
        kafka.createTopic("forbidden", 1);
        kafka.produce(10, i -> new ProducerRecord<>("forbidden", 0, null, "f-" + i));
        KafkaSecurity security = kafka.security();
        security.createScramUser(READER, READER_PASSWORD);
        security.allowRead(READER, TOPIC, "secured-");
        // Spark's delegation-token settings: consumers of this cluster without a JAAS login use its token.
        spark = LocalSpark.start("SecuredBrokerTest", Map.of(
                "spark.kafka.clusters.secured.auth.bootstrap.servers", security.bootstrapServers(),
                "spark.kafka.clusters.secured.target.bootstrap.servers.regex", "127\\.0\\.0\\.1:\\d+"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void aUserAllowedToReadReadsWithCreateRddAndWithAStream(KafkaCluster kafka) {
        Map<String, Object> kafkaParams = kafkaParams(kafka, READER, READER_PASSWORD);
        kafkaParams.put("group.id", "secured-reads");

        assertReadsTheWholeTopic(kafka, kafkaParams, "secured-reads");
    }

    @Test
    void aDelegationTokenInTheUsersCredentialsLogsInConsumersThatHaveNoJaasLogin(KafkaCluster kafka) throws Exception {
        DelegationToken token;
        try (Admin admin = Admin.create(kafka.security().clientConfig(READER, READER_PASSWORD))) {
            DelegationToken created = admin.createDelegationToken().delegationToken().get(60, TimeUnit.SECONDS);
            token = created;
            SecuredReads.awaitBrokerKnowsToken(admin, created.tokenInfo().tokenId());
        }
        // Where Spark's token provider puts a cluster's token (and Spark copies it to executors).
        UserGroupInformation.getCurrentUser().addToken(new Text("kafka.server.delegation.token.secured"),
                new Token<TokenIdentifier>(token.tokenInfo().tokenId().getBytes(StandardCharsets.UTF_8),
                        token.hmacAsBase64String().getBytes(StandardCharsets.UTF_8), new Text("KAFKA_DELEGATION_TOKEN"),
                        new Text("kafka.server.delegation.token")));
        Map<String, Object> kafkaParams = kafkaParams(kafka, READER, READER_PASSWORD);
        kafkaParams.keySet().removeAll(List.of("sasl.jaas.config", "sasl.mechanism", "security.protocol"));
        kafkaParams.put("group.id", "secured-token");

        assertReadsTheWholeTopic(kafka, kafkaParams, "secured-token");
    }

    @Test
    void theGuidesSslParametersReadWithCreateRddAndWithAStream(KafkaCluster kafka) {
        // security.protocol=SSL with truststore, keystore and key password, on the listener that requires client certificates.
        Map<String, Object> sslConfig = TLS.clientSslConfig();
        sslConfig.put("bootstrap.servers", kafka.sslBootstrapServers());
        Map<String, Object> kafkaParams = SecuredReads.kafkaParams(sslConfig, "secured-ssl");

        assertReadsTheWholeTopic(kafka, kafkaParams, "secured-ssl");
    }

    @Test
    void aWrongPasswordStopsTheStreamSayingAuthenticationFailed(KafkaCluster kafka) {
        long failedBefore = failedLogins(kafka);
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
        try {
            assertThatThrownBy(() -> startStream(ssc, kafkaParams(kafka, READER, WRONG_PASSWORD)))
                    .hasMessageContaining("Authentication to the brokers at bootstrap.servers="
                            + kafka.security().bootstrapServers() + " failed with security.protocol=SASL_SSL and"
                            + " sasl.mechanism=SCRAM-SHA-512")
                    .hasMessageContaining("Check the user name and password in sasl.jaas.config (not shown here)")
                    .satisfies(error -> assertThat(error.getMessage()).doesNotContain(WRONG_PASSWORD));
        } finally {
            ssc.stop(false, false);
        }
        // One login attempt by the driver's consumer, not a retry storm.
        await().atMost(Duration.ofSeconds(10)).until(() -> failedLogins(kafka) > failedBefore);
        assertThat(failedLogins(kafka)).isEqualTo(failedBefore + 1);
    }

    /** @return how many SASL logins with invalid credentials the broker has logged */
    private static long failedLogins(KafkaCluster kafka) {
        try (java.util.stream.Stream<String> lines = Files.lines(kafka.broker(1).logFile())) {
            return lines.filter(line -> line.contains("Failed authentication") && line.contains("invalid credentials")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anUntrustedBrokerCertificateFailsTheReadNamingTheTruststore(KafkaCluster kafka) {
        TlsMaterial otherCa = TlsMaterial.generate(directory("other-ca"), STORE_PASSWORD);
        Map<String, Object> kafkaParams = kafkaParams(kafka, READER, READER_PASSWORD);
        kafkaParams.put("ssl.truststore.location", otherCa.truststore().toString());

        assertThatThrownBy(() -> KafkaUtils.<String, String>createRDD(spark, kafkaParams, wholeTopic(TOPIC, 50),
                LocationStrategies.PreferConsistent()).map(ConsumerRecord::value).collect())
                .hasMessageContaining("The TLS handshake with the brokers at bootstrap.servers="
                        + kafka.security().bootstrapServers() + " failed")
                .hasMessageContaining("not trusted by ssl.truststore.location=" + otherCa.truststore())
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(STORE_PASSWORD));
    }

    @Test
    void aTopicWithoutReadPermissionFailsTheReadNamingTheTopic(KafkaCluster kafka) {
        Map<String, Object> kafkaParams = kafkaParams(kafka, READER, READER_PASSWORD);

        assertThatThrownBy(() -> KafkaUtils.<String, String>createRDD(spark, kafkaParams,
                new OffsetRange[] {OffsetRange.create("forbidden", 0, 0, 10)}, LocationStrategies.PreferConsistent())
                .map(ConsumerRecord::value).collect())
                .hasMessageContaining("Not authorized to read topics [forbidden]")
                .hasMessageContaining("grant the user READ and DESCRIBE on them");
    }

    @Test
    void noSecretReachesTheLogsTheErrorsOrTheBatchDescriptions(KafkaCluster kafka) {
        List<String> errors = new ArrayList<>();
        String logs;
        try (CapturedOutput output = CapturedOutput.start()) {
            Map<String, Object> kafkaParams = kafkaParams(kafka, READER, READER_PASSWORD);
            kafkaParams.put("group.id", "secured-scanned");
            JavaStreamingContext ssc = startStream(kafkaParams);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> kafka.committedOffsets("secured-scanned")
                        .equals(kafka.endOffsets(TOPIC)) && !DESCRIPTIONS.isEmpty());
            } finally {
                ssc.stop(false, true);
            }
            JavaStreamingContext failing = new JavaStreamingContext(spark, Durations.milliseconds(500));
            try {
                startStream(failing, kafkaParams(kafka, READER, WRONG_PASSWORD));
            } catch (RuntimeException expected) {
                errors.add(stackTrace(expected));
            } finally {
                failing.stop(false, false);
            }
            try {
                KafkaUtils.<String, String>createRDD(spark, kafkaParams(kafka, "nobody", WRONG_PASSWORD),
                        wholeTopic(TOPIC, 50), LocationStrategies.PreferConsistent()).map(ConsumerRecord::value).collect();
            } catch (Exception expected) {
                errors.add(stackTrace(expected));
            }
            logs = output.text();
        }

        assertThat(errors).hasSize(2);
        assertThat(logs).as("captured logs").isNotEmpty();
        for (String secret : List.of(READER_PASSWORD, WRONG_PASSWORD, STORE_PASSWORD)) {
            assertThat(logs).as("captured logs").doesNotContain(secret);
            assertThat(errors).as("errors").noneMatch(error -> error.contains(secret));
            assertThat(DESCRIPTIONS).as("batch descriptions").noneMatch(description -> description.contains(secret));
        }
    }

    /** Reads the topic with createRDD, then with a stream that commits to the group; both see every record. */
    private static void assertReadsTheWholeTopic(KafkaCluster kafka, Map<String, Object> kafkaParams, String groupId) {
        List<String> read = KafkaUtils.<String, String>createRDD(spark, kafkaParams, wholeTopic(TOPIC, 50),
                LocationStrategies.PreferConsistent()).map(ConsumerRecord::value).collect();
        assertThat(read).containsExactlyInAnyOrderElementsOf(expectedValues());
        JavaStreamingContext ssc = startStream(kafkaParams);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.committedOffsets(groupId).equals(kafka.endOffsets(TOPIC)));
        } finally {
            ssc.stop(false, true);
        }
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(expectedValues());
    }

    private static JavaStreamingContext startStream(Map<String, Object> kafkaParams) {
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
        startStream(ssc, kafkaParams);
        return ssc;
    }

    private static void startStream(JavaStreamingContext ssc, Map<String, Object> kafkaParams) {
        SEEN.clear();
        ssc.addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchCompleted(StreamingListenerBatchCompleted batchCompleted) {
                batchCompleted.batchInfo().streamIdToInputInfo().values().foreach(info -> {
                    info.metadataDescription().foreach(DESCRIPTIONS::add);
                    return null;
                });
            }
        });
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(), ConsumerStrategies.<String, String>Subscribe(List.of(TOPIC), kafkaParams));
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            SEEN.addAll(rdd.map(ConsumerRecord::value).collect());
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
        });
        ssc.start();
    }

    private static Map<String, Object> kafkaParams(KafkaCluster kafka, String user, String password) {
        return SecuredReads.kafkaParams(kafka.security().clientConfig(user, password), "secured-other");
    }

    private static OffsetRange[] wholeTopic(String topic, long perPartition) {
        return SecuredReads.twoPartitions(topic, perPartition);
    }

    private static List<String> expectedValues() {
        return SecuredReads.values("v-", 100);
    }

    private static String stackTrace(Throwable error) {
        java.io.StringWriter text = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    private static Path directory(String name) {
        try {
            return Files.createTempDirectory("kafka-direct-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
