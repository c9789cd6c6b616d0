package dev.kafkadirect.testkit;

import dev.kafkadirect.testkit.internal.GssapiBrokerSettings;
import dev.kafkadirect.testkit.internal.OAuthBrokerSettings;
import dev.kafkadirect.testkit.internal.SaslListenerSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * Real Kafka brokers for tests: 1..N KRaft nodes, each a child JVM on its own loopback ports, with
 * helpers to create topics, produce records and read what consumer groups committed.
 *
 * <pre>{@code
 * try (KafkaCluster kafka = KafkaCluster.builder().brokers(3).build().start()) {
 *     kafka.createTopic("orders", 4, 3, Map.of("min.insync.replicas", "2"));
 *     kafka.produce(100, i -> new ProducerRecord<>("orders", "key-" + i, "value-" + i));
 *     kafka.killBroker(kafka.leaderOf("orders", 0));
 * }
 * }</pre>
 *
 * <p>Broker logs are kept under {@code kafkadirect.testkit.dir} (default {@code target/kafka-brokers})
 * for post-mortems; data directories are temporary and deleted by {@link #close()}. A broker that fails
 * to start raises an exception quoting the tail of its log within the start timeout (60 s by default).
 * Children die with this JVM: a shutdown hook kills them, and each broker halts by itself when its
 * parent's pipe closes. Thread-safe; {@link #start()} and {@link #close()} may be called twice.
 */
public final class KafkaCluster implements AutoCloseable {
    /** System property naming the folder where broker logs are kept. */
    public static final String LOG_ROOT_PROPERTY = "kafkadirect.testkit.dir";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final int brokerCount;
    private final Path logRoot;
    /** Null without TLS. */
    private final TlsMaterial tls;
    /** Whether brokers have a SASL_SSL (SCRAM-SHA-512) listener and authorize requests with ACLs. */
    private final boolean secured;
    private final BrokerVersion version;
    /** Whether brokers have a SASL_PLAINTEXT (GSSAPI and/or OAUTHBEARER) listener. */
    private final boolean saslPlaintext;
    /** Null without OAuth. */
    private final OAuthServer oauth;
    private final BrokerNodes nodes;
    private Admin admin;
    private final ClusterTopics topics = new ClusterTopics(this::admin, this::clientConfig);

    KafkaCluster(KafkaClusterBuilder builder) {
        this.brokerCount = builder.brokerCount;
        this.tls = builder.tls;
        this.secured = builder.secured;
        this.version = builder.version;
        String name = builder.name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + SEQUENCE.incrementAndGet();
        this.logRoot = defaultLogRoot().resolve(name);
        GssapiBrokerSettings gssapi = builder.kerberos == null ? null : new GssapiBrokerSettings(
                builder.kerberos.brokerIdentity().jaasConfig(), builder.kerberos.krb5Conf());
        OAuthBrokerSettings oauth = builder.oauth == null ? null : new OAuthBrokerSettings(builder.oauth.jwksUrl(),
                builder.oauth.issuer(), OAuthServer.AUDIENCE, builder.oauth.allowedUrls(), version.atLeast(4, 1));
        SaslListenerSettings sasl = new SaslListenerSettings(secured, gssapi, oauth);
        this.saslPlaintext = sasl.saslPlaintextListener();
        this.oauth = builder.oauth;
        if (builder.nodeProperties.keySet().stream().anyMatch(nodeId -> nodeId > brokerCount)) {
            throw new IllegalArgumentException("Properties were set for brokers " + builder.nodeProperties.keySet()
                    + " but the cluster has " + brokerCount + " brokers");
        }
        this.nodes = new BrokerNodes(brokerCount, builder.brokerProperties, builder.nodeProperties, builder.jvmOptions,
                builder.startTimeout,
                builder.firstBrokerPort, logRoot, tls, secured, version, sasl);
    }

    /** @return the broker version this cluster runs */
    public BrokerVersion version() {
        return version;
    }

    /** @return a builder for a cluster of one broker with default settings */
    public static KafkaClusterBuilder builder() {
        return new KafkaClusterBuilder();
    }

    /**
     * Starts every broker and waits until all of them are registered in the cluster.
     *
     * @return this cluster
     * @throws IllegalStateException when a broker fails to start, quoting its log
     */
    public synchronized KafkaCluster start() {
        if (nodes.launched()) {
            return this;
        }
        long started = System.nanoTime();
        try {
            nodes.launch(started);
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) AdminCalls.CLIENT_TIMEOUT.toMillis()));
            nodes.awaitAllRegistered(admin, started);
            LOG.info("Kafka cluster of {} broker(s) at {} started in {} ms; logs in {}", brokerCount,
                    bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logRoot);
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot create the data directory of a Kafka cluster", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Kills every broker and deletes their data; logs stay. Safe to call twice. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        if (admin != null) {
            try {
                admin.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        admin = null;
        RuntimeException brokerFailure = nodes.killAndDelete();
        if (brokerFailure != null) {
            failure = BrokerNodes.addSuppressed(failure, brokerFailure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** @return the {@code bootstrap.servers} value for clients: every broker's address */
    public String bootstrapServers() {
        synchronized (this) {
            return nodes.bootstrapServers();
        }
    }

    /**
     * @return the {@code bootstrap.servers} value of the brokers' SSL listeners (they require a client
     *         certificate); use with {@link TlsMaterial#clientSslConfig()}
     * @throws IllegalStateException when the cluster was built without {@link KafkaClusterBuilder#tls(TlsMaterial)}
     */
    public synchronized String sslBootstrapServers() {
        nodes.all();
        if (tls == null) {
            throw new IllegalStateException("This cluster has no SSL listener: build it with tls(TlsMaterial)");
        }
        return nodes.sslBootstrapServers();
    }

    /**
     * @return the users, ACLs and client settings of the brokers' SASL_SSL and SASL_PLAINTEXT listeners
     * @throws IllegalStateException when the cluster was built with neither {@link KafkaClusterBuilder#saslScram()}
     *     nor {@link KafkaClusterBuilder#kerberos(KerberosKdc)} nor {@link KafkaClusterBuilder#oauth(OAuthServer)}
     */
    public synchronized KafkaSecurity security() {
        nodes.all();
        if (!secured && !saslPlaintext) {
            throw new IllegalStateException("This cluster has no SASL listener: build it with tls(TlsMaterial) and"
                    + " saslScram(), with kerberos(KerberosKdc) or with oauth(OAuthServer)");
        }
        return new KafkaSecurity(admin(), secured ? nodes.saslSslBootstrapServers() : null,
                saslPlaintext ? nodes.saslPlaintextBootstrapServers() : null, tls, oauth);
    }

    /** @return the brokers, in node id order */
    public synchronized List<KafkaBroker> brokers() {
        return List.copyOf(nodes.all());
    }

    /**
     * @param nodeId a node id, from 1
     * @return that broker
     */
    public synchronized KafkaBroker broker(int nodeId) {
        return nodes.process(nodeId);
    }

    /** @return the folder where this cluster's broker logs are kept */
    public Path logDirectory() {
        return logRoot;
    }

    /**
     * @return an admin client for this cluster, owned by the cluster (do not close it)
     */
    public synchronized Admin admin() {
        if (admin == null) {
            throw new IllegalStateException("The Kafka cluster is not started: call start() first");
        }
        return admin;
    }

    /** Stops one broker gracefully and waits for it to exit. */
    public void stopBroker(int nodeId) {
        broker(nodeId).stop();
    }

    /** Kills one broker ({@code kill -9}) and waits for it to exit. */
    public void killBroker(int nodeId) {
        broker(nodeId).kill();
    }

    /**
     * Starts a stopped or killed broker again on the same ports and data, and waits until the cluster
     * sees it; a running broker is stopped first.
     */
    public void restartBroker(int nodeId) {
        nodes.restart(nodeId, admin());
    }

    /**
     * Starts every stopped or killed broker again, all at once (a KRaft quorum whose controllers are all down
     * needs a majority back before any broker registers), and waits until the cluster sees them.
     */
    public void restartStoppedBrokers() {
        nodes.restartStopped(admin());
    }

    /** Creates a topic with replication factor 1. */
    public void createTopic(String topic, int partitions) {
        createTopic(topic, partitions, 1, Map.of());
    }

    /**
     * Creates a topic and waits until every partition has a leader.
     *
     * @param topic the name
     * @param partitions how many partitions
     * @param replicationFactor replicas per partition, at most the number of brokers
     * @param configs topic configs, e.g. {@code cleanup.policy=compact}
     */
    public void createTopic(String topic, int partitions, int replicationFactor, Map<String, String> configs) {
        topics.create(topic, partitions, replicationFactor, configs);
    }

    /** Deletes a topic and waits until the cluster no longer lists it. */
    public void deleteTopic(String topic) {
        topics.delete(topic);
    }

    /** Grows a topic to {@code totalPartitions} partitions and waits until they all have a leader. */
    public void addPartitions(String topic, int totalPartitions) {
        topics.addPartitions(topic, totalPartitions);
    }

    /** @return the node id of the current leader of a partition */
    public int leaderOf(String topic, int partition) {
        return topics.leaderOf(topic, partition);
    }

    /**
     * Produces records with {@code acks=all} and an idempotent producer, and waits for every ack.
     *
     * @return each record's metadata (partition, offset, timestamp), in the order given
     */
    public List<RecordMetadata> produce(List<ProducerRecord<String, String>> records) {
        return records().produce(records);
    }

    /** Produces {@code count} records made by {@code recordForIndex(0..count-1)}; see {@link #produce(List)}. */
    public List<RecordMetadata> produce(int count, IntFunction<ProducerRecord<String, String>> recordForIndex) {
        List<ProducerRecord<String, String>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(recordForIndex.apply(i));
        }
        return produce(records);
    }

    /**
     * Produces many records without keeping their metadata, for data sets too large for
     * {@link #produce(List)}; waits for every ack.
     *
     * @param count how many records
     * @param recordForIndex makes record {@code i}, for {@code i} in {@code [0, count)}
     * @param acknowledged told the number of records acknowledged so far, about every 1 % and at the end
     * @throws IllegalStateException with the first send failure
     */
    public void produceBulk(long count, LongFunction<ProducerRecord<String, String>> recordForIndex,
                            LongConsumer acknowledged) {
        records().produceBulk(count, recordForIndex, acknowledged);
    }

    /**
     * Produces records in one Kafka transaction that is then committed or aborted. The transaction's
     * markers take an offset after the records, so a partition's offsets have a gap there.
     *
     * @return each record's metadata, in the order given
     */
    public List<RecordMetadata> produceInTransaction(List<ProducerRecord<String, String>> records,
                                                     TransactionOutcome outcome) {
        return records().produceInTransaction(records, outcome);
    }

    /**
     * Reads a topic from its beginning up to its current end offsets, with the given isolation level.
     *
     * @param topic the topic
     * @param isolationLevel {@code read_uncommitted} or {@code read_committed}
     * @return the records, partition by partition, in offset order
     */
    public List<ConsumerRecord<String, String>> readAll(String topic, String isolationLevel) {
        return records().readAll(topic, isolationLevel);
    }

    /** @return the offsets a consumer group has committed, in partition order (empty when none) */
    public Map<TopicPartition, Long> committedOffsets(String groupId) {
        return topics.committedOffsets(groupId);
    }

    /** @return the current end (log-end) offset of every partition of a topic, in partition order */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        return topics.endOffsets(topic);
    }

    /** @return a new map with {@code bootstrap.servers} set, to start any client's configuration from */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /**
     * @param groupId the consumer group
     * @return a new mutable consumer configuration as the Spark guide writes it: String deserializers,
     *         the group, {@code auto.offset.reset=earliest}, no auto-commit
     */
    public Map<String, Object> stringConsumerConfig(String groupId) {
        Map<String, Object> config = clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    private ClusterRecords records() {
        return new ClusterRecords(this::clientConfig, topics);
    }

    @Override
    public String toString() {
        return "KafkaCluster{brokers=" + brokerCount + ", logs=" + logRoot + "}";
    }

    private static Path defaultLogRoot() {
        String configured = System.getProperty(LOG_ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        Path target = Paths.get("target");
        return Files.isDirectory(target) ? target.resolve("kafka-brokers")
                : Paths.get(System.getProperty("java.io.tmpdir"), "kafka-direct-brokers");
    }
}
