package dev.kafkadirect.internal.security;

import dev.kafkadirect.KafkaAuthenticationException;

import javax.security.auth.login.LoginException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explained error of a Kerberos (SASL GSSAPI) client whose login fails: it names the principal and keytab of
 * {@code sasl.jaas.config} (never the rest of it), says what the JDK's Kerberos said, and what to check.
 */
final class KerberosErrors {
    private static final Pattern PRINCIPAL = Pattern.compile("\\bprincipal\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern KEYTAB = Pattern.compile("\\bkeyTab\\s*=\\s*\"([^\"]*)\"");

    private KerberosErrors() {
    }

    /**
     * @param login the JAAS login's failure
     * @param kafkaParams the client's settings
     * @param error what the Kafka client threw, kept as the cause
     * @return an error naming the principal and keytab that did not log in
     */
    static KafkaAuthenticationException loginFailed(LoginException login, Map<String, ?> kafkaParams,
                                                    Throwable error) {
        String jaas = String.valueOf(kafkaParams.get("sasl.jaas.config"));
        String who = find(PRINCIPAL, jaas).map(principal -> "principal=" + principal).orElse("the principal")
                + find(KEYTAB, jaas).map(keytab -> " from keyTab=" + keytab).orElse("");
        return new KafkaAuthenticationException("Kerberos login of " + who + " (sasl.jaas.config) failed: "
                + login.getMessage() + ". Check that the KDC has that principal and that the keytab is readable where"
                + " this JVM runs (spark-submit --files puts it in each executor's working directory); the keytab must"
                + " hold that principal's current key (a keytab exported before the key changed no longer logs in);"
                + " java.security.krb5.conf=" + System.getProperty("java.security.krb5.conf", "(not set)")
                + " must name the realm's KDC.", error);
    }

    /**
     * @param serviceName the client's {@code sasl.kerberos.service.name}
     * @param host the broker host the client names the service after
     * @param kdcAnswer what the KDC said
     * @param kafkaParams the client's settings
     * @return an error saying the brokers' service principal is not the one the client asks for
     */
    static KafkaAuthenticationException unknownService(String serviceName, String host, String kdcAnswer,
                                                       Map<String, ?> kafkaParams) {
        return new KafkaAuthenticationException("The KDC has no service principal " + serviceName + "/" + host
                + " (" + kdcAnswer + "), which the client asks for from sasl.kerberos.service.name=" + serviceName
                + " and the broker host " + host + " of bootstrap.servers=" + kafkaParams.get("bootstrap.servers")
                + ". Set sasl.kerberos.service.name to the first part of the brokers' principal (kafka for"
                + " kafka/broker1.example.com@EXAMPLE.COM) and name the brokers by the host in their principals;"
                + " Kafka's client would retry this until a poll timed out.", null);
    }

    /**
     * @param jaasConfig a {@code sasl.jaas.config} value
     * @return the file its {@code keyTab} names, if it names one
     */
    static java.util.Optional<String> keytab(String jaasConfig) {
        return find(KEYTAB, jaasConfig);
    }

    private static java.util.Optional<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
    }
}
