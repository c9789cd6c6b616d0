package guide;

import dev.kafkadirect.testkit.KafkaCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The broker the guide's programs name: one broker on localhost:9092 (its bootstrap.servers line lists
 * "localhost:9092,anotherhost:9092"; anotherhost does not resolve and the client skips it), with an SSL
 * listener whose client stores sit where the guide's SSL snippet looks for them, shared by every test
 * class of this module and stopped when the run ends.
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
            GuideTlsFiles tlsFiles = GuideTlsFiles.install();
            KafkaCluster cluster = KafkaCluster.builder().name("guide").firstBrokerPort(9092).tls(tlsFiles.material())
                    .build().start();
            cluster.createTopic("topicA", 2);
            cluster.createTopic("topicB", 2);
            cluster.createTopic("test", 2);
            cluster.produce(200, i -> new org.apache.kafka.clients.producer.ProducerRecord<>("test", i % 2, "k" + i, "test-" + i));
            return new Closing(cluster, tlsFiles);
        }, Closing.class).cluster;
    }

    /** Closes the broker when the test run ends. */
    @SuppressWarnings("deprecation")
    private static final class Closing implements ExtensionContext.Store.CloseableResource {
        private final KafkaCluster cluster;
        private final GuideTlsFiles tlsFiles;

        private Closing(KafkaCluster cluster, GuideTlsFiles tlsFiles) {
            this.cluster = cluster;
            this.tlsFiles = tlsFiles;
        }

        @Override
        public void close() throws Exception {
            try {
                cluster.close();
            } finally {
                tlsFiles.close();
            }
        }
    }
}
