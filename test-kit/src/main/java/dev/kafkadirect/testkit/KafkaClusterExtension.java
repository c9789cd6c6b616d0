package dev.kafkadirect.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.Consumer;

/**
 * JUnit 5 extension that runs a {@link KafkaCluster} for the tests of a class, and injects it into
 * test and lifecycle methods that declare a {@code KafkaCluster} parameter.
 *
 * <pre>{@code
 * class OrdersTest {
 *     @RegisterExtension
 *     static final KafkaClusterExtension KAFKA = KafkaClusterExtension.brokers(1);
 *
 *     @Test
 *     void readsOrders(KafkaCluster kafka) {
 *         kafka.createTopic("orders", 2);
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #shared()} gives one single-broker cluster for every class of the test run that asks for
 * it, started once and closed when the run ends, which saves a broker start per class. Declaring
 * {@code @ExtendWith(KafkaClusterExtension.class)} on a class does the same, for languages such as
 * Scala 2 that cannot declare static fields.
 */
public final class KafkaClusterExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaClusterExtension.class);
    private static final String SHARED_KEY = "shared-single-broker";

    private final int brokerCount;
    private final Consumer<KafkaClusterBuilder> customizer;
    private final boolean shared;
    private volatile KafkaCluster cluster;

    /** The shared single-broker cluster, for {@code @ExtendWith(KafkaClusterExtension.class)}. */
    public KafkaClusterExtension() {
        this(1, builder -> { }, true);
    }

    private KafkaClusterExtension(int brokerCount, Consumer<KafkaClusterBuilder> customizer, boolean shared) {
        this.brokerCount = brokerCount;
        this.customizer = customizer;
        this.shared = shared;
    }

    /** @return an extension running a cluster of {@code count} brokers for one test class */
    public static KafkaClusterExtension brokers(int count) {
        return new KafkaClusterExtension(count, builder -> { }, false);
    }

    /**
     * @param count how many brokers
     * @param customizer sets broker properties or JVM options on the cluster's builder
     * @return an extension running that cluster for one test class
     */
    public static KafkaClusterExtension brokers(int count, Consumer<KafkaClusterBuilder> customizer) {
        return new KafkaClusterExtension(count, customizer, false);
    }

    /** @return an extension giving every class that uses it the same single-broker cluster */
    public static KafkaClusterExtension shared() {
        return new KafkaClusterExtension(1, builder -> { }, true);
    }

    /** @return the running cluster (from {@code beforeAll} on) */
    public KafkaCluster cluster() {
        KafkaCluster current = cluster;
        if (current == null) {
            throw new IllegalStateException("The Kafka cluster starts in beforeAll: register this extension on a static field");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (shared) {
            cluster = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SHARED_KEY, key -> new ClusterResource(start("shared")), ClusterResource.class)
                    .cluster;
        } else {
            cluster = start(context.getRequiredTestClass().getSimpleName());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        KafkaCluster current = cluster;
        cluster = null;
        if (!shared && current != null) {
            current.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return cluster();
    }

    private KafkaCluster start(String name) {
        KafkaClusterBuilder builder = KafkaCluster.builder().brokers(brokerCount).name(name);
        customizer.accept(builder);
        return builder.build().start();
    }

    /** Closes the shared cluster when the root context (the whole test run) closes. */
    @SuppressWarnings("deprecation")
    private static final class ClusterResource implements ExtensionContext.Store.CloseableResource {
        private final KafkaCluster cluster;

        private ClusterResource(KafkaCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public void close() {
            cluster.close();
        }
    }
}
