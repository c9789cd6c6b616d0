package dev.kafkadirect.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which classpath and which kafka-clients each contender runs with. */
class ClasspathsTest {
    private static final String OURS = "/m2/kafka-direct.jar:/m2/org/apache/kafka/kafka-clients/3.9.1/kafka-clients-3.9.1.jar:/m2/spark.jar";
    private static final String APACHE = "/m2/spark-streaming-kafka-0-10_2.12-3.2.3.jar:/m2/org/apache/kafka/kafka-clients/2.8.1/kafka-clients-2.8.1.jar:/m2/spark.jar";

    @Test
    void apacheRunsOnOurClientExceptTheShippedContenders() {
        Classpaths classpaths = new Classpaths(OURS, APACHE);

        assertThat(classpaths.of(Contender.OURS)).isEqualTo(OURS);
        assertThat(classpaths.of(Contender.APACHE)).isEqualTo("/m2/spark-streaming-kafka-0-10_2.12-3.2.3.jar"
                + ":/m2/org/apache/kafka/kafka-clients/3.9.1/kafka-clients-3.9.1.jar:/m2/spark.jar");
        assertThat(classpaths.of(Contender.APACHE_SHIPPED)).isEqualTo(APACHE);
        assertThat(classpaths.kafkaClientsVersion(Contender.APACHE)).isEqualTo("3.9.1");
        assertThat(classpaths.kafkaClientsVersion(Contender.RAW_PARALLEL)).isEqualTo("3.9.1");
        assertThat(classpaths.kafkaClientsVersion(Contender.RAW_PARALLEL_SHIPPED)).isEqualTo("2.8.1");
    }

    @Test
    void aClasspathWithoutKafkaClientsIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> new Classpaths(OURS, "/m2/spark.jar"))
                .hasMessage("No kafka-clients jar on the classpath /m2/spark.jar; rebuild the benchmark"
                        + " (mvn -DskipTests package -pl bench -am)");
    }
}
