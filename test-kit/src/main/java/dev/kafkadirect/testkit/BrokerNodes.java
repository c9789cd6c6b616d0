package dev.kafkadirect.testkit;

import dev.kafkadirect.testkit.internal.BrokerClasspath;
import dev.kafkadirect.testkit.internal.BrokerNodeConfig;
import dev.kafkadirect.testkit.internal.BrokerProcess;
import dev.kafkadirect.testkit.internal.FreePorts;
import dev.kafkadirect.testkit.internal.SaslListenerSettings;
import dev.kafkadirect.testkit.internal.RecursiveDelete;
import dev.kafkadirect.testkit.internal.ZooKeeperProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The broker processes of a {@link KafkaCluster} (and the ZooKeeper server of brokers in ZooKeeper mode): their
 * ports and listeners, launching, stopping and restarting them, and waiting until the cluster sees them. The broker list changes only in {@link #launch} and
 * {@link #killAndDelete}, which the cluster calls under its own lock.
 */
final class BrokerNodes {
    private final int brokerCount;
    private final Map<String, String> brokerProperties;
    private final Map<Integer, Map<String, String>> nodeProperties;
    private final List<String> jvmOptions;
    private final Duration startTimeout;
    private final int firstBrokerPort;
    private final Path logRoot;
    /** Null without TLS. */
    private final TlsMaterial tls;
    private final boolean secured;
    private final BrokerVersion version;
    private final SaslListenerSettings sasl;
    private final List<BrokerProcess> brokers = new ArrayList<>();
    private final List<String> sslAddresses = new ArrayList<>();
    private final List<String> saslSslAddresses = new ArrayList<>();
    private final List<String> saslPlaintextAddresses = new ArrayList<>();
    private Path dataRoot;
    /** Null when the brokers run in KRaft mode or are not launched. */
    private ZooKeeperProcess zooKeeper;

    BrokerNodes(int brokerCount, Map<String, String> brokerProperties, Map<Integer, Map<String, String>> nodeProperties,
                List<String> jvmOptions, Duration startTimeout,
                int firstBrokerPort, Path logRoot, TlsMaterial tls, boolean secured, BrokerVersion version,
                SaslListenerSettings sasl) {
        this.brokerCount = brokerCount;
        this.brokerProperties = Map.copyOf(brokerProperties);
        this.nodeProperties = new HashMap<>(nodeProperties);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.startTimeout = startTimeout;
        this.firstBrokerPort = firstBrokerPort;
        this.logRoot = logRoot;
        this.tls = tls;
        this.secured = secured;
        this.version = version;
        this.sasl = sasl;
    }

    /** Lays out and launches every broker, and waits until each listens; {@code started} is when the start began. */
    void launch(long started) throws IOException {
        dataRoot = Files.createTempDirectory("kafka-direct-cluster-");
        int portsPerNode = 2 + (tls == null ? 0 : 1) + (secured ? 1 : 0) + (sasl.saslPlaintextListener() ? 1 : 0);
        List<Integer> ports = new ArrayList<>(FreePorts.allocate(portsPerNode * brokerCount));
        if (firstBrokerPort > 0) {
            ports.set(0, firstBrokerPort);
        }
        List<BrokerNodeConfig> nodes = new ArrayList<>();
        for (int i = 0; i < brokerCount; i++) {
            int base = portsPerNode * i;
            int next = base + 2;
            int sslPort = tls == null ? 0 : ports.get(next++);
            int saslSslPort = secured ? ports.get(next++) : 0;
            int saslPlaintextPort = sasl.saslPlaintextListener() ? ports.get(next) : 0;
            nodes.add(new BrokerNodeConfig(i + 1, ports.get(base), ports.get(base + 1), sslPort, saslSslPort,
                    saslPlaintextPort, dataRoot.resolve("broker-" + (i + 1))));
        }
        Map<String, String> tlsProperties = new HashMap<>(tls == null ? Map.of() : tls.brokerSslProperties());
        tlsProperties.putAll(sasl.brokerProperties());
        if (sasl.authenticates()) {
            tlsProperties.put("authorizer.class.name", version.zooKeeperMode()
                    ? "kafka.security.authorizer.AclAuthorizer" : "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // The kit's own clients, brokers and controllers (PLAINTEXT) and the SSL client certificate.
            tlsProperties.put("super.users", "User:ANONYMOUS;User:" + TlsMaterial.CLIENT_DISTINGUISHED_NAME);
        }
        String classpath = BrokerClasspath.resolve(version);
        String clusterId = Uuid.randomUuid().toString();
        java.util.Optional<String> zooKeeperConnect = java.util.Optional.empty();
        if (version.zooKeeperMode()) {
            zooKeeper = new ZooKeeperProcess(FreePorts.allocate(1).get(0), dataRoot.resolve("zookeeper"),
                    logRoot.resolve("zookeeper"), classpath);
            zooKeeper.start(remaining(started));
            zooKeeperConnect = java.util.Optional.of(zooKeeper.connectString());
        }
        for (BrokerNodeConfig node : nodes) {
            sslAddresses.add(node.sslAddress().orElse(""));
            saslSslAddresses.add(node.saslSslAddress().orElse(""));
            saslPlaintextAddresses.add(node.saslPlaintextAddress().orElse(""));
            Map<String, String> properties = new LinkedHashMap<>(brokerProperties);
            properties.putAll(nodeProperties.getOrDefault(node.nodeId(), Map.of()));
            brokers.add(new BrokerProcess(node, node.serverProperties(nodes, zooKeeperConnect, tlsProperties,
                    properties),
                    logRoot.resolve("broker-" + node.nodeId()), clusterId, classpath, brokerJvmOptions()));
        }
        brokers.forEach(BrokerProcess::launch);
        for (BrokerProcess broker : brokers) {
            broker.awaitListening(remaining(started));
        }
    }

    private List<String> brokerJvmOptions() {
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(sasl.jvmOptions());
        return options;
    }

    boolean launched() {
        return !brokers.isEmpty();
    }

    /** @return every broker's client address, as {@code bootstrap.servers} */
    String bootstrapServers() {
        return all().stream().map(BrokerProcess::bootstrapAddress).collect(Collectors.joining(","));
    }

    String sslBootstrapServers() {
        all();
        return String.join(",", sslAddresses);
    }

    String saslSslBootstrapServers() {
        all();
        return String.join(",", saslSslAddresses);
    }

    String saslPlaintextBootstrapServers() {
        all();
        return String.join(",", saslPlaintextAddresses);
    }

    List<BrokerProcess> all() {
        if (brokers.isEmpty()) {
            throw new IllegalStateException("The Kafka cluster is not started: call start() first");
        }
        return brokers;
    }

    BrokerProcess process(int nodeId) {
        return all().stream().filter(broker -> broker.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No broker with node id " + nodeId
                        + "; this cluster has nodes 1.." + brokerCount));
    }

    /** Starts one broker again (stopping it first when it runs) and waits until the cluster sees it. */
    void restart(int nodeId, Admin admin) {
        BrokerProcess broker = process(nodeId);
        broker.stop();
        broker.launch();
        broker.awaitListening(startTimeout);
        awaitRegistered(admin, List.of(broker), startTimeout);
    }

    /** Starts every stopped or killed broker again, all at once, and waits until the cluster sees them. */
    void restartStopped(Admin admin) {
        List<BrokerProcess> stopped = new ArrayList<>();
        for (BrokerProcess broker : all()) {
            if (!broker.isRunning()) {
                stopped.add(broker);
            }
        }
        long started = System.nanoTime();
        stopped.forEach(BrokerProcess::launch);
        for (BrokerProcess broker : stopped) {
            broker.awaitListening(remaining(started));
        }
        awaitRegistered(admin, stopped, remaining(started));
    }

    /** Waits until the cluster lists every broker of this start; {@code started} is when the start began. */
    void awaitAllRegistered(Admin admin, long started) {
        awaitRegistered(admin, brokers, remaining(started));
    }

    /**
     * Kills every broker (then their ZooKeeper server, if any) and deletes their data; logs stay.
     *
     * @return the first failure, others suppressed in it
     */
    RuntimeException killAndDelete() {
        RuntimeException failure = null;
        for (BrokerProcess broker : brokers) {
            try {
                broker.kill();
            } catch (RuntimeException e) {
                failure = addSuppressed(failure, e);
            }
        }
        try {
            if (zooKeeper != null) {
                zooKeeper.kill();
            }
        } catch (RuntimeException e) {
            failure = addSuppressed(failure, e);
        }
        try {
            if (dataRoot != null) {
                RecursiveDelete.delete(dataRoot);
            }
        } catch (RuntimeException e) {
            failure = addSuppressed(failure, e);
        } finally {
            brokers.clear();
            sslAddresses.clear();
            saslSslAddresses.clear();
            saslPlaintextAddresses.clear();
            dataRoot = null;
            zooKeeper = null;
        }
        return failure;
    }

    static RuntimeException addSuppressed(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private void awaitRegistered(Admin admin, List<BrokerProcess> expected, Duration timeout) {
        Set<Integer> ids = expected.stream().map(BrokerProcess::nodeId).collect(Collectors.toSet());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (BrokerProcess broker : expected) {
                if (!broker.isRunning()) {
                    broker.awaitListening(Duration.ZERO);
                }
            }
            try {
                Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                if (nodes.stream().map(Node::id).collect(Collectors.toSet()).containsAll(ids)) {
                    return;
                }
            } catch (ExecutionException | TimeoutException notYet) {
                // The brokers are still electing a controller; try again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka brokers " + ids, e);
            }
            if (System.nanoTime() > deadline) {
                String tails = expected.stream().map(BrokerProcess::logTail).collect(Collectors.joining("\n"));
                throw new IllegalStateException("Kafka brokers " + ids + " did not register within "
                        + timeout.toSeconds() + " s. Logs in " + logRoot + "\n" + tails);
            }
        }
    }

    private Duration remaining(long startedNanos) {
        long left = startTimeout.toNanos() - (System.nanoTime() - startedNanos);
        return Duration.ofNanos(Math.max(0, left));
    }
}
