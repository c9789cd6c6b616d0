package dev.kafkadirect.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which classpath and which kafka-clients each contender runs with. */
class ClasspathsTest {
    private static final String OURS = "/m2/kafka-direct_2.12-0.1.0.jar:/m2/org/apache/kafka/kafka-clients/3.9.1/kafka-clients-3.9.1.jar:/m2/spark-core_2.12-3.2.4.jar";
    private static final String STRUCTURED = "/m2/spark-sql-kafka-0-10_2.12-3.3.4.jar:/m2/org/apache/kafka/kafka-clients/3.2.3/kafka-clients-3.2.3.jar:/m2/spark-core_2.12-3.3.4.jar";
    private static final String APACHE = "/m2/spark-streaming-kafka-0-10_2.12-3.2.3.jar:/m2/spark-token-provider-kafka-0-10_2.12-3.2.3.jar"
            + ":/m2/org/apache/kafka/kafka-clients/2.8.1/kafka-clients-2.8.1.jar:/m2/spark-core_2.12-3.2.4.jar";

    @Test
    void apacheRunsOnOurClientExceptTheShippedContendersAndOursDiffersFromItInTheModuleOnly() {
        Classpaths classpaths = new Classpaths(OURS, APACHE, STRUCTURED);

        assertThat(classpaths.of(Contender.APACHE)).isEqualTo("/m2/spark-streaming-kafka-0-10_2.12-3.2.3.jar"
                + ":/m2/spark-token-provider-kafka-0-10_2.12-3.2.3.jar"
                + ":/m2/org/apache/kafka/kafka-clients/3.9.1/kafka-clients-3.9.1.jar:/m2/spark-core_2.12-3.2.4.jar");
        assertThat(classpaths.of(Contender.OURS)).isEqualTo("/m2/kafka-direct_2.12-0.1.0.jar"
                + ":/m2/org/apache/kafka/kafka-clients/3.9.1/kafka-clients-3.9.1.jar:/m2/spark-core_2.12-3.2.4.jar");
        assertThat(classpaths.of(Contender.RAW_PARALLEL)).isEqualTo("/m2/spark-streaming-kafka-0-10_2.12-3.2.3.jar"
                + ":/m2/spark-token-provider-kafka-0-10_2.12-3.2.3.jar"
                + ":/m2/org/apache/kafka/kafka-clients/3.9.1/kafka-clients-3.9.1.jar:/m2/spark-core_2.12-3.2.4.jar");
        assertThat(classpaths.of(Contender.APACHE_SHIPPED)).isEqualTo(APACHE);
        assertThat(classpaths.kafkaClientsVersion(Contender.APACHE)).isEqualTo("3.9.1");
        assertThat(classpaths.kafkaClientsVersion(Contender.RAW_PARALLEL)).isEqualTo("3.9.1");
        assertThat(classpaths.kafkaClientsVersion(Contender.RAW_PARALLEL_SHIPPED)).isEqualTo("2.8.1");
    }

    @Test
    void theStructuredSourceAndOursBesideItRunOnItsSparkWithOurClient() {
        Classpaths classpaths = new Classpaths(OURS, APACHE, STRUCTURED);

        assertThat(classpaths.of(Contender.STRUCTURED)).isEqualTo("/m2/spark-sql-kafka-0-10_2.12-3.3.4.jar"
                + ":/m2/org/apache/kafka/kafka-clients/3.9.1/kafka-clients-3.9.1.jar:/m2/spark-core_2.12-3.3.4.jar");
        assertThat(classpaths.of(Contender.OURS_BESIDE_STRUCTURED)).isEqualTo("/m2/kafka-direct_2.12-0.1.0.jar:"
                + classpaths.of(Contender.STRUCTURED));
        assertThat(classpaths.sparkVersion(Contender.OURS_BESIDE_STRUCTURED)).isEqualTo("3.3.4");
        assertThat(classpaths.sparkVersion(Contender.OURS)).isEqualTo("3.2.4");
    }

    @Test
    void aClasspathWithoutKafkaClientsIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> new Classpaths(OURS, "/m2/spark.jar", STRUCTURED))
                .hasMessage("No kafka-clients jar on the classpath /m2/spark.jar; rebuild the benchmark"
                        + " (mvn -DskipTests package -pl bench -am)");
    }
}
