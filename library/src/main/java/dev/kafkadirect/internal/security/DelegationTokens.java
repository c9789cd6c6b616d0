package dev.kafkadirect.internal.security;

import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.security.token.TokenIdentifier;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.security.auth.login.Configuration;

/**
 * Spark's Kafka delegation tokens on the consumer side, as Spark documents them: when the user gave no JAAS
 * login (no {@code sasl.jaas.config} in kafkaParams and no JVM-wide {@code KafkaClient} login, which come first),
 * one of their {@code bootstrap.servers} matches the
 * {@code spark.kafka.clusters.<id>.target.bootstrap.servers.regex} of a cluster configured with
 * {@code spark.kafka.clusters.<id>.auth.bootstrap.servers}, and the current user's credentials hold that
 * cluster's token (put there by Spark's token provider, on the driver and, through Spark, on the executors),
 * the consumer logs in with the token: a SCRAM login ({@code sasl.token.mechanism}, SCRAM-SHA-512 by default)
 * with {@code tokenauth=true}, and, where kafkaParams do not set them, the cluster's {@code security.protocol}
 * (SASL_SSL by default) and {@code ssl.*} stores. The token's secret goes into the consumer's configuration only, never to logs.
 */
public final class DelegationTokens {
    private static final String CLUSTERS_PREFIX = "spark.kafka.clusters.";
    private static final String TOKEN_SERVICE_PREFIX = "kafka.server.delegation.token.";
    private static final String JAAS = "sasl.jaas.config";
    private static final String KAFKA_CLIENT_LOGIN = "KafkaClient";
    /** The TLS settings a cluster's spark.kafka.clusters.<id>.* may give, applied where kafkaParams do not. */
    private static final List<String> CLUSTER_SSL_SETTINGS = Arrays.asList("ssl.truststore.type",
            "ssl.truststore.location", "ssl.truststore.password", "ssl.keystore.type", "ssl.keystore.location",
            "ssl.keystore.password", "ssl.key.password");

    private DelegationTokens() {
    }

    /**
     * @param kafkaParams a consumer's settings
     * @return the settings with a delegation-token login added when one applies (see the class), else the same map
     * @throws IllegalArgumentException when the bootstrap servers match several configured clusters
     */
    public static Map<String, Object> withTokenLogin(Map<String, Object> kafkaParams) {
        SparkEnv env = SparkEnv.get();
        if (env == null || kafkaParams.containsKey(JAAS)) {
            return kafkaParams;
        }
        return withTokenLogin(kafkaParams, env.conf(), DelegationTokens::currentUserToken, jvmWideKafkaClientLogin());
    }

    /**
     * @return whether this JVM has a JAAS login configuration with a {@code KafkaClient} section
     *     ({@code -Djava.security.auth.login.config}), which Kafka uses when kafkaParams give no sasl.jaas.config
     */
    private static boolean jvmWideKafkaClientLogin() {
        try {
            return Configuration.getConfiguration().getAppConfigurationEntry(KAFKA_CLIENT_LOGIN) != null;
        } catch (SecurityException noConfiguration) {
            return false;
        }
    }

    /** Looks a token up by its service name, for tests and for {@link #withTokenLogin(Map)}. */
    interface TokenLookup {
        /** @return the token's identifier and password, or null when there is none */
        byte[][] find(String service);
    }

    static Map<String, Object> withTokenLogin(Map<String, Object> kafkaParams, SparkConf conf, TokenLookup tokens,
                                              boolean jvmWideLogin) {
        if (kafkaParams.containsKey(JAAS) || jvmWideLogin) {
            return kafkaParams;
        }
        Map<String, Map<String, String>> clusters = clusters(conf);
        if (clusters.isEmpty()) {
            return kafkaParams;
        }
        String bootstrapServers = String.valueOf(kafkaParams.get("bootstrap.servers"));
        List<String> matching = new ArrayList<>();
        clusters.forEach((id, settings) -> {
            Pattern regex = Pattern.compile(settings.getOrDefault("target.bootstrap.servers.regex", ".*"));
            boolean anyMatches = false;
            for (String server : bootstrapServers.split(",")) {
                anyMatches |= regex.matcher(server.trim()).matches();
            }
            if (settings.containsKey("auth.bootstrap.servers") && anyMatches) {
                matching.add(id);
            }
        });
        if (matching.size() > 1) {
            throw new IllegalArgumentException("bootstrap.servers=" + bootstrapServers + " matches the"
                    + " target.bootstrap.servers.regex of several spark.kafka.clusters: " + new TreeSet<>(matching)
                    + ". Make the regexes select one cluster each.");
        }
        if (matching.isEmpty()) {
            return kafkaParams;
        }
        String id = matching.get(0);
        byte[][] token = tokens.find(TOKEN_SERVICE_PREFIX + id);
        if (token == null) {
            return kafkaParams;
        }
        Map<String, String> settings = clusters.get(id);
        Map<String, Object> withToken = new HashMap<>(kafkaParams);
        withToken.putIfAbsent("security.protocol", settings.getOrDefault("security.protocol", "SASL_SSL"));
        for (String ssl : CLUSTER_SSL_SETTINGS) {
            if (settings.containsKey(ssl)) {
                withToken.putIfAbsent(ssl, settings.get(ssl));
            }
        }
        withToken.put("sasl.mechanism", settings.getOrDefault("sasl.token.mechanism", "SCRAM-SHA-512"));
        withToken.put(JAAS, "org.apache.kafka.common.security.scram.ScramLoginModule required tokenauth=true"
                + " serviceName=\"" + settings.getOrDefault("sasl.kerberos.service.name", "kafka") + "\""
                + " username=\"" + new String(token[0], StandardCharsets.UTF_8) + "\""
                + " password=\"" + new String(token[1], StandardCharsets.UTF_8) + "\";");
        return withToken;
    }

    /** @return the settings of each cluster id, from {@code spark.kafka.clusters.<id>.<setting>} */
    private static Map<String, Map<String, String>> clusters(SparkConf conf) {
        Map<String, Map<String, String>> clusters = new HashMap<>();
        for (Tuple2<String, String> entry : conf.getAllWithPrefix(CLUSTERS_PREFIX)) {
            int dot = entry._1().indexOf('.');
            if (dot > 0) {
                clusters.computeIfAbsent(entry._1().substring(0, dot), id -> new HashMap<>())
                        .put(entry._1().substring(dot + 1), entry._2());
            }
        }
        return clusters;
    }

    private static byte[][] currentUserToken(String service) {
        try {
            Token<? extends TokenIdentifier> token = UserGroupInformation.getCurrentUser().getCredentials()
                    .getToken(new Text(service));
            return token == null ? null : new byte[][] {token.getIdentifier(), token.getPassword()};
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the current user's credentials for " + service, e);
        }
    }
}
