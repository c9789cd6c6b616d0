package dev.kafkadirect.internal.security;

import dev.kafkadirect.KafkaAuthenticationException;

import javax.security.auth.login.LoginException;
import java.util.Map;

/**
 * The explained errors of an OAuth (SASL OAUTHBEARER) client: a login that got no token from the token endpoint
 * names the endpoint and the client id of {@code sasl.jaas.config} (never its secret), and a token the brokers
 * refused says which of its claims they check.
 */
final class OAuthErrors {
    /** The system property Kafka 3.9.1 and later read before fetching any OAuth URL. */
    static final String ALLOWED_URLS = "org.apache.kafka.sasl.oauthbearer.allowed.urls";
    private static final java.util.regex.Pattern CLIENT_ID =
            java.util.regex.Pattern.compile("\\bclientId\\s*=\\s*\"([^\"]*)\"");

    private OAuthErrors() {
    }

    /** @return whether these settings log in with OAuth */
    static boolean isOAuth(Map<String, ?> kafkaParams) {
        return "OAUTHBEARER".equals(String.valueOf(kafkaParams.get("sasl.mechanism")));
    }

    /**
     * @param login the JAAS login's failure
     * @param kafkaParams the client's settings
     * @param error what the Kafka client threw, kept as the cause
     * @return an error naming the token endpoint and client that got no token
     */
    static KafkaAuthenticationException loginFailed(LoginException login, Map<String, ?> kafkaParams,
                                                    RuntimeException error) {
        return new KafkaAuthenticationException("OAuth login" + clientId(kafkaParams)
                + " got no token from sasl.oauthbearer.token.endpoint.url="
                + kafkaParams.get("sasl.oauthbearer.token.endpoint.url") + ": " + login.getMessage()
                + ". Check clientId and clientSecret in sasl.jaas.config (the secret is not shown here) and the scope"
                + " asked for; that this JVM reaches the endpoint; and that -D" + ALLOWED_URLS + " lists it on the"
                + " driver and the executors (spark.executor.extraJavaOptions) — this JVM has "
                + System.getProperty(ALLOWED_URLS, "(not set)") + ".", error);
    }

    /**
     * @param brokers the brokers, as the message names them
     * @param kafkaParams the client's settings
     * @param error the brokers' refusal
     * @return an error saying what the brokers check in a token
     */
    static KafkaAuthenticationException tokenRefused(String brokers, Map<String, ?> kafkaParams,
                                                     RuntimeException error) {
        return new KafkaAuthenticationException("Authentication to " + brokers + " with sasl.mechanism=OAUTHBEARER"
                + clientId(kafkaParams) + " failed: " + error.getMessage() + ". The brokers refused the token from"
                + " sasl.oauthbearer.token.endpoint.url=" + kafkaParams.get("sasl.oauthbearer.token.endpoint.url")
                + ": check that its audience (aud) and issuer (iss) are the ones the brokers expect"
                + " (sasl.oauthbearer.expected.audience and .expected.issuer on the brokers) and that the brokers'"
                + " key set (sasl.oauthbearer.jwks.endpoint.url) holds the key that signed it.", error);
    }

    private static String clientId(Map<String, ?> kafkaParams) {
        java.util.regex.Matcher matcher = CLIENT_ID.matcher(String.valueOf(kafkaParams.get("sasl.jaas.config")));
        return matcher.find() ? " of clientId=" + matcher.group(1) : "";
    }
}
