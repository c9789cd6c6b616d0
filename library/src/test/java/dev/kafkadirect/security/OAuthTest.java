package dev.kafkadirect.security;

import dev.kafkadirect.testing.CapturedOutput;
import dev.kafkadirect.testing.LocalCluster;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.OAuthServer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Reading from brokers that authenticate clients with OAuth (SASL OAUTHBEARER, KIP-768) against the test kit's
 * authorization server, with the driver in this JVM and two executors in JVMs of their own (Spark's local-cluster
 * mode), each getting client-credentials tokens through Kafka's {@code OAuthBearerLoginCallbackHandler}: tokens
 * that expire during a stream are refreshed with no failed task and every record read once; a wrong secret, a
 * token for another audience and an unreachable token endpoint each fail with one error naming what to check.
 */
@Tag("security")
class OAuthTest {
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(10);
    private static final String TOPIC = "oauth";
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static OAuthServer oauth;
    private static KafkaCluster kafka;
    private static JavaSparkContext spark;

    @BeforeAll
    static void oauthBrokersAndSpark() {
        oauth = OAuthServer.builder().tokenLifetime(TOKEN_LIFETIME).start();
        oauth.registerClient("reader", "reader-secret")
                .registerClient("mallory", "mallory-secret", "another-service", Set.of());
        System.setProperty(OAuthServer.ALLOWED_URLS_PROPERTY, oauth.allowedUrls());
        kafka = KafkaCluster.builder().name("oauth").oauth(oauth).build().start();
        kafka.createTopic(TOPIC, 2);
        kafka.produce(100, i -> new ProducerRecord<>(TOPIC, i % 2, null, "o-" + i));
        kafka.security().allowRead("reader", TOPIC, "oauth-");
        kafka.security().allowRead("reader", "refreshed", "oauth-");
        kafka.security().allowRead("mallory", TOPIC, "oauth-");
        spark = LocalCluster.start("OAuthTest", 2, Map.of("spark.executor.extraJavaOptions",
                oauth.allowedUrlsJvmOption()));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (oauth != null) {
            oauth.close();
        }
        System.clearProperty(OAuthServer.ALLOWED_URLS_PROPERTY);
    }

    @Test
    void tokensThatExpireDuringAStreamAreRefreshedWithNoFailedTaskAndEveryRecordReadOnce() {
        String topic = "refreshed";
        kafka.createTopic(topic, 2);
        Map<String, Object> kafkaParams = kafkaParams(oauthClient("reader", "reader-secret"), "oauth-refresh");
        assertThat(createRdd(kafkaParams)).containsExactlyInAnyOrderElementsOf(values("o-", 100));
        FailedTasks failedTasks = new FailedTasks();
        spark.sc().addSparkListener(failedTasks);
        int tokensBefore = oauth.tokensIssued("reader");
        // Ten records a second for three token lifetimes and more: the stream reads while every JVM's token expires.
        int waves = (int) TOKEN_LIFETIME.getSeconds() * 3 + 5;
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        JavaStreamingContext ssc = startStream(kafkaParams, topic);
        try {
            producer.scheduleAtFixedRate(() -> {
                if (sent.get() < waves * 10) {
                    int first = sent.getAndAdd(10);
                    kafka.produce(10, i -> new ProducerRecord<>(topic, (first + i) % 2, null, "r-" + (first + i)));
                }
            }, 0, 1, TimeUnit.SECONDS);
            await().atMost(Duration.ofMinutes(3)).until(() -> sent.get() >= waves * 10
                    && kafka.committedOffsets("oauth-refresh").equals(kafka.endOffsets(topic)));
        } finally {
            producer.shutdownNow();
            ssc.stop(false, true);
            spark.sc().removeSparkListener(failedTasks);
        }
        assertThat(SEEN).hasSize(waves * 10).containsExactlyInAnyOrderElementsOf(values("r-", waves * 10));
        assertThat(failedTasks.reasons).isEmpty();
        // The driver and both executors each log in again before their token expires, three times or more.
        assertThat(oauth.tokensIssued("reader") - tokensBefore).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aWrongClientSecretFailsNamingTheTokenEndpointAndClientButNotTheSecret() {
        Map<String, Object> kafkaParams = kafkaParams(oauthClient("reader", "wrong-secret"), "oauth-bad-secret");

        String logged;
        try (CapturedOutput output = CapturedOutput.start()) {
            assertThatThrownBy(() -> createRdd(kafkaParams))
                    .hasMessageContaining("OAuth login of clientId=reader got no token from"
                            + " sasl.oauthbearer.token.endpoint.url=" + oauth.tokenEndpointUrl())
                    .hasMessageContaining("401")
                    .hasMessageContaining("Check clientId and clientSecret in sasl.jaas.config")
                    .satisfies(error -> assertThat(error.getMessage()).doesNotContain("wrong-secret"));
            logged = output.text();
        }
        assertThat(logged).as("captured logs").doesNotContain("wrong-secret");
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedByTheBrokersSayingWhatTheyCheck() {
        Map<String, Object> kafkaParams = kafkaParams(oauthClient("mallory", "mallory-secret"), "oauth-audience");

        assertThatThrownBy(() -> createRdd(kafkaParams))
                .hasMessageContaining("with sasl.mechanism=OAUTHBEARER of clientId=mallory failed")
                .hasMessageContaining("check that its audience (aud) and issuer (iss) are the ones the brokers expect");
    }

    @Test
    void anUnreachableTokenEndpointStopsTheStreamsStartNamingIt() throws IOException {
        String unreachable = "http://127.0.0.1:" + closedPort() + "/token";
        Map<String, Object> kafkaParams = kafkaParams(oauthClient("reader", "reader-secret"), "oauth-unreachable");
        kafkaParams.put("sasl.oauthbearer.token.endpoint.url", unreachable);
        kafkaParams.put("sasl.login.retry.backoff.max.ms", 500);
        System.setProperty(OAuthServer.ALLOWED_URLS_PROPERTY, oauth.allowedUrls() + "," + unreachable);
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
        try {
            assertThatThrownBy(() -> startStream(ssc, kafkaParams, TOPIC))
                    .hasMessageContaining("got no token from sasl.oauthbearer.token.endpoint.url=" + unreachable)
                    .hasMessageContaining("that this JVM reaches the endpoint");
        } finally {
            ssc.stop(false, false);
            System.setProperty(OAuthServer.ALLOWED_URLS_PROPERTY, oauth.allowedUrls());
        }
    }

    private static Map<String, Object> oauthClient(String clientId, String secret) {
        Map<String, Object> config = kafka.security().oauthClientConfig(clientId, secret, "");
        // Short-lived tokens: refresh as soon as 1 s after a login and at the latest 2 s before the token expires
        // (Kafka's defaults, 60 s and 300 s, suit tokens that live an hour).
        config.put("sasl.login.refresh.min.period.seconds", "1");
        config.put("sasl.login.refresh.buffer.seconds", "2");
        return config;
    }

    private static List<String> createRdd(Map<String, Object> kafkaParams) {
        return SecuredReads.createRdd(spark, kafkaParams, TOPIC, 50);
    }

    private static JavaStreamingContext startStream(Map<String, Object> kafkaParams, String topic) {
        JavaStreamingContext ssc = new JavaStreamingContext(spark, Durations.milliseconds(500));
        startStream(ssc, kafkaParams, topic);
        return ssc;
    }

    private static void startStream(JavaStreamingContext ssc, Map<String, Object> kafkaParams, String topic) {
        SecuredReads.startStream(ssc, kafkaParams, topic, SEEN);
    }

    private static Map<String, Object> kafkaParams(Map<String, Object> clientConfig, String groupId) {
        return SecuredReads.kafkaParams(clientConfig, groupId);
    }

    private static List<String> values(String prefix, int count) {
        return SecuredReads.values(prefix, count);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Every task that did not succeed, with its reason. */
    private static final class FailedTasks extends SparkListener {
        final List<String> reasons = new CopyOnWriteArrayList<>(new ArrayList<>());

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            if (taskEnd.reason() != Success$.MODULE$) {
                reasons.add(taskEnd.reason().toString());
            }
        }
    }
}
