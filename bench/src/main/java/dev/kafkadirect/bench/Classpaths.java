package dev.kafkadirect.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worker classpaths: ours (our module and the kafka-clients it ships with the build's Spark), Apache's (its
 * module and the kafka-clients it brings) and the Structured Streaming Kafka source's (with its Spark), and from
 * them each contender's: Apache's module and the Kafka source on our kafka-clients jar, ours on the Kafka source's
 * Spark, and raw consumers on either client.
 *
 * <p>Ours runs on Apache's classpath with Apache's module swapped for ours and on our kafka-clients, so that ours
 * and {@code apache} differ in the module jar only. (The benchmark's own classpath also holds the test kit, Spark
 * SQL and more: 140 jars against Apache's 99; a JVM opening more jars keeps more of their indexes on the heap,
 * 2.4 MB more byte arrays in the planning workload, which counted against ours' live heap.)
 */
final class Classpaths {
    private static final Pattern KAFKA_CLIENTS = Pattern.compile("kafka-clients-([0-9][^/\\\\]*?)\\.jar$");
    private static final Pattern SPARK_CORE = Pattern.compile("spark-core_2\\.1[0-9]-([0-9][^/\\\\]*?)\\.jar$");
    private static final Pattern OUR_LIBRARY = Pattern.compile("kafka-direct_2\\.1[0-9]-[^/\\\\]*\\.jar$");
    /** Apache's module and the token provider it brings; ours needs neither. */
    private static final Pattern APACHE_MODULE = Pattern.compile(
            "spark-(streaming|token-provider)-kafka-0-10_2\\.1[0-9]-[^/\\\\]*\\.jar$");

    private final String ours;
    private final String apache;
    private final String structured;

    Classpaths(String ours, String apache, String structured) {
        this.ours = ours;
        this.apache = apache;
        this.structured = structured;
        kafkaClientsJar(ours);
        kafkaClientsJar(apache);
        kafkaClientsJar(structured);
        entry(ours, OUR_LIBRARY, "our library (kafka-direct_2.1x)");
    }

    /** @return the classpath the contender's worker runs with (besides the benchmark's own classes) */
    String of(Contender contender) {
        if (contender.module() == Contender.Module.OURS) {
            return oursOnApacheClasspath();
        }
        if (contender.module() == Contender.Module.APACHE) {
            return contender.onShippedClient() ? apache : withKafkaClients(apache, kafkaClientsJar(ours));
        }
        if (contender.module() == Contender.Module.STRUCTURED) {
            return withKafkaClients(structured, kafkaClientsJar(ours));
        }
        if (contender.module() == Contender.Module.OURS_ON_STRUCTURED_SPARK) {
            return entry(ours, OUR_LIBRARY, "our library (kafka-direct_2.1x)") + File.pathSeparator
                    + withKafkaClients(structured, kafkaClientsJar(ours));
        }
        // Raw consumers need only kafka-clients (and its logging); either classpath has them.
        return contender.onShippedClient() ? apache : withKafkaClients(apache, kafkaClientsJar(ours));
    }

    private String oursOnApacheClasspath() {
        List<String> entries = new ArrayList<>();
        entries.add(entry(ours, OUR_LIBRARY, "our library (kafka-direct_2.1x)"));
        for (String entry : withKafkaClients(apache, kafkaClientsJar(ours)).split(File.pathSeparator)) {
            if (!APACHE_MODULE.matcher(entry).find()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** @return the kafka-clients version of the contender's classpath */
    String kafkaClientsVersion(Contender contender) {
        Matcher matcher = KAFKA_CLIENTS.matcher(kafkaClientsJar(of(contender)));
        return matcher.find() ? matcher.group(1) : "unknown";
    }

    /** @return the Spark release the contender runs on (its spark-core jar's version) */
    String sparkVersion(Contender contender) {
        Matcher matcher = SPARK_CORE.matcher(entry(of(contender), SPARK_CORE, "spark-core"));
        return matcher.find() ? matcher.group(1) : "unknown";
    }

    private static String withKafkaClients(String classpath, String jar) {
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            entries.add(KAFKA_CLIENTS.matcher(entry).find() ? jar : entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String kafkaClientsJar(String classpath) {
        return entry(classpath, KAFKA_CLIENTS, "kafka-clients");
    }

    private static String entry(String classpath, Pattern jar, String what) {
        for (String entry : classpath.split(File.pathSeparator)) {
            if (jar.matcher(entry).find()) {
                return entry;
            }
        }
        throw new IllegalStateException("No " + what + " jar on the classpath " + classpath
                + "; rebuild the benchmark (mvn -DskipTests package -pl bench -am)");
    }
}
