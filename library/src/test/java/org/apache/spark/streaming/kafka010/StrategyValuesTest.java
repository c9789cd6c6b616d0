package org.apache.spark.streaming.kafka010;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strategies as values, as Apache's case classes are: built from partial kafkaParams (checked only when a stream is
 * created), equal by value, and with the members custom strategies written for Apache's module call.
 */
class StrategyValuesTest {
    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
    private static final TopicPartition ORDERS_1 = new TopicPartition("orders", 1);

    @Test
    void everyConsumerStrategyAcceptsPartialKafkaParamsAndReturnsThemForExecutors() {
        Map<String, Object> partial = Map.of("bootstrap.servers", "127.0.0.1:9092");
        Map<TopicPartition, Long> offsets = Map.of(ORDERS_0, 5L);

        List<ConsumerStrategy<String, String>> strategies = List.of(
                ConsumerStrategies.Subscribe(List.of("orders"), partial),
                ConsumerStrategies.Subscribe(List.of("orders"), partial, offsets),
                ConsumerStrategies.Subscribe(scalaList("orders"), JavaConverters.mapAsScalaMap(partial)),
                ConsumerStrategies.SubscribePattern(Pattern.compile("ord.*"), partial),
                ConsumerStrategies.SubscribePattern(Pattern.compile("ord.*"), partial, offsets),
                ConsumerStrategies.Assign(List.of(ORDERS_0), partial),
                ConsumerStrategies.Assign(List.of(ORDERS_0), partial, offsets));

        assertThat(strategies).allSatisfy(strategy -> assertThat(strategy.executorKafkaParams()).isEqualTo(partial));
    }

    @Test
    void builtInConsumerStrategiesAreEqualByValue() {
        Map<String, Object> params = new HashMap<>(Map.of("bootstrap.servers", "127.0.0.1:9092", "group.id", "g"));

        assertThat(ConsumerStrategies.Subscribe(List.of("orders"), params, Map.of(ORDERS_0, 5L)))
                .isEqualTo(ConsumerStrategies.Subscribe(List.of("orders"), new HashMap<>(params), Map.of(ORDERS_0, 5L)))
                .hasSameHashCodeAs(ConsumerStrategies.Subscribe(List.of("orders"), params, Map.of(ORDERS_0, 5L)))
                .isNotEqualTo(ConsumerStrategies.Subscribe(List.of("orders"), params, Map.of(ORDERS_0, 6L)))
                .isNotEqualTo(ConsumerStrategies.Subscribe(List.of("payments"), params, Map.of(ORDERS_0, 5L)));
        assertThat(ConsumerStrategies.Subscribe(List.of("orders"), params))
                .isEqualTo(ConsumerStrategies.Subscribe(scalaList("orders"), JavaConverters.mapAsScalaMap(params)));
        assertThat(ConsumerStrategies.SubscribePattern(Pattern.compile("ord.*"), params))
                .isEqualTo(ConsumerStrategies.SubscribePattern(Pattern.compile("ord.*"), params))
                .isNotEqualTo(ConsumerStrategies.SubscribePattern(Pattern.compile("ord.*", Pattern.CASE_INSENSITIVE), params))
                .isNotEqualTo(ConsumerStrategies.SubscribePattern(Pattern.compile("pay.*"), params));
        assertThat(ConsumerStrategies.Assign(List.of(ORDERS_0, ORDERS_1), params))
                .isEqualTo(ConsumerStrategies.Assign(List.of(ORDERS_0, ORDERS_1), params))
                .hasSameHashCodeAs(ConsumerStrategies.Assign(List.of(ORDERS_0, ORDERS_1), params))
                .isNotEqualTo(ConsumerStrategies.Assign(List.of(ORDERS_0), params))
                .isNotEqualTo(ConsumerStrategies.Subscribe(List.of("orders"), params));
    }

    @Test
    void preferFixedIsEqualByHostMapFromJavaAndScalaWhileTheOthersAreSingletons() {
        Map<TopicPartition, String> hosts = Map.of(ORDERS_0, "host-a", ORDERS_1, "host-b");

        LocationStrategy fromJava = LocationStrategies.PreferFixed(hosts);
        LocationStrategy fromScala = LocationStrategies.PreferFixed(JavaConverters.mapAsScalaMap(new HashMap<>(hosts)));

        assertThat(fromJava).isEqualTo(fromScala).hasSameHashCodeAs(fromScala)
                .isNotEqualTo(LocationStrategies.PreferFixed(Map.of(ORDERS_0, "host-a")))
                .isNotEqualTo(LocationStrategies.PreferConsistent());
        assertThat(LocationStrategies.PreferConsistent()).isSameAs(LocationStrategies.PreferConsistent())
                .isNotEqualTo(LocationStrategies.PreferBrokers());
        assertThat(LocationStrategies.PreferBrokers()).isSameAs(LocationStrategies.PreferBrokers());
    }

    @Test
    void setAuthenticationConfigIfNeededHasApachesErasedSignatureAndLeavesParamsWithoutATokenAsTheyAre()
            throws NoSuchMethodException {
        Method method = ConsumerStrategy.class.getMethod("setAuthenticationConfigIfNeeded", Map.class);
        assertThat(method.getReturnType()).isEqualTo(Map.class);
        assertThat(Modifier.isPublic(method.getModifiers())).isTrue();

        Map<String, Object> params = Map.of("bootstrap.servers", "127.0.0.1:9092", "group.id", "g");
        assertThat(ConsumerStrategies.Subscribe(List.of("orders"), params).setAuthenticationConfigIfNeeded(params))
                .isEqualTo(params);
    }

    private static scala.collection.Iterable<String> scalaList(String... topics) {
        return JavaConverters.collectionAsScalaIterable(List.of(topics));
    }
}
