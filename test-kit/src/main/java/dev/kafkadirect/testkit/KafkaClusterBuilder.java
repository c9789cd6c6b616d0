package dev.kafkadirect.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of a {@link KafkaCluster}, from {@link KafkaCluster#builder()}: how many brokers, their properties and
 * JVM options, listeners (TLS, SASL_SSL, Kerberos, OAuth), version; {@link #build()} makes an unstarted cluster. Its settings are read by
 * the cluster it builds (package-private fields).
 */
public final class KafkaClusterBuilder {
    int brokerCount = 1;
    final Map<String, String> brokerProperties = new LinkedHashMap<>();
    /** Properties of single brokers, by node id, over {@link #brokerProperties}. */
    final Map<Integer, Map<String, String>> nodeProperties = new LinkedHashMap<>();
    final List<String> jvmOptions = new ArrayList<>(List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC",
            "-Djava.awt.headless=true"));
    Duration startTimeout = Duration.ofSeconds(60);
    String name = "cluster";
    int firstBrokerPort;
    TlsMaterial tls;
    boolean secured;
    /** Null without Kerberos. */
    KerberosKdc kerberos;
    /** Null without OAuth. */
    OAuthServer oauth;
    BrokerVersion version = BrokerVersion.DEFAULT;

    KafkaClusterBuilder() {
    }

    /** @param count how many brokers (KRaft nodes, each also a controller), 1 or more */
    public KafkaClusterBuilder brokers(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A Kafka cluster needs at least 1 broker but brokers was " + count);
        }
        this.brokerCount = count;
        return this;
    }

    /** Sets a broker property on every broker, over the kit's defaults. */
    public KafkaClusterBuilder brokerProperty(String key, String value) {
        brokerProperties.put(key, value);
        return this;
    }

    /**
     * Sets a property on one broker only, over the properties of all, e.g. {@code broker.rack}.
     *
     * @param nodeId the broker's node id, 1 to the broker count
     */
    public KafkaClusterBuilder brokerProperty(int nodeId, String key, String value) {
        if (nodeId < 1) {
            throw new IllegalArgumentException("Broker node ids start at 1 but was " + nodeId);
        }
        nodeProperties.computeIfAbsent(nodeId, id -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    /** Adds an option to every broker JVM, e.g. {@code -Xmx2g}. */
    public KafkaClusterBuilder jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** @param timeout how long a start may take before it fails with the brokers' log tails */
    public KafkaClusterBuilder startTimeout(Duration timeout) {
        this.startTimeout = timeout;
        return this;
    }

    /**
     * Puts broker 1's client listener on a fixed port instead of a free one, for programs that name
     * their brokers (e.g. {@code localhost:9092}); the start fails if the port is taken.
     *
     * @param port the port, 1..65535
     */
    public KafkaClusterBuilder firstBrokerPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("firstBrokerPort must be 1..65535 but was " + port);
        }
        this.firstBrokerPort = port;
        return this;
    }

    /**
     * Adds an SSL listener to every broker, with the material's broker keystore, requiring client
     * certificates signed by its CA; the PLAINTEXT listener stays for the kit's own clients.
     */
    public KafkaClusterBuilder tls(TlsMaterial material) {
        this.tls = java.util.Objects.requireNonNull(material, "tls material");
        return this;
    }

    /**
     * Adds a SASL_SSL listener (SCRAM-SHA-512 over TLS, with the {@link #tls(TlsMaterial)} material) to every
     * broker and turns on authorization: clients of that listener need users and ACLs, made through
     * {@link KafkaCluster#security()}. The kit's own PLAINTEXT clients and the SSL client certificate are
     * super users.
     */
    public KafkaClusterBuilder saslScram() {
        this.secured = true;
        return this;
    }

    /**
     * Adds a SASL_PLAINTEXT listener with Kerberos (GSSAPI) logins to every broker, and GSSAPI beside SCRAM on the
     * SASL_SSL listener when there is one, and turns on authorization: clients of those listeners need ACLs
     * ({@link KafkaCluster#security()}), their user name being the principal's first part ({@code alice} for
     * {@code alice@KAFKADIRECT.TEST}). The brokers log in as {@link KerberosKdc#brokerIdentity()}; clients set
     * {@code sasl.kerberos.service.name=kafka}.
     *
     * @param kdc the KDC brokers and clients use; it must outlive the cluster
     */
    public KafkaClusterBuilder kerberos(KerberosKdc kdc) {
        this.kerberos = java.util.Objects.requireNonNull(kdc, "kdc");
        return this;
    }

    /**
     * Adds a SASL_PLAINTEXT listener with OAuth logins (SASL OAUTHBEARER) to every broker, beside GSSAPI when
     * {@link #kerberos(KerberosKdc)} is set too, and turns on authorization: clients need ACLs
     * ({@link KafkaCluster#security()}), their user name being their client id (the tokens' {@code sub}). Brokers
     * accept tokens signed by the server's key, issued by it, for audience {@link OAuthServer#AUDIENCE}, and
     * re-authenticate connections when the token they logged in with expires. Needs Kafka 3.9 or later.
     *
     * @param server the authorization server brokers and clients use; it must outlive the cluster
     */
    public KafkaClusterBuilder oauth(OAuthServer server) {
        this.oauth = java.util.Objects.requireNonNull(server, "OAuth server");
        return this;
    }

    /**
     * Runs another broker version than {@link BrokerVersion#DEFAULT}; brokers in ZooKeeper mode also get a
     * ZooKeeper server (a child JVM started and stopped with them).
     */
    public KafkaClusterBuilder version(BrokerVersion brokerVersion) {
        this.version = java.util.Objects.requireNonNull(brokerVersion, "broker version");
        return this;
    }

    /** @param name a name for the log folder, e.g. the test class */
    public KafkaClusterBuilder name(String name) {
        this.name = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        return this;
    }

    /** @return an unstarted cluster; call {@link KafkaCluster#start()} */
    public KafkaCluster build() {
        if (secured && tls == null) {
            throw new IllegalStateException("saslScram() needs TLS material: call tls(TlsMaterial) too");
        }
        if (oauth != null && !version.atLeast(3, 9)) {
            throw new IllegalStateException("oauth(OAuthServer) needs Kafka 3.9 or later (OAuthBearerValidatorCallbackHandler"
                    + " and allowed URLs) but the cluster runs " + version);
        }
        return new KafkaCluster(this);
    }
}
