package dev.kafkadirect.testkit.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The {@code server.properties} of one node of a test cluster: broker and controller in one JVM
 * (KRaft combined mode), or a broker whose metadata lives in ZooKeeper (before Kafka 3.x), every listener on
 * loopback, replication settings sized to the cluster.
 */
public final class BrokerNodeConfig {
    private final int nodeId;
    private final int brokerPort;
    private final int controllerPort;
    private final Path dataDir;
    /** 0 when the node has no SSL listener. */
    private final int sslPort;
    /** 0 when the node has no SASL_SSL listener. */
    private final int saslSslPort;

    /** 0 when the node has no SASL_PLAINTEXT listener. */
    private final int saslPlaintextPort;

    /**
     * @param nodeId the node id, 1-based
     * @param brokerPort the PLAINTEXT listener port
     * @param controllerPort the CONTROLLER listener port
     * @param sslPort the SSL listener port, or 0 for none
     * @param saslSslPort the SASL_SSL listener port (SCRAM-SHA-512, and GSSAPI with Kerberos, over TLS), or 0
     * @param saslPlaintextPort the SASL_PLAINTEXT listener port (GSSAPI), or 0 for none
     * @param dataDir where the node keeps its log segments and metadata
     */
    public BrokerNodeConfig(int nodeId, int brokerPort, int controllerPort, int sslPort, int saslSslPort,
                            int saslPlaintextPort, Path dataDir) {
        this.nodeId = nodeId;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.sslPort = sslPort;
        this.saslSslPort = saslSslPort;
        this.saslPlaintextPort = saslPlaintextPort;
        this.dataDir = dataDir;
    }

    /** @return {@code 127.0.0.1:port} of the SASL_PLAINTEXT listener, or empty when there is none */
    public java.util.Optional<String> saslPlaintextAddress() {
        return saslPlaintextPort == 0 ? java.util.Optional.empty()
                : java.util.Optional.of("127.0.0.1:" + saslPlaintextPort);
    }

    /** @return {@code 127.0.0.1:port} of the SASL_SSL listener, or empty when there is none */
    public java.util.Optional<String> saslSslAddress() {
        return saslSslPort == 0 ? java.util.Optional.empty() : java.util.Optional.of("127.0.0.1:" + saslSslPort);
    }

    /** @return {@code 127.0.0.1:port} of the SSL listener, or empty when there is none */
    public java.util.Optional<String> sslAddress() {
        return sslPort == 0 ? java.util.Optional.empty() : java.util.Optional.of("127.0.0.1:" + sslPort);
    }

    public int nodeId() {
        return nodeId;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** @return {@code 127.0.0.1:port} of the client listener */
    public String bootstrapAddress() {
        return "127.0.0.1:" + brokerPort;
    }

    /**
     * Builds the properties of this node.
     *
     * @param allNodes every node of the cluster, this one included (the controller quorum in KRaft mode)
     * @param zooKeeperConnect the ZooKeeper server's {@code host:port} for a broker in ZooKeeper mode, or empty
     *                         for KRaft combined mode
     * @param tlsProperties the SSL listener's keystore settings and the security settings (authorizer, GSSAPI),
     *                      over the kit's SASL defaults; empty without TLS or SASL
     * @param overrides the user's broker properties, applied last
     * @return the server properties
     */
    public Properties serverProperties(List<BrokerNodeConfig> allNodes, java.util.Optional<String> zooKeeperConnect,
                                       Map<String, String> tlsProperties, Map<String, String> overrides) {
        int clusterSize = allNodes.size();
        String replication = String.valueOf(Math.min(3, clusterSize));
        String minInSync = String.valueOf(Math.min(2, clusterSize));
        Properties properties = new Properties();
        String controller;
        if (zooKeeperConnect.isPresent()) {
            properties.setProperty("broker.id", String.valueOf(nodeId));
            properties.setProperty("zookeeper.connect", zooKeeperConnect.get());
            properties.setProperty("zookeeper.connection.timeout.ms", "30000");
            controller = "";
        } else {
            properties.setProperty("process.roles", "broker,controller");
            properties.setProperty("node.id", String.valueOf(nodeId));
            properties.setProperty("controller.quorum.voters", allNodes.stream()
                    .map(node -> node.nodeId + "@127.0.0.1:" + node.controllerPort)
                    .collect(Collectors.joining(",")));
            properties.setProperty("controller.listener.names", "CONTROLLER");
            controller = "CONTROLLER://127.0.0.1:" + controllerPort + ",";
        }
        String ssl = (sslPort == 0 ? "" : ",SSL://127.0.0.1:" + sslPort)
                + (saslSslPort == 0 ? "" : ",SASL_SSL://127.0.0.1:" + saslSslPort)
                + (saslPlaintextPort == 0 ? "" : ",SASL_PLAINTEXT://127.0.0.1:" + saslPlaintextPort);
        properties.setProperty("listeners", controller + "PLAINTEXT://127.0.0.1:" + brokerPort + ssl);
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ssl);
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + (sslPort == 0 ? "" : ",SSL:SSL") + (saslSslPort == 0 ? "" : ",SASL_SSL:SASL_SSL")
                + (saslPlaintextPort == 0 ? "" : ",SASL_PLAINTEXT:SASL_PLAINTEXT"));
        if (saslSslPort != 0) {
            // Clients authenticate with SCRAM-SHA-512 over TLS (no client certificate on this listener).
            properties.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512");
            properties.setProperty("listener.name.sasl_ssl.sasl.enabled.mechanisms", "SCRAM-SHA-512");
            properties.setProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            properties.setProperty("listener.name.sasl_ssl.ssl.client.auth", "none");
        }
        tlsProperties.forEach(properties::setProperty);
        properties.setProperty("log.dirs", dataDir.toString());
        properties.setProperty("offsets.topic.replication.factor", replication);
        properties.setProperty("offsets.topic.num.partitions", "5");
        properties.setProperty("transaction.state.log.replication.factor", replication);
        properties.setProperty("transaction.state.log.min.isr", minInSync);
        properties.setProperty("transaction.state.log.num.partitions", "5");
        properties.setProperty("share.coordinator.state.topic.replication.factor", replication);
        properties.setProperty("share.coordinator.state.topic.min.isr", minInSync);
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        properties.setProperty("num.network.threads", "2");
        properties.setProperty("num.io.threads", "4");
        properties.setProperty("log.retention.check.interval.ms", "5000");
        // Compaction within a second or two, so tests of compacted topics do not wait 15 s.
        properties.setProperty("log.cleaner.backoff.ms", "500");
        overrides.forEach(properties::setProperty);
        return properties;
    }
}
