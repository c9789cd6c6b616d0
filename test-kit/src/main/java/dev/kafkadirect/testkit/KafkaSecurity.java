package dev.kafkadirect.testkit;

import dev.kafkadirect.testkit.internal.GssapiBrokerSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Users and ACLs of a cluster built with {@link KafkaClusterBuilder#saslScram()}, and the client settings of
 * its SASL_SSL listener. Made by {@link KafkaCluster#security()}.
 */
public final class KafkaSecurity {
    /** The SASL mechanism of the kit's SASL_SSL listener. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final int SCRAM_ITERATIONS = 4096;

    private final Admin admin;
    /** Null without a SASL_SSL listener. */
    private final String bootstrapServers;
    /** Null without a SASL_PLAINTEXT (Kerberos) listener. */
    private final String saslPlaintextBootstrapServers;
    private final TlsMaterial tls;
    /** Null without OAuth. */
    private final OAuthServer oauth;

    KafkaSecurity(Admin admin, String bootstrapServers, String saslPlaintextBootstrapServers, TlsMaterial tls,
                  OAuthServer oauth) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.saslPlaintextBootstrapServers = saslPlaintextBootstrapServers;
        this.tls = tls;
        this.oauth = oauth;
    }

    /**
     * @return the {@code bootstrap.servers} value of the brokers' SASL_SSL listeners
     * @throws IllegalStateException when the cluster was built without {@link KafkaClusterBuilder#saslScram()}
     */
    public String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("This cluster has no SASL_SSL listener: build it with tls(TlsMaterial)"
                    + " and saslScram()");
        }
        return bootstrapServers;
    }

    /**
     * @return the {@code bootstrap.servers} value of the brokers' SASL_PLAINTEXT (Kerberos, OAuth) listeners
     * @throws IllegalStateException when the cluster was built without {@link KafkaClusterBuilder#kerberos} and
     *     {@link KafkaClusterBuilder#oauth}
     */
    public String saslPlaintextBootstrapServers() {
        if (saslPlaintextBootstrapServers == null) {
            throw new IllegalStateException("This cluster has no SASL_PLAINTEXT listener: build it with"
                    + " kerberos(KerberosKdc) or oauth(OAuthServer)");
        }
        return saslPlaintextBootstrapServers;
    }

    /**
     * Creates (or changes the password of) a SCRAM-SHA-512 user.
     *
     * @param user the user name
     * @param password its password
     */
    public void createScramUser(String user, String password) {
        AdminCalls.get("create SCRAM user " + user, admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password))).all());
    }

    /**
     * Lets a user read a topic as a consumer of a group: READ and DESCRIBE on the topic, READ on every group
     * whose id starts with {@code groupIdPrefix} (the driver's group and its executors' {@code spark-executor-}
     * group alike when the prefix is empty).
     *
     * @param user the user name
     * @param topic the topic
     * @param groupIdPrefix the start of the group ids it may use
     */
    public void allowRead(String user, String topic, String groupIdPrefix) {
        String principal = "User:" + user;
        List<AclBinding> acls = new ArrayList<>();
        for (AclOperation operation : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
            acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        }
        acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, groupIdPrefix.isEmpty() ? "*" : groupIdPrefix,
                groupIdPrefix.isEmpty() ? PatternType.LITERAL : PatternType.PREFIXED),
                new AccessControlEntry(principal, "*", AclOperation.READ, AclPermissionType.ALLOW)));
        AdminCalls.get("create ACLs for " + principal, admin.createAcls(acls).all());
    }

    /**
     * @param user a SCRAM user
     * @param password its password
     * @return a new mutable client configuration for the SASL_SSL listener: bootstrap servers, SASL_SSL with
     *         SCRAM-SHA-512 and the user's JAAS login, and the truststore that trusts the brokers
     */
    public Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers());
        config.put("security.protocol", "SASL_SSL");
        config.put("sasl.mechanism", MECHANISM);
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        config.put("ssl.truststore.location", tls.truststore().toString());
        config.put("ssl.truststore.password", tls.clientPassword());
        return config;
    }

    /**
     * @param identity the client's principal and keytab
     * @return a new mutable client configuration for the SASL_PLAINTEXT listener: bootstrap servers,
     *         SASL_PLAINTEXT with GSSAPI, the brokers' service name and the identity's keytab login. The JVM also
     *         needs {@code java.security.krb5.conf} ({@link KerberosKdc#krb5Conf()})
     */
    public Map<String, Object> kerberosClientConfig(KerberosIdentity identity) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", saslPlaintextBootstrapServers());
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "GSSAPI");
        config.put("sasl.kerberos.service.name", GssapiBrokerSettings.SERVICE_NAME);
        config.put("sasl.jaas.config", identity.jaasConfig());
        return config;
    }

    /**
     * @param identity the client's principal and keytab
     * @return a new mutable client configuration for the SASL_SSL listener with GSSAPI instead of SCRAM, and the
     *         truststore that trusts the brokers
     */
    public Map<String, Object> kerberosSslClientConfig(KerberosIdentity identity) {
        Map<String, Object> config = kerberosClientConfig(identity);
        config.put("bootstrap.servers", bootstrapServers());
        config.put("security.protocol", "SASL_SSL");
        config.put("ssl.truststore.location", tls.truststore().toString());
        config.put("ssl.truststore.password", tls.clientPassword());
        return config;
    }

    /**
     * @param clientId a client of the cluster's {@link OAuthServer}
     * @param secret its secret
     * @param scope the scope it asks for (space-separated), or empty for none
     * @return a new mutable client configuration for the SASL_PLAINTEXT listener with OAUTHBEARER: bootstrap
     *     servers, Kafka's {@code OAuthBearerLoginCallbackHandler} with the server's token endpoint, and the client
     *     credentials in {@code sasl.jaas.config}. Every JVM that logs in also needs
     *     {@link OAuthServer#allowedUrlsJvmOption()} (kafka-clients 3.9.1 and later)
     * @throws IllegalStateException when the cluster was built without {@link KafkaClusterBuilder#oauth}
     */
    public Map<String, Object> oauthClientConfig(String clientId, String secret, String scope) {
        if (oauth == null) {
            throw new IllegalStateException("This cluster has no OAuth logins: build it with oauth(OAuthServer)");
        }
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", saslPlaintextBootstrapServers());
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "OAUTHBEARER");
        config.put("sasl.login.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
        config.put("sasl.oauthbearer.token.endpoint.url", oauth.tokenEndpointUrl());
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
                + " clientId=\"" + clientId + "\" clientSecret=\"" + secret + "\""
                + (scope.isEmpty() ? "" : " scope=\"" + scope + "\"") + ";");
        return config;
    }
}
