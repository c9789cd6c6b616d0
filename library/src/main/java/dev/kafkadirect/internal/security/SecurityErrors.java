package dev.kafkadirect.internal.security;

import dev.kafkadirect.KafkaAuthenticationException;
import dev.kafkadirect.KafkaAuthorizationException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

import javax.security.auth.login.LoginException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Kafka's authentication and authorization errors into errors that say which setting or permission is at
 * fault: an untrusted certificate names the truststore, a failed SASL login names the mechanism and points at
 * {@code sasl.jaas.config} (a Kerberos login names its principal and keytab, an OAuth login its token endpoint and
 * client id), a missing ACL names the topic or group and the permission to grant. Only setting names, locations,
 * ids and broker addresses are quoted, never passwords, secrets or JAAS configurations. These errors are not
 * retriable: clients raise them at the first attempt, so a job fails once, without a retry storm.
 */
public final class SecurityErrors {
    private SecurityErrors() {
    }

    /**
     * @param error an error from a Kafka client
     * @param kafkaParams the client's settings
     * @return the explained error for an authentication or authorization failure, else {@code error} itself
     */
    public static RuntimeException explain(RuntimeException error, Map<String, ?> kafkaParams) {
        String brokers = "the brokers at bootstrap.servers=" + kafkaParams.get("bootstrap.servers");
        Optional<LoginException> login = cause(error, LoginException.class);
        if (login.isPresent() && !(error instanceof KafkaAuthenticationException)) {
            if (OAuthErrors.isOAuth(kafkaParams)) {
                return OAuthErrors.loginFailed(login.get(), kafkaParams, error);
            }
            if ("GSSAPI".equals(String.valueOf(kafkaParams.get("sasl.mechanism")))) {
                return KerberosErrors.loginFailed(login.get(), kafkaParams, error);
            }
        }
        if (error instanceof SslAuthenticationException) {
            Object keystore = kafkaParams.get("ssl.keystore.location");
            return new KafkaAuthenticationException("The TLS handshake with " + brokers + " failed (" + describe(error) + "). Their"
                    + " certificate is not trusted by ssl.truststore.location=" + kafkaParams.get("ssl.truststore.location")
                    + (keystore == null ? "" : ", or they do not trust the client certificate of ssl.keystore.location="
                    + keystore) + ". Check that the truststore holds the CA that signed the brokers' certificates (and"
                    + " that ssl.endpoint.identification.algorithm matches how they are named).", error);
        }
        if (error instanceof AuthenticationException && OAuthErrors.isOAuth(kafkaParams)) {
            return OAuthErrors.tokenRefused(brokers, kafkaParams, error);
        }
        if (error instanceof AuthenticationException) {
            Object protocol = kafkaParams.get("security.protocol");
            Object mechanism = kafkaParams.get("sasl.mechanism");
            return new KafkaAuthenticationException("Authentication to " + brokers + " failed"
                    + (protocol == null && mechanism == null ? ""
                    : " with security.protocol=" + protocol + " and sasl.mechanism=" + mechanism)
                    + ": " + error.getMessage() + ". "
                    + (kafkaParams.containsKey("sasl.jaas.config")
                    ? "Check the user name and password in sasl.jaas.config (not shown here) and that the user exists"
                            + " on the brokers for that mechanism."
                    : "kafkaParams have no sasl.jaas.config: check the delegation token Spark holds for these brokers"
                            + " (spark.kafka.clusters.<id>.*) and that it has not expired."), error);
        }
        if (error instanceof TopicAuthorizationException) {
            return new KafkaAuthorizationException("Not authorized to read topics "
                    + ((TopicAuthorizationException) error).unauthorizedTopics() + " on " + brokers + ": grant the user"
                    + " READ and DESCRIBE on them (kafka-acls --add --allow-principal User:<user> --operation Read"
                    + " --operation Describe --topic <topic>).", error);
        }
        if (error instanceof GroupAuthorizationException) {
            String group = ((GroupAuthorizationException) error).groupId();
            return new KafkaAuthorizationException("Not authorized to use consumer group " + group + " on " + brokers
                    + ": grant the user READ on it (kafka-acls --add --allow-principal User:<user> --operation Read"
                    + " --group " + group + ").", error);
        }
        if (error instanceof AuthorizationException) {
            return new KafkaAuthorizationException("Not authorized on " + brokers + ": " + error.getMessage(), error);
        }
        return error;
    }

    /**
     * @param records an iterator reading from Kafka
     * @param kafkaParams the reading client's settings
     * @return the same records; authentication and authorization errors explained
     */
    public static <T> Iterator<T> explaining(Iterator<T> records, Map<String, ?> kafkaParams) {
        return new Iterator<T>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (RuntimeException e) {
                    throw explain(e, kafkaParams);
                }
            }

            @Override
            public T next() {
                try {
                    return records.next();
                } catch (RuntimeException e) {
                    throw explain(e, kafkaParams);
                }
            }
        };
    }

    private static <T extends Throwable> Optional<T> cause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.getMessage() : error.getMessage() + ": " + root.getMessage();
    }
}
