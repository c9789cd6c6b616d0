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

    private static final String TOPIC = "compat";
    private static final int RECORDS = 20;
    private static JavaSparkContext spark;

    @BeforeAll
    static void setUp(KafkaCluster kafka) {
        kafka.createTopic(TOPIC, 2);
        kafka.produce(RECORDS, i -> new ProducerRecord<>(TOPIC, i % 2, null, "p" + (i % 2) + "-" + (i / 2)));
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

        assertThat(lines).containsExactly(
                "compat-0 0-3 (3)", "compat-1 0-2 (2)", "compat-0 3-5 (2)", "compat-1 2-4 (2)",
                "p0-0,p0-1,p0-2,p1-0,p1-1,p0-3,p0-4,p1-2,p1-3",
                "p0-0,p0-1,p0-2,p1-0,p1-1,p0-3,p0-4,p1-2,p1-3",
                "p0-0,p0-1,p0-2,p1-0,p1-1,p0-3,p0-4,p1-2,p1-3");
    }

    @Test
    void aScalaApplicationStreamsWithEveryConsumerStrategy(KafkaCluster kafka) {
        List<String> lines = JavaConverters.seqAsJavaList(
                ScalaApp.streams(spark.sc(), kafka.bootstrapServers(), TOPIC, RECORDS));

        assertThat(lines).containsExactly(
                "Subscribe: 20 records, first 0:0, last 1:9",
                "Subscribe+offsets: 16 records, first 0:2, last 1:9",
                "SubscribePattern: 20 records, first 0:0, last 1:9",
                "SubscribePattern+offsets: 16 records, first 0:2, last 1:9",
                "Assign: 20 records, first 0:0, last 1:9",
                "Assign+offsets: 16 records, first 0:2, last 1:9",
                "Subscribe(java): 20 records, first 0:0, last 1:9",
                "custom: 20 records, first 0:0, last 1:9");
        assertThat(kafka.committedOffsets("compat-scala-subscribe").values()).containsOnly(10L);
    }

    @Test
    void aJavaApplicationReadsBatches(KafkaCluster kafka) {
        assertThat(JavaApp.batch(spark, kafka.bootstrapServers(), TOPIC)).containsExactly(
                "compat-0 0-3 (3)", "compat-1 0-2 (2)", "p0-0,p0-1,p0-2,p1-0,p1-1", "p0-0,p0-1,p0-2,p1-0,p1-1");
    }

    @Test
    void aJavaApplicationStreamsWithEveryConsumerStrategy(KafkaCluster kafka) {
        assertThat(JavaApp.streams(spark, kafka.bootstrapServers(), TOPIC, RECORDS)).containsExactly(
                "Subscribe: 20 records, first 0:0, last 1:9",
                "Subscribe+offsets: 16 records, first 0:2, last 1:9",
                "SubscribePattern: 20 records, first 0:0, last 1:9",
                "SubscribePattern+offsets: 16 records, first 0:2, last 1:9",
                "Assign: 20 records, first 0:0, last 1:9",
                "Assign+offsets: 16 records, first 0:2, last 1:9");
        assertThat(kafka.committedOffsets("compat-java-assign").values()).containsOnly(10L);
    }

    @Test
    void aCustomStrategyWrittenForApachesModuleLogsInThroughSetAuthenticationConfigIfNeeded(KafkaCluster kafka) {
        assertThat(JavaApp.customStrategy(spark, kafka.bootstrapServers(), TOPIC, RECORDS))
                .hasSize(RECORDS).doesNotHaveDuplicates().startsWith("0:0").endsWith("1:9");
        assertThat(kafka.committedOffsets("compat-java-custom").values()).containsOnly(10L);
    }
}
