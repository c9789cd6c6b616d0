package dev.kafkadirect.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worker classpaths: ours (our module and the kafka-clients it ships) and Apache's (its module and the
 * kafka-clients it brings), and from them each contender's: Apache's module on our kafka-clients jar, and raw
 * consumers on either client.
 */
final class Classpaths {
    private static final Pattern KAFKA_CLIENTS = Pattern.compile("kafka-clients-([0-9][^/\\\\]*?)\\.jar$");

    private final String ours;
    private final String apache;

    Classpaths(String ours, String apache) {
        this.ours = ours;
        this.apache = apache;
        kafkaClientsJar(ours);
        kafkaClientsJar(apache);
    }

    /** @return the classpath the contender's worker runs with (besides the benchmark's own classes) */
    String of(Contender contender) {
        if (contender.module() == Contender.Module.OURS) {
            return ours;
        }
        if (contender.module() == Contender.Module.APACHE) {
            return contender.onShippedClient() ? apache : withKafkaClients(apache, kafkaClientsJar(ours));
        }
        // Raw consumers need only kafka-clients (and its logging); either classpath has them.
        return contender.onShippedClient() ? apache : ours;
    }

    /** @return the kafka-clients version of the contender's classpath */
    String kafkaClientsVersion(Contender contender) {
        Matcher matcher = KAFKA_CLIENTS.matcher(kafkaClientsJar(of(contender)));
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
        for (String entry : classpath.split(File.pathSeparator)) {
            if (KAFKA_CLIENTS.matcher(entry).find()) {
                return entry;
            }
        }
        throw new IllegalStateException("No kafka-clients jar on the classpath " + classpath
                + "; rebuild the benchmark (mvn -DskipTests package -pl bench -am)");
    }
}
