package dev.kafkadirect.testkit.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a broker needs to accept Kerberos (SASL GSSAPI) logins on its SASL_PLAINTEXT listener, and on its
 * SASL_SSL listener beside SCRAM when it has one: the mechanisms, the service name and the broker's own login
 * from its keytab, plus the JVM options that point it at the KDC.
 */
public final class GssapiBrokerSettings {
    /** The service name clients set as {@code sasl.kerberos.service.name}: the first part of the brokers' principal. */
    public static final String SERVICE_NAME = "kafka";

    private final String brokerJaasConfig;
    private final Path krb5Conf;

    /**
     * @param brokerJaasConfig the {@code Krb5LoginModule} line that logs the broker's principal in from its keytab
     * @param krb5Conf the KDC's {@code krb5.conf}
     */
    public GssapiBrokerSettings(String brokerJaasConfig, Path krb5Conf) {
        this.brokerJaasConfig = brokerJaasConfig;
        this.krb5Conf = krb5Conf;
    }

    /**
     * @param withScramOverTls whether the broker also has the kit's SASL_SSL listener with SCRAM-SHA-512
     * @return the broker properties of the GSSAPI logins (the mechanisms each listener enables are
     *     {@link SaslListenerSettings}' to set)
     */
    public Map<String, String> brokerProperties(boolean withScramOverTls) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("sasl.kerberos.service.name", SERVICE_NAME);
        properties.put("listener.name.sasl_plaintext.gssapi.sasl.jaas.config", brokerJaasConfig);
        if (withScramOverTls) {
            properties.put("listener.name.sasl_ssl.gssapi.sasl.jaas.config", brokerJaasConfig);
        }
        return properties;
    }

    /**
     * @return JVM options of the broker: the KDC's {@code krb5.conf}, and no replay cache file (the JDK's default
     *     one lives in {@code /var/tmp} and would outlive the run)
     */
    public List<String> jvmOptions() {
        return List.of("-Djava.security.krb5.conf=" + krb5Conf, "-Dsun.security.krb5.rcache=none");
    }
}
