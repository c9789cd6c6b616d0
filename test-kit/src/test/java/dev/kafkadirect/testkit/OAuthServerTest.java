package dev.kafkadirect.testkit;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OAuthServerTest {
    private static final String TOPIC = "tokens";
    private static OAuthServer oauth;
    private static KafkaCluster kafka;

    @BeforeAll
    static void start() {
        oauth = OAuthServer.start();
        System.setProperty(OAuthServer.ALLOWED_URLS_PROPERTY, oauth.allowedUrls());
        oauth.registerClient("alice", "alice-secret")
                .registerClient("bob", "bob-secret")
                .registerClient("mallory", "mallory-secret", "another-service", Set.of())
                .registerClient("carol", "carol-secret", OAuthServer.AUDIENCE, Set.of("kafka.read"));
        kafka = KafkaCluster.builder().name("oauth").oauth(oauth).build().start();
        kafka.createTopic(TOPIC, 1);
        kafka.produce(5, i -> new ProducerRecord<>(TOPIC, 0, null, "token-" + i));
        kafka.security().allowRead("alice", TOPIC, "");
        kafka.security().allowRead("mallory", TOPIC, "");
        kafka.security().allowRead("carol", TOPIC, "");
    }

    @AfterAll
    static void stop() {
        System.clearProperty(OAuthServer.ALLOWED_URLS_PROPERTY);
        if (kafka != null) {
            kafka.close();
        }
        if (oauth != null) {
            oauth.close();
        }
    }

    @Test
    void aClientWithCredentialsAndAnAclReadsTheTopic() {
        int before = oauth.tokensIssued("alice");

        assertThat(ReadBack.values(kafka.security().oauthClientConfig("alice", "alice-secret", ""), TOPIC, 5))
                .containsExactly("token-0", "token-1", "token-2", "token-3", "token-4");
        assertThat(oauth.tokensIssued("alice")).isEqualTo(before + 1);
    }

    @Test
    void aClientWithoutAnAclLogsInAndIsRefusedTheTopic() {
        assertThatThrownBy(() -> ReadBack.values(kafka.security().oauthClientConfig("bob", "bob-secret", ""), TOPIC, 5))
                .isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(TOPIC);
    }

    @Test
    void theBrokerRefusesATokenForAnotherAudience() {
        assertThatThrownBy(() -> ReadBack.values(kafka.security().oauthClientConfig("mallory", "mallory-secret", ""),
                TOPIC, 5)).isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aWrongSecretFailsTheLoginWhenTheClientIsMade() {
        Map<String, Object> config = kafka.security().oauthClientConfig("alice", "not-the-secret", "");

        assertThatThrownBy(() -> new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer()))
                .isInstanceOf(KafkaException.class).hasStackTraceContaining("401");
    }

    @Test
    void theTokenEndpointGrantsOnlyAllowedScopesAndSignsWhatTheKeySetVerifies() throws Exception {
        assertThat(ReadBack.values(kafka.security().oauthClientConfig("carol", "carol-secret", "kafka.read"), TOPIC, 5))
                .hasSize(5);

        HttpResponse<String> refused = requestToken("carol", "carol-secret", "kafka.write");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"error\":\"invalid_scope\"");
        HttpResponse<String> granted = requestToken("carol", "carol-secret", "kafka.read");
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.body()).contains("\"token_type\":\"Bearer\"", "\"expires_in\":3600");
        String payload = new String(Base64.getUrlDecoder().decode(granted.body().split("\"")[3].split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(payload).contains("\"iss\":\"" + oauth.issuer() + "\"", "\"sub\":\"carol\"", "\"aud\":\"kafka\"",
                "\"scope\":\"kafka.read\"");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(oauth.jwksUrl())).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"kty\":\"RSA\"", "\"alg\":\"RS256\"");
    }

    private static HttpResponse<String> requestToken(String clientId, String secret, String scope)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(oauth.tokenEndpointUrl()))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
