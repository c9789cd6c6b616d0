package dev.kafkadirect.internal.security;

import dev.kafkadirect.KafkaAuthenticationException;
import dev.kafkadirect.KafkaAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The explanations, without a broker: each names the setting or permission at fault and quotes no secret. */
class SecurityErrorsTest {
    private static final String SECRET = "s3cret-password";
    private static final Map<String, Object> SASL = Map.of("bootstrap.servers", "127.0.0.1:9093",
            "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "ScramLoginModule required username=\"reader\" password=\"" + SECRET + "\";",
            "ssl.truststore.location", "/etc/kafka/truststore.jks", "ssl.truststore.password", SECRET);

    @Test
    void anUntrustedCertificateNamesTheTruststoreAndTheRootCause() {
        RuntimeException explained = SecurityErrors.explain(new SslAuthenticationException("SSL handshake failed",
                new IllegalStateException("PKIX path building failed")), SASL);

        assertThat(explained).hasMessageStartingWith("The TLS handshake with the brokers at"
                + " bootstrap.servers=127.0.0.1:9093 failed (SSL handshake failed: PKIX path building failed). Their"
                + " certificate is not trusted by ssl.truststore.location=/etc/kafka/truststore.jks. Check")
                .isInstanceOf(KafkaAuthenticationException.class).hasCauseInstanceOf(SslAuthenticationException.class);
        assertThat(explained.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void aFailedLoginNamesProtocolAndMechanismAndPointsAtTheJaasConfigWithoutShowingIt() {
        RuntimeException explained = SecurityErrors.explain(
                new SaslAuthenticationException("Authentication failed during authentication due to invalid credentials"),
                SASL);

        assertThat(explained).isInstanceOf(KafkaAuthenticationException.class).hasMessage("Authentication to the brokers at bootstrap.servers=127.0.0.1:9093 failed with"
                + " security.protocol=SASL_SSL and sasl.mechanism=SCRAM-SHA-512: Authentication failed during"
                + " authentication due to invalid credentials. Check the user name and password in sasl.jaas.config (not"
                + " shown here) and that the user exists on the brokers for that mechanism.");
    }

    @Test
    void withoutAJaasConfigAFailedLoginPointsAtTheDelegationToken() {
        RuntimeException explained = SecurityErrors.explain(new SaslAuthenticationException("invalid credentials"),
                Map.of("bootstrap.servers", "127.0.0.1:9093"));

        assertThat(explained).hasMessageEndingWith(": invalid credentials. kafkaParams have no sasl.jaas.config: check"
                + " the delegation token Spark holds for these brokers (spark.kafka.clusters.<id>.*) and that it has not"
                + " expired.");
    }

    @Test
    void missingAclsNameTheTopicsOrGroupAndThePermissionToGrant() {
        assertThat(SecurityErrors.explain(new TopicAuthorizationException(Set.of("payments")), SASL))
                .isInstanceOf(KafkaAuthorizationException.class)
                .hasMessageStartingWith("Not authorized to read topics [payments] on the brokers at"
                        + " bootstrap.servers=127.0.0.1:9093: grant the user READ and DESCRIBE on them");
        assertThat(SecurityErrors.explain(new GroupAuthorizationException("denied", "spark-executor-app"), SASL))
                .hasMessage("Not authorized to use consumer group spark-executor-app on the brokers at"
                        + " bootstrap.servers=127.0.0.1:9093: grant the user READ on it (kafka-acls --add"
                        + " --allow-principal User:<user> --operation Read --group spark-executor-app).");
    }

    @Test
    void otherErrorsPassThroughUnchangedAlsoFromAnIterator() {
        TimeoutException timeout = new TimeoutException("no answer");
        assertThat(SecurityErrors.explain(timeout, SASL)).isSameAs(timeout);

        Iterator<String> failing = new Iterator<String>() {
            @Override
            public boolean hasNext() {
                throw new TopicAuthorizationException(Set.of("payments"));
            }

            @Override
            public String next() {
                throw timeout;
            }
        };
        Iterator<String> explained = SecurityErrors.explaining(failing, SASL);
        assertThatThrownBy(explained::hasNext).hasMessageStartingWith("Not authorized to read topics [payments]");
        assertThatThrownBy(explained::next).isSameAs(timeout);
        assertThat(SecurityErrors.explaining(List.of("a", "b").iterator(), SASL)).toIterable().containsExactly("a", "b");
    }
}
