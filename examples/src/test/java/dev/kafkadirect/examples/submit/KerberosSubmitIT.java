package dev.kafkadirect.examples.submit;

import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KerberosIdentity;
import dev.kafkadirect.testkit.KerberosKdc;
import dev.kafkadirect.testkit.SparkStandaloneCluster;
import dev.kafkadirect.testkit.SparkSubmitResult;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kerberos as users deploy it on a standalone cluster: spark-submit (client deploy mode, started in the folder
 * that holds the keytab) ships the keytab and {@code krb5.conf} with {@code --files}; the executors, JVMs the
 * Workers launch, find both in their working directory through the relative paths of {@code sasl.jaas.config}
 * and {@code -Djava.security.krb5.conf}, and the driver through {@code --driver-java-options}. A createRDD job
 * and a committing stream read every record of a topic on brokers that take only GSSAPI logins with ACLs.
 */
@Tag("security")
class KerberosSubmitIT {
    private static final String TOPIC = "kerberized-submit";
    private static final int RECORDS = 400;
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(4);

    private static KerberosKdc kdc;
    private static KafkaCluster kafka;
    private static SparkStandaloneCluster spark;
    private static KerberosIdentity reader;

    @TempDir
    Path submitDirectory;

    @BeforeAll
    static void startClusters() {
        kdc = KerberosKdc.start();
        kafka = KafkaCluster.builder().name("KerberosSubmitIT").kerberos(kdc).build().start();
        spark = SparkStandaloneCluster.builder().name("KerberosSubmitIT").build().start();
        kafka.createTopic(TOPIC, 2);
        kafka.produce(RECORDS, i -> new ProducerRecord<>(TOPIC, i % 2, null, "ticket-" + i));
        reader = kdc.createIdentity("reader");
        kafka.security().allowRead(reader.shortName(), TOPIC, "");
    }

    @AfterAll
    static void stopClusters() {
        if (spark != null) {
            spark.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (kdc != null) {
            kdc.close();
        }
    }

    @Test
    void createRddAndAStreamLogInFromTheKeytabThatSparkSubmitShipped() throws IOException {
        Path keytab = Files.copy(reader.keytab(), submitDirectory.resolve("reader.keytab"));
        Path krb5Conf = Files.copy(kdc.krb5Conf(), submitDirectory.resolve("krb5.conf"));
        Path consumerProperties = submitDirectory.resolve("kerberos.properties");
        Properties security = new Properties();
        security.setProperty("security.protocol", "SASL_PLAINTEXT");
        security.setProperty("sasl.mechanism", "GSSAPI");
        security.setProperty("sasl.kerberos.service.name", "kafka");
        security.setProperty("sasl.jaas.config", reader.jaasConfig("reader.keytab"));
        try (java.io.Writer out = Files.newBufferedWriter(consumerProperties, StandardCharsets.UTF_8)) {
            security.store(out, "consumer settings of the Kerberos submission");
        }
        String bootstrap = kafka.security().saslPlaintextBootstrapServers();

        Properties counts = submit(keytab, krb5Conf, TopicCountApp.class, bootstrap, TOPIC,
                submitDirectory.resolve("count.properties").toString(), consumerProperties.toString());
        assertThat(counts.getProperty("records")).isEqualTo(String.valueOf(RECORDS));
        assertThat(counts.getProperty("distinct")).isEqualTo(String.valueOf(RECORDS));

        Properties streamed = submit(keytab, krb5Conf, CommitAsyncApp.class, bootstrap, TOPIC, "kerberized-stream",
                submitDirectory.resolve("stream.properties").toString(), consumerProperties.toString());
        assertThat(streamed.getProperty("records")).isEqualTo(String.valueOf(RECORDS));
        assertThat(streamed.getProperty("distinct")).isEqualTo(String.valueOf(RECORDS));
        assertThat(kafka.committedOffsets("kerberized-stream")).isEqualTo(kafka.endOffsets(TOPIC));
    }

    private Properties submit(Path keytab, Path krb5Conf, Class<?> application, String... arguments)
            throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("--deploy-mode", "client",
                "--files", keytab + "," + krb5Conf,
                "--driver-java-options", "-Djava.security.krb5.conf=" + krb5Conf,
                // Relative: the executors' working directory, where --files put krb5.conf.
                "--conf", "spark.executor.extraJavaOptions=" + spark.javaOptions() + " -Djava.security.krb5.conf=krb5.conf",
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.executor.memory=512m",
                "--driver-memory", "512m",
                "--class", application.getName(), ApplicationJar.path()));
        command.addAll(List.of(arguments));
        SparkSubmitResult submitted = spark.submit(command, SUBMIT_TIMEOUT, submitDirectory);
        assertThat(submitted.exitStatus()).as("%s:%n%s", submitted, submitted.output()).isZero();
        Path result = Path.of(arguments[arguments.length - 2]);
        assertThat(result).as("result file of %s:%n%s", submitted, submitted.output()).exists();
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(result, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
