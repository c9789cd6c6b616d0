package dev.kafkadirect.internal.security;

import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

import javax.security.auth.Subject;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.PrivilegedAction;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A check on the driver, before a Kerberos (SASL GSSAPI) client reads: logs in as {@code sasl.jaas.config} says
 * and asks the KDC for the brokers' service ticket, as Kafka's client will ({@code <service name>@<broker host>}).
 * A KDC that does not know that service principal — a wrong {@code sasl.kerberos.service.name}, or brokers named
 * by another host than their principals' — fails the check with an error naming the setting: Kafka's client takes
 * that answer as retriable and would retry until a poll timed out. A login that fails with a keytab the driver has
 * fails too, naming principal and keytab, so a createRDD job does not fail each of its tasks' attempts with it. A
 * keytab the driver does not have (shipped to executors only), no {@code sasl.jaas.config}, or an unknown broker
 * host pass: the client reports what is wrong there itself.
 */
public final class KerberosPreflight {
    private static final String KERBEROS_V5 = "1.2.840.113554.1.2.2";
    private static final String UNKNOWN_SERVER = "Server not found in Kerberos database";

    private KerberosPreflight() {
    }

    /**
     * @param kafkaParams the client's settings
     * @throws dev.kafkadirect.KafkaAuthenticationException when the KDC has no principal for the brokers' service
     */
    public static void check(Map<String, ?> kafkaParams) {
        Object jaasConfig = kafkaParams.get("sasl.jaas.config");
        Object serviceName = kafkaParams.get("sasl.kerberos.service.name");
        if (!"GSSAPI".equals(String.valueOf(kafkaParams.get("sasl.mechanism"))) || jaasConfig == null
                || serviceName == null) {
            return;
        }
        String jaas = jaasConfig instanceof Password ? ((Password) jaasConfig).value() : jaasConfig.toString();
        LoginContext login;
        try {
            login = login(jaas);
        } catch (LoginException e) {
            if (KerberosErrors.keytab(jaas).map(path -> new java.io.File(path).isFile()).orElse(false)) {
                throw KerberosErrors.loginFailed(e, kafkaParams, e);
            }
            return;
        } catch (RuntimeException e) {
            return;
        }
        try {
            for (String host : brokerHosts(String.valueOf(kafkaParams.get("bootstrap.servers")))) {
                Optional<String> answer = Subject.doAs(login.getSubject(),
                        (PrivilegedAction<Optional<String>>) () -> unknownService(serviceName.toString(), host));
                if (answer.isPresent()) {
                    throw KerberosErrors.unknownService(serviceName.toString(), host, answer.get(), kafkaParams);
                }
            }
        } finally {
            try {
                login.logout();
            } catch (LoginException e) {
                // Nothing to release then.
            }
        }
    }

    private static LoginContext login(String jaasConfig) throws LoginException {
        JaasContext context = JaasContext.loadClientContext(
                Collections.singletonMap("sasl.jaas.config", new Password(jaasConfig)));
        LoginContext login = new LoginContext(context.name(), new Subject(), null, context.configuration());
        login.login();
        return login;
    }

    /** @return the KDC's answer when it has no principal for {@code service@host}, else empty */
    private static Optional<String> unknownService(String serviceName, String host) {
        GSSManager manager = GSSManager.getInstance();
        GSSContext context = null;
        try {
            GSSName service = manager.createName(serviceName + "@" + host, GSSName.NT_HOSTBASED_SERVICE);
            context = manager.createContext(service, new Oid(KERBEROS_V5), null, GSSContext.DEFAULT_LIFETIME);
            context.initSecContext(new byte[0], 0, 0);
            return Optional.empty();
        } catch (GSSException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (String.valueOf(cause.getMessage()).contains(UNKNOWN_SERVER)) {
                    return Optional.of(UNKNOWN_SERVER);
                }
            }
            return Optional.empty();
        } finally {
            if (context != null) {
                try {
                    context.dispose();
                } catch (GSSException e) {
                    // Nothing held.
                }
            }
        }
    }

    /**
     * @return each broker's host as Kafka's client names the service after it: the name given, or for an address
     *     the name it resolves back to
     */
    private static Set<String> brokerHosts(String bootstrapServers) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String server : bootstrapServers.split(",")) {
            String address = server.trim().replaceFirst("^[A-Za-z_]+://", "");
            int colon = address.lastIndexOf(':');
            String host = (colon > 0 ? address.substring(0, colon) : address).replace("[", "").replace("]", "");
            if (host.isEmpty()) {
                continue;
            }
            try {
                hosts.add(InetAddress.getByName(host).getHostName());
            } catch (UnknownHostException e) {
                // The client reports an unknown host itself.
            }
        }
        return hosts;
    }
}
