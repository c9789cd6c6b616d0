package guide;

import dev.kafkadirect.testkit.KafkaCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The broker the guide's programs name: one broker on localhost:9092 (its bootstrap.servers line lists
 * "localhost:9092,anotherhost:9092"; anotherhost does not resolve and the client skips it), shared by
 * every test class of this module and stopped when the run ends.
 */
public final class GuideBroker implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GuideBroker.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return cluster(extensionContext);
    }

    private static KafkaCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("broker", key -> {
            KafkaCluster cluster = KafkaCluster.builder().name("guide").firstBrokerPort(9092).build().start();
            cluster.createTopic("topicA", 2);
            cluster.createTopic("topicB", 2);
            cluster.createTopic("test", 2);
            cluster.produce(200, i -> new org.apache.kafka.clients.producer.ProducerRecord<>("test", i % 2, "k" + i, "test-" + i));
            return new Closing(cluster);
        }, Closing.class).cluster;
    }

    /** Closes the broker when the test run ends. */
    @SuppressWarnings("deprecation")
    private static final class Closing implements ExtensionContext.Store.CloseableResource {
        private final KafkaCluster cluster;

        private Closing(KafkaCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public void close() {
            cluster.close();
        }
    }
}
