package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache's lending rules, with real consumers (no Spark). */
class ConsumerCacheTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    private static final CacheSettings CAPACITY_4 = new CacheSettings(true, 16, 4, 0.75f);
    private final ConsumerCache cache = ConsumerCache.instance();

    @BeforeEach
    void emptyTheCache() {
        cache.closeAll();
    }

    @Test
    void consumersOfAnotherClusterOrWithOtherSettingsHaveOtherKeysAndSecretsAreNotPrinted() {
        TopicPartition partition = new TopicPartition("words", 0);
        Map<String, Object> first = Map.of("group.id", "g", "bootstrap.servers", "127.0.0.1:9092",
                "ssl.keystore.password", "s3cret");
        Map<String, Object> otherCluster = Map.of("group.id", "g", "bootstrap.servers", "127.0.0.1:19092",
                "ssl.keystore.password", "s3cret");

        assertThat(new CacheKey(first, partition)).isEqualTo(new CacheKey(new HashMap<>(first), partition))
                .isNotEqualTo(new CacheKey(otherCluster, partition))
                .hasToString("(group.id g, words-0)");
    }

    @Test
    void aReleasedConsumerIsLentAgainForTheSameKey(KafkaCluster kafka) {
        CacheKey key = new CacheKey(keyParams("reuse"), new TopicPartition("cache-reuse", 0));
        long createdBefore = ConsumerCache.consumersCreated();

        ConsumerLease<String, String> first = cache.acquire(key, executorParams(kafka), CAPACITY_4, false, 0);
        KafkaConsumer<String, String> consumer = first.consumer();
        first.release(finishedReaderOfNothing(first));
        ConsumerLease<String, String> second = cache.acquire(key, executorParams(kafka), CAPACITY_4, false, 0);

        assertThat(second.consumer()).isSameAs(consumer);
        assertThat(ConsumerCache.consumersCreated() - createdBefore).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aConsumerInUseIsNeverLentTwiceAndTheSecondTaskGetsAnotherWhichTheCacheKeepsToo(KafkaCluster kafka) {
        CacheKey key = new CacheKey(keyParams("busy"), new TopicPartition("cache-busy", 0));

        ConsumerLease<String, String> first = cache.acquire(key, executorParams(kafka), CAPACITY_4, false, 0);
        ConsumerLease<String, String> second = cache.acquire(key, executorParams(kafka), CAPACITY_4, false, 0);
        assertThat(second.consumer()).isNotSameAs(first.consumer());
        second.release(finishedReaderOfNothing(second));
        first.release(finishedReaderOfNothing(first));

        assertThat(cache.size()).isEqualTo(2);
        ConsumerLease<String, String> third = cache.acquire(key, executorParams(kafka), CAPACITY_4, false, 0);
        ConsumerLease<String, String> fourth = cache.acquire(key, executorParams(kafka), CAPACITY_4, false, 0);
        assertThat(List.of(third.consumer(), fourth.consumer()))
                .containsExactlyInAnyOrder(first.consumer(), second.consumer());
        assertThat(List.of(third.origin(), fourth.origin())).containsOnly(LeaseOrigin.CACHED);
    }

    @Test
    void atCapacityANewPartitionTakesTheLeastRecentlyUsedIdleConsumerInsteadOfCreatingOne(KafkaCluster kafka) {
        CacheSettings capacity2 = new CacheSettings(true, 16, 2, 0.75f);
        ConsumerLease<String, String> a = cache.acquire(key("a"), executorParams(kafka), capacity2, false, 0);
        ConsumerLease<String, String> b = cache.acquire(key("b"), executorParams(kafka), capacity2, false, 0);
        a.release(finishedReaderOfNothing(a));
        b.release(finishedReaderOfNothing(b));
        long createdBefore = ConsumerCache.consumersCreated();

        ConsumerLease<String, String> c = cache.acquire(key("c"), executorParams(kafka), capacity2, false, 0);

        assertThat(c.consumer()).isSameAs(a.consumer());
        assertThat(c.origin()).isEqualTo(LeaseOrigin.MOVED);
        assertThat(c.consumer().assignment()).containsExactly(new TopicPartition("cache-evict-c", 0));
        assertThat(ConsumerCache.consumersCreated()).isEqualTo(createdBefore);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.acquire(key("b"), executorParams(kafka), capacity2, false, 0).consumer()).isSameAs(b.consumer());
    }

    @Test
    void aConsumerWithAnotherConfigurationIsClosedNotMoved(KafkaCluster kafka) {
        CacheSettings capacity1 = new CacheSettings(true, 16, 1, 0.75f);
        ConsumerLease<String, String> other = cache.acquire(new CacheKey(keyParams("other"),
                new TopicPartition("cache-other", 0)), executorParams(kafka), capacity1, false, 0);
        other.release(finishedReaderOfNothing(other));

        ConsumerLease<String, String> mine = cache.acquire(key("mine"), executorParams(kafka), capacity1, false, 0);

        assertThat(mine.origin()).isEqualTo(LeaseOrigin.CREATED);
        assertThatClosed(other.consumer());
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aRetriedTaskGetsAFreshConsumerAndTheOldOneIsClosed(KafkaCluster kafka) {
        CacheKey key = new CacheKey(keyParams("retry"), new TopicPartition("cache-retry", 0));
        ConsumerLease<String, String> first = cache.acquire(key, executorParams(kafka), CAPACITY_4, false, 0);
        first.release(finishedReaderOfNothing(first));

        ConsumerLease<String, String> retried = cache.acquire(key, executorParams(kafka), CAPACITY_4, true, 0);

        assertThat(retried.consumer()).isNotSameAs(first.consumer());
        assertThatClosed(first.consumer());
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void evictionBeyondMaxCapacityClosesOnlyIdleConsumersLeastRecentlyUsedFirst(KafkaCluster kafka) {
        CacheSettings capacity2 = new CacheSettings(true, 16, 2, 0.75f);
        ConsumerLease<String, String> a = cache.acquire(key("a"), executorParams(kafka), capacity2, false, 0);
        ConsumerLease<String, String> b = cache.acquire(key("b"), executorParams(kafka), capacity2, false, 0);
        ConsumerLease<String, String> c = cache.acquire(key("c"), executorParams(kafka), capacity2, false, 0);
        assertThat(cache.size()).as("all three are in use, so none is evicted").isEqualTo(3);

        b.release(finishedReaderOfNothing(b));
        assertThatClosed(b.consumer());
        assertThat(cache.size()).isEqualTo(2);
        a.release(finishedReaderOfNothing(a));
        c.release(finishedReaderOfNothing(c));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.acquire(key("a"), executorParams(kafka), capacity2, false, 0).consumer()).isSameAs(a.consumer());
    }

    @Test
    void anInvalidatedConsumerIsClosedAndForgotten(KafkaCluster kafka) {
        CacheKey key = new CacheKey(keyParams("invalid"), new TopicPartition("cache-invalid", 0));
        ConsumerLease<String, String> lease = cache.acquire(key, executorParams(kafka), CAPACITY_4, false, 0);

        lease.invalidate();

        assertThatClosed(lease.consumer());
        assertThat(cache.size()).isZero();
    }

    @Test
    void withTheCacheDisabledEveryTaskGetsANewConsumerClosedAfterUse(KafkaCluster kafka) {
        CacheSettings disabled = new CacheSettings(false, 16, 64, 0.75f);
        CacheKey key = new CacheKey(keyParams("disabled"), new TopicPartition("cache-disabled", 0));
        ConsumerLease<String, String> first = cache.acquire(key, executorParams(kafka), disabled, false, 0);
        first.release(finishedReaderOfNothing(first));
        ConsumerLease<String, String> second = cache.acquire(key, executorParams(kafka), disabled, false, 0);

        assertThat(second.consumer()).isNotSameAs(first.consumer());
        assertThatClosed(first.consumer());
        assertThat(cache.size()).isZero();
    }

    @Test
    void badCacheSettingsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> new CacheSettings(true, 16, -1, 0.75f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spark.streaming.kafka.consumer.cache.maxCapacity must be > 0 but was -1");
        assertThatThrownBy(() -> new CacheSettings(true, 0, 64, 0.75f))
                .hasMessage("spark.streaming.kafka.consumer.cache.initialCapacity must be > 0 but was 0");
        assertThatThrownBy(() -> new CacheSettings(true, 16, 64, 1.5f))
                .hasMessage("spark.streaming.kafka.consumer.cache.loadFactor must be > 0 and <= 1 but was 1.5");
    }

    private static CacheKey key(String name) {
        return new CacheKey(keyParams("evict"), new TopicPartition("cache-evict-" + name, 0));
    }

    private static Map<String, Object> keyParams(String groupId) {
        return Map.of("group.id", groupId);
    }

    private static Map<String, Object> executorParams(KafkaCluster kafka) {
        return ExecutorKafkaParams.adjust(kafka.stringConsumerConfig("cache-test"));
    }

    /** A reader of an empty range: finished at once, without touching the broker. */
    private static RangeReader<String, String> finishedReaderOfNothing(ConsumerLease<String, String> lease) {
        return new RangeReader<>(lease.consumer(), OffsetRange.create("nothing", 0, 0, 0),
                new ReadSettings(1000, false, true, CAPACITY_4), CarriedOver.nothing(), skipped -> { });
    }

    private static void assertThatClosed(KafkaConsumer<String, String> consumer) {
        assertThatThrownBy(() -> consumer.poll(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
