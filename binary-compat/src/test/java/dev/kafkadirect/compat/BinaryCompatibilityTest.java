package dev.kafkadirect.compat;

import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import scala.collection.JavaConverters;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Applications compiled against Apache's module (src/main of this module) run unchanged on Kafka Direct:
 * Apache's jar is only on the compile classpath; the test classpath has ours in its place.
 */
class BinaryCompatibilityTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    private static final String TOPIC = ExpectedAppOutput.TOPIC;
    private static final int RECORDS = ExpectedAppOutput.RECORDS;
    private static JavaSparkContext spark;

    @BeforeAll
    static void setUp(KafkaCluster kafka) {
        kafka.createTopic(TOPIC, 2);
        kafka.produce(RECORDS, i -> new ProducerRecord<>(TOPIC, i % 2, null, ExpectedAppOutput.value(i)));
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("BinaryCompatibilityTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void tearDown() {
        spark.close();
    }

    @Test
    void theApplicationsRunOnKafkaDirectsJarNotApaches() throws Exception {
        String ours = KafkaUtils.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertThat(ours).matches(".*(/library/target/classes/|kafka-direct_2\\.1[23]-[^/]*\\.jar)$");
        Class<?> scalaObject = Class.forName("org.apache.spark.streaming.kafka010.KafkaUtils$");
        assertThat(scalaObject.getDeclaredField("MODULE$").get(null)).as("the Scala object callers reach")
                .isInstanceOf(scalaObject);
        assertThatThrownBy(() -> Class.forName("org.apache.spark.streaming.kafka010.KafkaRDD"))
                .as("Apache's internal classes are absent").isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aScalaApplicationReadsBatchesThroughTheModuleClasses(KafkaCluster kafka) {
        List<String> lines = JavaConverters.seqAsJavaList(ScalaApp.batch(spark.sc(), kafka.bootstrapServers(), TOPIC));

        assertThat(lines).containsExactlyElementsOf(ExpectedAppOutput.SCALA_BATCH);
    }

    @Test
    void aScalaApplicationStreamsWithEveryConsumerStrategy(KafkaCluster kafka) {
        List<String> lines = JavaConverters.seqAsJavaList(
                ScalaApp.streams(spark.sc(), kafka.bootstrapServers(), TOPIC, RECORDS));

        assertThat(lines).containsExactlyElementsOf(ExpectedAppOutput.SCALA_STREAMS);
        assertThat(kafka.committedOffsets("compat-scala-subscribe").values()).containsOnly(10L);
    }

    @Test
    void aJavaApplicationReadsBatches(KafkaCluster kafka) {
        assertThat(JavaApp.batch(spark, kafka.bootstrapServers(), TOPIC))
                .containsExactlyElementsOf(ExpectedAppOutput.JAVA_BATCH);
    }

    @Test
    void aJavaApplicationStreamsWithEveryConsumerStrategy(KafkaCluster kafka) {
        assertThat(JavaApp.streams(spark, kafka.bootstrapServers(), TOPIC, RECORDS))
                .containsExactlyElementsOf(ExpectedAppOutput.JAVA_STREAMS);
        assertThat(kafka.committedOffsets("compat-java-assign").values()).containsOnly(10L);
    }

    @Test
    void aCustomStrategyWrittenForApachesModuleLogsInThroughSetAuthenticationConfigIfNeeded(KafkaCluster kafka) {
        assertThat(JavaApp.customStrategy(spark, kafka.bootstrapServers(), TOPIC, RECORDS))
                .hasSize(RECORDS).doesNotHaveDuplicates().startsWith("0:0").endsWith("1:9");
        assertThat(kafka.committedOffsets("compat-java-custom").values()).containsOnly(10L);
    }
}
