package dev.kafkadirect.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a broker needs to accept OAuth logins (SASL OAUTHBEARER, KIP-768) on its SASL_PLAINTEXT listener: Kafka's
 * validating callback handler, the key set that verifies tokens, the issuer and audience tokens must name, and the
 * JVM option that lets the broker fetch the key set (Kafka 3.9.1 and later fetch only listed URLs).
 */
public final class OAuthBrokerSettings {
    /** The mechanism's name in {@code sasl.enabled.mechanisms}. */
    public static final String MECHANISM = "OAUTHBEARER";

    private final String jwksUrl;
    private final String issuer;
    private final String audience;
    private final String allowedUrls;
    private final boolean namesBrokerValidator;

    /**
     * @param jwksUrl the key set's URL
     * @param issuer the {@code iss} tokens must carry
     * @param audience the {@code aud} tokens must carry
     * @param allowedUrls the value of {@code org.apache.kafka.sasl.oauthbearer.allowed.urls} for the broker JVM
     * @param namesBrokerValidator whether to set {@code sasl.oauthbearer.jwt.validator.class} to Kafka's
     *     {@code BrokerJwtValidator}: Kafka 4.1 brokers need it, as their default validator (DefaultJwtValidator,
     *     made without a key resolver) checks neither signature, issuer nor audience
     */
    public OAuthBrokerSettings(String jwksUrl, String issuer, String audience, String allowedUrls,
                               boolean namesBrokerValidator) {
        this.jwksUrl = jwksUrl;
        this.issuer = issuer;
        this.audience = audience;
        this.allowedUrls = allowedUrls;
        this.namesBrokerValidator = namesBrokerValidator;
    }

    /** @return the broker properties of the OAUTHBEARER logins */
    public Map<String, String> brokerProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        String prefix = "listener.name.sasl_plaintext.oauthbearer.";
        properties.put(prefix + "sasl.jaas.config",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;");
        properties.put(prefix + "sasl.server.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler");
        // Sessions last until the token they began with expires: then the client logs in again, with a new token.
        properties.put(prefix + "connections.max.reauth.ms", "3600000");
        properties.put("sasl.oauthbearer.jwks.endpoint.url", jwksUrl);
        properties.put("sasl.oauthbearer.expected.issuer", issuer);
        properties.put("sasl.oauthbearer.expected.audience", audience);
        if (namesBrokerValidator) {
            properties.put("sasl.oauthbearer.jwt.validator.class",
                    "org.apache.kafka.common.security.oauthbearer.BrokerJwtValidator");
        }
        return properties;
    }

    /** @return the broker JVM's options */
    public List<String> jvmOptions() {
        return List.of("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=" + allowedUrls);
    }
}
