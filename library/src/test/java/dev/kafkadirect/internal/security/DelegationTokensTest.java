package dev.kafkadirect.internal.security;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which consumers log in with a delegation token, following Spark's spark.kafka.clusters settings. */
class DelegationTokensTest {
    private static final DelegationTokens.TokenLookup TOKEN_OF_PROD = service -> service.equals(
            "kafka.server.delegation.token.prod") ? new byte[][] {bytes("token-id"), bytes("hmac==")} : null;

    @Test
    void consumersOfAConfiguredClusterWithoutAJaasLoginUseItsToken() {
        SparkConf conf = new SparkConf(false)
                .set("spark.kafka.clusters.prod.auth.bootstrap.servers", "b1:9093")
                .set("spark.kafka.clusters.prod.target.bootstrap.servers.regex", "b[0-9]:9093")
                .set("spark.kafka.clusters.prod.sasl.token.mechanism", "SCRAM-SHA-256");

        Map<String, Object> params = DelegationTokens.withTokenLogin(params("b1:9093,b2:9093"), conf, TOKEN_OF_PROD, false);

        assertThat(params).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " tokenauth=true serviceName=\"kafka\" username=\"token-id\" password=\"hmac==\";");
    }

    @Test
    void aJaasLoginGivenByTheUserComesFirst() {
        SparkConf conf = new SparkConf(false).set("spark.kafka.clusters.prod.auth.bootstrap.servers", "b1:9093");
        Map<String, Object> given = params("b1:9093");
        given.put("sasl.jaas.config", "user's own login");

        assertThat(DelegationTokens.withTokenLogin(given, conf, TOKEN_OF_PROD, false)).isSameAs(given);
    }

    @Test
    void brokersTheRegexDoesNotMatchOrAClusterWithoutATokenLeaveTheSettingsAlone() {
        SparkConf conf = new SparkConf(false)
                .set("spark.kafka.clusters.prod.auth.bootstrap.servers", "b1:9093")
                .set("spark.kafka.clusters.prod.target.bootstrap.servers.regex", "b[0-9]:9093")
                .set("spark.kafka.clusters.test.auth.bootstrap.servers", "t1:9093")
                .set("spark.kafka.clusters.test.target.bootstrap.servers.regex", "t1:9093");

        Map<String, Object> other = params("elsewhere:9092");
        assertThat(DelegationTokens.withTokenLogin(other, conf, TOKEN_OF_PROD, false)).isSameAs(other);
        Map<String, Object> noToken = params("t1:9093");
        assertThat(DelegationTokens.withTokenLogin(noToken, conf, TOKEN_OF_PROD, false)).isSameAs(noToken);
    }

    @Test
    void bootstrapServersMatchingSeveralClustersAreRefusedNamingThem() {
        SparkConf conf = new SparkConf(false)
                .set("spark.kafka.clusters.a.auth.bootstrap.servers", "b1:9093")
                .set("spark.kafka.clusters.b.auth.bootstrap.servers", "b1:9093");

        assertThatThrownBy(() -> DelegationTokens.withTokenLogin(params("b1:9093"), conf, TOKEN_OF_PROD, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bootstrap.servers=b1:9093 matches the target.bootstrap.servers.regex of several"
                        + " spark.kafka.clusters: [a, b]. Make the regexes select one cluster each.");
    }

    @Test
    void oneMatchingBootstrapServerIsEnough() {
        SparkConf conf = new SparkConf(false)
                .set("spark.kafka.clusters.prod.auth.bootstrap.servers", "b1:9093")
                .set("spark.kafka.clusters.prod.target.bootstrap.servers.regex", "b[0-9]:9093");

        assertThat(DelegationTokens.withTokenLogin(params("b1:9093,other:9093"), conf, TOKEN_OF_PROD, false))
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsKey("sasl.jaas.config");
    }

    @Test
    void aJvmWideKafkaClientLoginComesFirst() {
        SparkConf conf = new SparkConf(false).set("spark.kafka.clusters.prod.auth.bootstrap.servers", "b1:9093");
        Map<String, Object> given = params("b1:9093");

        assertThat(DelegationTokens.withTokenLogin(given, conf, TOKEN_OF_PROD, true)).isSameAs(given);
    }

    @Test
    void theClustersProtocolAndStoresApplyOnlyWhereKafkaParamsDoNotSetThem() {
        SparkConf conf = new SparkConf(false)
                .set("spark.kafka.clusters.prod.auth.bootstrap.servers", "b1:9093")
                .set("spark.kafka.clusters.prod.security.protocol", "SASL_SSL")
                .set("spark.kafka.clusters.prod.ssl.truststore.location", "/cluster/truststore.jks")
                .set("spark.kafka.clusters.prod.ssl.truststore.password", "cluster-secret");
        Map<String, Object> given = params("b1:9093");
        given.put("security.protocol", "SASL_PLAINTEXT");
        given.put("ssl.truststore.location", "/mine/truststore.jks");

        assertThat(DelegationTokens.withTokenLogin(given, conf, TOKEN_OF_PROD, false))
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("ssl.truststore.location", "/mine/truststore.jks")
                .containsEntry("ssl.truststore.password", "cluster-secret")
                .containsKey("sasl.jaas.config");
        assertThat(given).doesNotContainKey("sasl.jaas.config");
    }

    private static Map<String, Object> params(String bootstrapServers) {
        Map<String, Object> params = new HashMap<>();
        params.put("bootstrap.servers", bootstrapServers);
        return params;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
