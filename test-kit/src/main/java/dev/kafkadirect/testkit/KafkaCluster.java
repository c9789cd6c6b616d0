package dev.kafkadirect.testkit;

import dev.kafkadirect.testkit.internal.BrokerClasspath;
import dev.kafkadirect.testkit.internal.BrokerNodeConfig;
import dev.kafkadirect.testkit.internal.BrokerProcess;
import dev.kafkadirect.testkit.internal.FreePorts;
import dev.kafkadirect.testkit.internal.RecursiveDelete;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
    private static final Comparator<TopicPartition> PARTITION_ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final int brokerCount;
    private final Map<String, String> brokerProperties;
    private final List<String> jvmOptions;
    private final Duration startTimeout;
    private final int firstBrokerPort;
    private final Path logRoot;
    private final List<BrokerProcess> brokers = new ArrayList<>();
    private final List<String> sslAddresses = new ArrayList<>();
    private final List<String> saslSslAddresses = new ArrayList<>();
    /** Null without TLS. */
    private final TlsMaterial tls;
    /** Whether brokers have a SASL_SSL (SCRAM-SHA-512) listener and authorize requests with ACLs. */
    private final boolean secured;
    private Path dataRoot;
    private Admin admin;

    private KafkaCluster(Builder builder) {
        this.brokerCount = builder.brokerCount;
        this.brokerProperties = Map.copyOf(builder.brokerProperties);
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.startTimeout = builder.startTimeout;
        this.firstBrokerPort = builder.firstBrokerPort;
        this.tls = builder.tls;
        this.secured = builder.secured;
        String name = builder.name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + SEQUENCE.incrementAndGet();
        this.logRoot = defaultLogRoot().resolve(name);
    }

    /** @return a builder for a cluster of one broker with default settings */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts every broker and waits until all of them are registered in the cluster.
     *
     * @return this cluster
     * @throws IllegalStateException when a broker fails to start, quoting its log
     */
    public synchronized KafkaCluster start() {
        if (!brokers.isEmpty()) {
            return this;
        }
        long started = System.nanoTime();
        try {
            dataRoot = Files.createTempDirectory("kafka-direct-cluster-");
            int portsPerNode = 2 + (tls == null ? 0 : 1) + (secured ? 1 : 0);
            List<Integer> ports = new ArrayList<>(FreePorts.allocate(portsPerNode * brokerCount));
            if (firstBrokerPort > 0) {
                ports.set(0, firstBrokerPort);
            }
            List<BrokerNodeConfig> nodes = new ArrayList<>();
            for (int i = 0; i < brokerCount; i++) {
                int base = portsPerNode * i;
                nodes.add(new BrokerNodeConfig(i + 1, ports.get(base), ports.get(base + 1),
                        tls == null ? 0 : ports.get(base + 2), secured ? ports.get(base + 3) : 0,
                        dataRoot.resolve("broker-" + (i + 1))));
            }
            Map<String, String> tlsProperties = new HashMap<>(tls == null ? Map.of() : tls.brokerSslProperties());
            if (secured) {
                tlsProperties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
                // The kit's own clients, brokers and controllers (PLAINTEXT) and the SSL client certificate.
                tlsProperties.put("super.users", "User:ANONYMOUS;User:" + TlsMaterial.CLIENT_DISTINGUISHED_NAME);
            }
            String classpath = BrokerClasspath.resolve();
            String clusterId = Uuid.randomUuid().toString();
            for (BrokerNodeConfig node : nodes) {
                sslAddresses.add(node.sslAddress().orElse(""));
                saslSslAddresses.add(node.saslSslAddress().orElse(""));
                brokers.add(new BrokerProcess(node, node.serverProperties(nodes, tlsProperties, brokerProperties),
                        logRoot.resolve("broker-" + node.nodeId()), clusterId, classpath, jvmOptions));
            }
            brokers.forEach(BrokerProcess::launch);
            for (BrokerProcess broker : brokers) {
                broker.awaitListening(remaining(started));
            }
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CLIENT_TIMEOUT.toMillis()));
            awaitRegistered(brokers, remaining(started));
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
        for (BrokerProcess broker : brokers) {
            try {
                broker.kill();
            } catch (RuntimeException e) {
                failure = addSuppressed(failure, e);
            }
        }
        try {
            if (dataRoot != null) {
                RecursiveDelete.delete(dataRoot);
            }
        } catch (RuntimeException e) {
            failure = addSuppressed(failure, e);
        } finally {
            admin = null;
            brokers.clear();
            sslAddresses.clear();
            saslSslAddresses.clear();
            dataRoot = null;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** @return the {@code bootstrap.servers} value for clients: every broker's address */
    public String bootstrapServers() {
        return brokersOrFail().stream().map(BrokerProcess::bootstrapAddress).collect(Collectors.joining(","));
    }

    /**
     * @return the {@code bootstrap.servers} value of the brokers' SSL listeners (they require a client
     *         certificate); use with {@link TlsMaterial#clientSslConfig()}
     * @throws IllegalStateException when the cluster was built without {@link Builder#tls(TlsMaterial)}
     */
    public synchronized String sslBootstrapServers() {
        brokersOrFail();
        if (tls == null) {
            throw new IllegalStateException("This cluster has no SSL listener: build it with tls(TlsMaterial)");
        }
        return String.join(",", sslAddresses);
    }

    /**
     * @return the users, ACLs and client settings of the brokers' SASL_SSL listener
     * @throws IllegalStateException when the cluster was built without {@link Builder#saslScram()}
     */
    public synchronized KafkaSecurity security() {
        brokersOrFail();
        if (!secured) {
            throw new IllegalStateException("This cluster has no SASL_SSL listener: build it with tls(TlsMaterial) and saslScram()");
        }
        return new KafkaSecurity(admin(), String.join(",", saslSslAddresses), tls);
    }

    /** @return the brokers, in node id order */
    public synchronized List<KafkaBroker> brokers() {
        return List.copyOf(brokersOrFail());
    }

    /**
     * @param nodeId a node id, from 1
     * @return that broker
     */
    public synchronized KafkaBroker broker(int nodeId) {
        return process(nodeId);
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
        process(nodeId).stop();
    }

    /** Kills one broker ({@code kill -9}) and waits for it to exit. */
    public void killBroker(int nodeId) {
        process(nodeId).kill();
    }

    /**
     * Starts a stopped or killed broker again on the same ports and data, and waits until the cluster
     * sees it; a running broker is stopped first.
     */
    public void restartBroker(int nodeId) {
        BrokerProcess broker = process(nodeId);
        broker.stop();
        broker.launch();
        broker.awaitListening(startTimeout);
        awaitRegistered(List.of(broker), startTimeout);
    }

    /**
     * Starts every stopped or killed broker again, all at once (a KRaft quorum whose controllers are all down
     * needs a majority back before any broker registers), and waits until the cluster sees them.
     */
    public void restartStoppedBrokers() {
        List<BrokerProcess> stopped = new ArrayList<>();
        for (BrokerProcess broker : brokersOrFail()) {
            if (!broker.isRunning()) {
                stopped.add(broker);
            }
        }
        long started = System.nanoTime();
        stopped.forEach(BrokerProcess::launch);
        for (BrokerProcess broker : stopped) {
            broker.awaitListening(remaining(started));
        }
        awaitRegistered(stopped, remaining(started));
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
        NewTopic newTopic = new NewTopic(topic, partitions, (short) replicationFactor).configs(configs);
        await("create topic " + topic, () -> admin().createTopics(List.of(newTopic)).all());
        awaitCondition("leaders for every partition of " + topic, () -> hasLeaders(topic, partitions));
        awaitServed(topic);
    }

    /** Deletes a topic and waits until the cluster no longer lists it. */
    public void deleteTopic(String topic) {
        await("delete topic " + topic, () -> admin().deleteTopics(List.of(topic)).all());
        awaitCondition("topic " + topic + " to disappear",
                () -> !await("list topics", () -> admin().listTopics().names()).contains(topic));
    }

    /** Grows a topic to {@code totalPartitions} partitions and waits until they all have a leader. */
    public void addPartitions(String topic, int totalPartitions) {
        await("add partitions to " + topic,
                () -> admin().createPartitions(Map.of(topic, NewPartitions.increaseTo(totalPartitions))).all());
        awaitCondition("leaders for " + totalPartitions + " partitions of " + topic,
                () -> hasLeaders(topic, totalPartitions));
        awaitServed(topic);
    }

    /**
     * Waits until every partition's leader serves it (answers for its end offset). A leader named in the
     * metadata may not have opened the partition's log yet, and an idempotent producer writing then can get
     * stuck retrying out-of-order sequence numbers until its delivery timeout.
     */
    private void awaitServed(String topic) {
        endOffsets(topic);
    }

    /** @return the node id of the current leader of a partition */
    public int leaderOf(String topic, int partition) {
        TopicPartitionInfo info = describe(topic).partitions().stream()
                .filter(candidate -> candidate.partition() == partition).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Topic " + topic + " has no partition " + partition));
        return Optional.ofNullable(info.leader()).map(Node::id)
                .orElseThrow(() -> new IllegalStateException(topic + "-" + partition + " has no leader now"));
    }

    /**
     * Produces records with {@code acks=all} and an idempotent producer, and waits for every ack.
     *
     * @return each record's metadata (partition, offset, timestamp), in the order given
     */
    public List<RecordMetadata> produce(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(Map.of()))) {
            return sendAll(producer, records);
        }
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
        AtomicLong acks = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long step = Math.max(1, count / 100);
        // No compression: loopback does not need it, and codec jars (lz4, snappy) clash with Spark's own.
        Map<String, Object> bulk = Map.of(ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bulk))) {
            for (long i = 0; i < count && firstFailure.get() == null; i++) {
                producer.send(recordForIndex.apply(i), (metadata, exception) -> {
                    if (exception != null) {
                        firstFailure.compareAndSet(null, exception);
                    } else {
                        acks.incrementAndGet();
                    }
                });
                if (i % step == 0) {
                    acknowledged.accept(acks.get());
                }
            }
            producer.flush();
        }
        if (firstFailure.get() != null) {
            throw new IllegalStateException("Producing failed after " + acks.get() + " of " + count + " records: "
                    + firstFailure.get(), firstFailure.get());
        }
        acknowledged.accept(acks.get());
    }

    /**
     * Produces records in one Kafka transaction that is then committed or aborted. The transaction's
     * markers take an offset after the records, so a partition's offsets have a gap there.
     *
     * @return each record's metadata, in the order given
     */
    public List<RecordMetadata> produceInTransaction(List<ProducerRecord<String, String>> records,
                                                     TransactionOutcome outcome) {
        Map<String, Object> transactional = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "kafka-direct-test-kit-" + Uuid.randomUuid());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(transactional))) {
            producer.initTransactions();
            producer.beginTransaction();
            List<RecordMetadata> metadata = sendAll(producer, records);
            if (outcome == TransactionOutcome.COMMIT) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
            return metadata;
        }
    }

    /**
     * Reads a topic from its beginning up to its current end offsets, with the given isolation level.
     *
     * @param topic the topic
     * @param isolationLevel {@code read_uncommitted} or {@code read_committed}
     * @return the records, partition by partition, in offset order
     */
    public List<ConsumerRecord<String, String>> readAll(String topic, String isolationLevel) {
        Map<String, Object> config = new HashMap<>(clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = describe(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CLIENT_TIMEOUT);
            Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new TreeMap<>(PARTITION_ORDER);
            partitions.forEach(partition -> byPartition.put(partition, new ArrayList<>()));
            long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Reading " + topic + " to offsets " + end + " took over "
                            + CLIENT_TIMEOUT.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> byPartition.get(new TopicPartition(record.topic(), record.partition()))
                                .add(record));
            }
            return byPartition.values().stream().flatMap(List::stream)
                    .filter(record -> record.offset() < end.get(new TopicPartition(record.topic(), record.partition())))
                    .collect(Collectors.toList());
        }
    }

    /** @return the offsets a consumer group has committed, in partition order (empty when none) */
    public Map<TopicPartition, Long> committedOffsets(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> committed = await("read offsets of group " + groupId,
                () -> admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> offsets = new TreeMap<>(PARTITION_ORDER);
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    /** @return the current end (log-end) offset of every partition of a topic, in partition order */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig());
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = describe(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toList());
            Map<TopicPartition, Long> ordered = new TreeMap<>(PARTITION_ORDER);
            ordered.putAll(consumer.endOffsets(partitions, CLIENT_TIMEOUT));
            return ordered;
        }
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

    @Override
    public String toString() {
        return "KafkaCluster{brokers=" + brokerCount + ", logs=" + logRoot + "}";
    }

    private Map<String, Object> producerConfig(Map<String, Object> extra) {
        Map<String, Object> config = clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) CLIENT_TIMEOUT.toMillis());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.putAll(extra);
        return config;
    }

    private static List<RecordMetadata> sendAll(KafkaProducer<String, String> producer,
                                                List<ProducerRecord<String, String>> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, String> record : records) {
            acks.add(producer.send(record));
        }
        producer.flush();
        List<RecordMetadata> metadata = new ArrayList<>(acks.size());
        for (Future<RecordMetadata> ack : acks) {
            metadata.add(get("produce to " + records.get(metadata.size()).topic(), ack));
        }
        return metadata;
    }

    /** @return whether the topic has that many partitions, each with a leader; false while it is not known yet */
    private boolean hasLeaders(String topic, int partitions) {
        TopicDescription description;
        try {
            description = describe(topic);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
        return description.partitions().size() == partitions
                && description.partitions().stream().allMatch(partition -> partition.leader() != null);
    }

    private TopicDescription describe(String topic) {
        return await("describe topic " + topic, () -> admin().describeTopics(List.of(topic)).allTopicNames())
                .get(topic);
    }

    private void awaitRegistered(List<BrokerProcess> expected, Duration timeout) {
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

    private void awaitCondition(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + CLIENT_TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }

    private static <T> T await(String what, Supplier<org.apache.kafka.common.KafkaFuture<T>> call) {
        return get(what, call.get());
    }

    /** Waits for an admin call, failing with what was tried and Kafka's cause; shared with {@link KafkaSecurity}. */
    static <T> T get(String what, Future<T> future) {
        try {
            return future.get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot " + what + ": no answer within " + CLIENT_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what, e);
        }
    }

    private synchronized List<BrokerProcess> brokersOrFail() {
        if (brokers.isEmpty()) {
            throw new IllegalStateException("The Kafka cluster is not started: call start() first");
        }
        return brokers;
    }

    private synchronized BrokerProcess process(int nodeId) {
        return brokersOrFail().stream().filter(broker -> broker.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No broker with node id " + nodeId
                        + "; this cluster has nodes 1.." + brokerCount));
    }

    private Duration remaining(long startedNanos) {
        long left = startTimeout.toNanos() - (System.nanoTime() - startedNanos);
        return Duration.ofNanos(Math.max(0, left));
    }

    private static RuntimeException addSuppressed(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
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

    /** Settings of a {@link KafkaCluster}; {@link #build()} makes an unstarted cluster. */
    public static final class Builder {
        private int brokerCount = 1;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC",
                "-Djava.awt.headless=true"));
        private Duration startTimeout = Duration.ofSeconds(60);
        private String name = "cluster";
        private int firstBrokerPort;
        private TlsMaterial tls;
        private boolean secured;

        private Builder() {
        }

        /** @param count how many brokers (KRaft nodes, each also a controller), 1 or more */
        public Builder brokers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("A Kafka cluster needs at least 1 broker but brokers was " + count);
            }
            this.brokerCount = count;
            return this;
        }

        /** Sets a broker property on every broker, over the kit's defaults. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        /** Adds an option to every broker JVM, e.g. {@code -Xmx2g}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** @param timeout how long a start may take before it fails with the brokers' log tails */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Puts broker 1's client listener on a fixed port instead of a free one, for programs that name
         * their brokers (e.g. {@code localhost:9092}); the start fails if the port is taken.
         *
         * @param port the port, 1..65535
         */
        public Builder firstBrokerPort(int port) {
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
        public Builder tls(TlsMaterial material) {
            this.tls = java.util.Objects.requireNonNull(material, "tls material");
            return this;
        }

        /**
         * Adds a SASL_SSL listener (SCRAM-SHA-512 over TLS, with the {@link #tls(TlsMaterial)} material) to every
         * broker and turns on authorization: clients of that listener need users and ACLs, made through
         * {@link KafkaCluster#security()}. The kit's own PLAINTEXT clients and the SSL client certificate are
         * super users.
         */
        public Builder saslScram() {
            this.secured = true;
            return this;
        }

        /** @param name a name for the log folder, e.g. the test class */
        public Builder name(String name) {
            this.name = name.replaceAll("[^A-Za-z0-9_.-]", "_");
            return this;
        }

        /** @return an unstarted cluster; call {@link KafkaCluster#start()} */
        public KafkaCluster build() {
            if (secured && tls == null) {
                throw new IllegalStateException("saslScram() needs TLS material: call tls(TlsMaterial) too");
            }
            return new KafkaCluster(this);
        }
    }
}
