package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.testing.CapturedOutput;
import dev.kafkadirect.testing.MockConsumers;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The cache's lending rules, on a cache of Kafka's {@code MockConsumer}s (no broker, no Spark). */
class ConsumerCacheTest {
    private static final CacheSettings CAPACITY_4 = new CacheSettings(true, 16, 4, 0.75f);
    private static final Map<String, Object> EXECUTOR_PARAMS = Map.of("group.id", "spark-executor-cache-test");
    private final MockConsumers factory = new MockConsumers();
    private final ConsumerCache cache = ConsumerCache.using(factory);

    @AfterEach
    void closeTheCache() {
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
    void aReleasedConsumerIsLentAgainForTheSameKey() {
        CacheKey key = new CacheKey(keyParams("reuse"), new TopicPartition("cache-reuse", 0));
        ConsumerLease<String, String> first = cache.acquire(key, EXECUTOR_PARAMS, CAPACITY_4, false, 0);
        Consumer<String, String> consumer = first.consumer();
        first.release(finishedReaderOfNothing(first), false);
        ConsumerLease<String, String> second = cache.acquire(key, EXECUTOR_PARAMS, CAPACITY_4, false, 0);

        assertThat(second.consumer()).isSameAs(consumer);
        assertThat(factory.createdCount()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aConsumerInUseIsNeverLentTwiceAndTheSecondTaskGetsAnotherWhichTheCacheKeepsToo() {
        CacheKey key = new CacheKey(keyParams("busy"), new TopicPartition("cache-busy", 0));

        ConsumerLease<String, String> first = cache.acquire(key, EXECUTOR_PARAMS, CAPACITY_4, false, 0);
        ConsumerLease<String, String> second = cache.acquire(key, EXECUTOR_PARAMS, CAPACITY_4, false, 0);
        assertThat(second.consumer()).isNotSameAs(first.consumer());
        second.release(finishedReaderOfNothing(second), false);
        first.release(finishedReaderOfNothing(first), false);

        assertThat(cache.size()).isEqualTo(2);
        ConsumerLease<String, String> third = cache.acquire(key, EXECUTOR_PARAMS, CAPACITY_4, false, 0);
        ConsumerLease<String, String> fourth = cache.acquire(key, EXECUTOR_PARAMS, CAPACITY_4, false, 0);
        assertThat(List.of(third.consumer(), fourth.consumer()))
                .containsExactlyInAnyOrder(first.consumer(), second.consumer());
        assertThat(List.of(third.origin(), fourth.origin())).containsOnly(LeaseOrigin.CACHED);
    }

    @Test
    void atCapacityANewPartitionTakesTheLeastRecentlyUsedIdleConsumerInsteadOfCreatingOne() {
        CacheSettings capacity2 = new CacheSettings(true, 16, 2, 0.75f);
        ConsumerLease<String, String> a = cache.acquire(key("a"), EXECUTOR_PARAMS, capacity2, false, 0);
        ConsumerLease<String, String> b = cache.acquire(key("b"), EXECUTOR_PARAMS, capacity2, false, 0);
        a.release(finishedReaderOfNothing(a), false);
        b.release(finishedReaderOfNothing(b), false);
        ConsumerLease<String, String> c = cache.acquire(key("c"), EXECUTOR_PARAMS, capacity2, false, 0);

        assertThat(c.consumer()).isSameAs(a.consumer());
        assertThat(c.origin()).isEqualTo(LeaseOrigin.MOVED);
        assertThat(c.consumer().assignment()).containsExactly(new TopicPartition("cache-evict-c", 0));
        assertThat(factory.createdCount()).as("a and b only").isEqualTo(2);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.acquire(key("b"), EXECUTOR_PARAMS, capacity2, false, 0).consumer()).isSameAs(b.consumer());
    }

    @Test
    void aConsumerWithAnotherConfigurationIsClosedNotMoved() {
        CacheSettings capacity1 = new CacheSettings(true, 16, 1, 0.75f);
        ConsumerLease<String, String> other = cache.acquire(new CacheKey(keyParams("other"),
                new TopicPartition("cache-other", 0)), EXECUTOR_PARAMS, capacity1, false, 0);
        other.release(finishedReaderOfNothing(other), false);

        ConsumerLease<String, String> mine = cache.acquire(key("mine"), EXECUTOR_PARAMS, capacity1, false, 0);

        assertThat(mine.origin()).isEqualTo(LeaseOrigin.CREATED);
        assertThatClosed(other.consumer());
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void atCapacityTheLeastRecentlyUsedConsumerOfAnotherConfigurationGivesWayNotAMoreRecentOneOfThisConfiguration() {
        CacheSettings capacity2 = new CacheSettings(true, 16, 2, 0.75f);
        ConsumerLease<String, String> earlierGroup = cache.acquire(new CacheKey(keyParams("earlier-group"),
                new TopicPartition("cache-evict-a", 0)), EXECUTOR_PARAMS, capacity2, false, 0);
        earlierGroup.release(finishedReaderOfNothing(earlierGroup), false);
        ConsumerLease<String, String> a = cache.acquire(key("a"), EXECUTOR_PARAMS, capacity2, false, 0);
        a.release(finishedReaderOfNothing(a), false);

        ConsumerLease<String, String> b = cache.acquire(key("b"), EXECUTOR_PARAMS, capacity2, false, 0);

        assertThat(b.origin()).isEqualTo(LeaseOrigin.CREATED);
        assertThat(b.consumer()).isNotSameAs(a.consumer());
        assertThatClosed(earlierGroup.consumer());
        assertThat(cache.size()).isEqualTo(2);
        ConsumerLease<String, String> aAgain = cache.acquire(key("a"), EXECUTOR_PARAMS, capacity2, false, 0);
        assertThat(aAgain.consumer()).as("a's consumer stayed on a").isSameAs(a.consumer());
        assertThat(aAgain.origin()).isEqualTo(LeaseOrigin.CACHED);
    }

    @Test
    void theCapacityWarningSaysWhetherThisStreamsPartitionsOrOtherKafkaParamsFilledTheCache() {
        CacheSettings capacity1 = new CacheSettings(true, 16, 1, 0.75f);
        try (CapturedOutput output = CapturedOutput.start()) {
            ConsumerLease<String, String> other = cache.acquire(new CacheKey(keyParams("earlier-stream"),
                    new TopicPartition("cache-warn", 0)), EXECUTOR_PARAMS, capacity1, false, 0);
            other.release(finishedReaderOfNothing(other), false);
            ConsumerLease<String, String> a = cache.acquire(key("a"), EXECUTOR_PARAMS, capacity1, false, 0);
            assertThat(output.text()).contains("This executor's consumer cache is full"
                    + " (spark.streaming.kafka.consumer.cache.maxCapacity=1), partly with consumers of other kafkaParams")
                    .doesNotContain("reads more Kafka partitions");

            ConsumerLease<String, String> b = cache.acquire(key("b"), EXECUTOR_PARAMS, capacity1, false, 0);
            a.release(finishedReaderOfNothing(a), false);
            b.release(finishedReaderOfNothing(b), false);
            assertThat(output.text()).containsOnlyOnce("This executor reads more Kafka partitions at once than"
                    + " spark.streaming.kafka.consumer.cache.maxCapacity=1 allows, so it closes consumers between batches");
        }
    }

    @Test
    void aRetriedTaskGetsAFreshConsumerAndTheOldOneIsClosed() {
        CacheKey key = new CacheKey(keyParams("retry"), new TopicPartition("cache-retry", 0));
        ConsumerLease<String, String> first = cache.acquire(key, EXECUTOR_PARAMS, CAPACITY_4, false, 0);
        first.release(finishedReaderOfNothing(first), false);

        ConsumerLease<String, String> retried = cache.acquire(key, EXECUTOR_PARAMS, CAPACITY_4, true, 0);

        assertThat(retried.consumer()).isNotSameAs(first.consumer());
        assertThatClosed(first.consumer());
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void evictionBeyondMaxCapacityClosesOnlyIdleConsumersLeastRecentlyUsedFirst() {
        CacheSettings capacity2 = new CacheSettings(true, 16, 2, 0.75f);
        ConsumerLease<String, String> a = cache.acquire(key("a"), EXECUTOR_PARAMS, capacity2, false, 0);
        ConsumerLease<String, String> b = cache.acquire(key("b"), EXECUTOR_PARAMS, capacity2, false, 0);
        ConsumerLease<String, String> c = cache.acquire(key("c"), EXECUTOR_PARAMS, capacity2, false, 0);
        assertThat(cache.size()).as("all three are in use, so none is evicted").isEqualTo(3);

        b.release(finishedReaderOfNothing(b), false);
        assertThatClosed(b.consumer());
        assertThat(cache.size()).isEqualTo(2);
        a.release(finishedReaderOfNothing(a), false);
        c.release(finishedReaderOfNothing(c), false);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.acquire(key("a"), EXECUTOR_PARAMS, capacity2, false, 0).consumer()).isSameAs(a.consumer());
    }

    @Test
    void anInvalidatedConsumerIsClosedAndForgotten() {
        CacheKey key = new CacheKey(keyParams("invalid"), new TopicPartition("cache-invalid", 0));
        ConsumerLease<String, String> lease = cache.acquire(key, EXECUTOR_PARAMS, CAPACITY_4, false, 0);

        lease.invalidate();

        assertThatClosed(lease.consumer());
        assertThat(cache.size()).isZero();
    }

    @Test
    void withTheCacheDisabledEveryTaskGetsANewConsumerClosedAfterUse() {
        CacheSettings disabled = new CacheSettings(false, 16, 64, 0.75f);
        CacheKey key = new CacheKey(keyParams("disabled"), new TopicPartition("cache-disabled", 0));
        ConsumerLease<String, String> first = cache.acquire(key, EXECUTOR_PARAMS, disabled, false, 0);
        first.release(finishedReaderOfNothing(first), false);
        ConsumerLease<String, String> second = cache.acquire(key, EXECUTOR_PARAMS, disabled, false, 0);

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

    @Test
    void consumersIdleLongerThanTheirTimeoutAreClosedAndTheOthersStay() {
        AtomicLong now = new AtomicLong();
        ConsumerCache timed = ConsumerCache.using(factory, now::get);
        CacheSettings oneSecond = new CacheSettings(true, 16, 4, 0.75f, 1_000);
        CacheKey quiet = new CacheKey(keyParams("idle"), new TopicPartition("cache-idle-quiet", 0));
        CacheKey busy = new CacheKey(keyParams("idle"), new TopicPartition("cache-idle-busy", 0));
        CacheKey untimed = new CacheKey(keyParams("idle"), new TopicPartition("cache-idle-untimed", 0));
        ConsumerLease<String, String> quietLease = timed.acquire(quiet, EXECUTOR_PARAMS, oneSecond, false, 0);
        ConsumerLease<String, String> busyLease = timed.acquire(busy, EXECUTOR_PARAMS, oneSecond, false, 0);
        ConsumerLease<String, String> untimedLease = timed.acquire(untimed, EXECUTOR_PARAMS, CAPACITY_4, false, 0);
        quietLease.release(finishedReaderOfNothing(quietLease), false);
        untimedLease.release(finishedReaderOfNothing(untimedLease), false);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
        assertThat(timed.closeExpiredIdle()).as("idle for 999 ms of 1,000").isZero();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(timed.closeExpiredIdle()).isEqualTo(1);

        assertThatClosed(quietLease.consumer());
        assertThat(timed.size()).as("the busy one is in use, the untimed one has no timeout").isEqualTo(2);
        busyLease.release(finishedReaderOfNothing(busyLease), false);
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        assertThat(timed.closeExpiredIdle()).isEqualTo(1);
        assertThatClosed(busyLease.consumer());
        ConsumerLease<String, String> again = timed.acquire(quiet, EXECUTOR_PARAMS, oneSecond, false, 0);
        assertThat(again.consumer()).isNotSameAs(quietLease.consumer());
        assertThat(again.origin()).isEqualTo(LeaseOrigin.CREATED);
        timed.closeAll();
    }

    @Test
    void theJvmsCacheClosesIdleConsumersByItselfWhenTheirTimeoutPasses() {
        ConsumerCache jvmLike = ConsumerCache.usingItsOwnThread(factory);
        CacheKey key = new CacheKey(keyParams("idle-thread"), new TopicPartition("cache-idle-thread", 0));
        ConsumerLease<String, String> lease = jvmLike.acquire(key, EXECUTOR_PARAMS,
                new CacheSettings(true, 16, 4, 0.75f, 200), false, 0);
        lease.release(finishedReaderOfNothing(lease), false);

        await().atMost(Duration.ofSeconds(10)).until(() -> jvmLike.size() == 0);
        assertThatClosed(lease.consumer());
    }

    private static Map<String, Object> keyParams(String groupId) {
        return Map.of("group.id", groupId);
    }

    @Test
    void aConsumerWhoseRangeAnotherTaskReadsOnFromKeepsNothingFetchedAheadButStaysAssignedAndCached() {
        TopicPartition partition = new TopicPartition("nothing", 0);
        CacheKey key = new CacheKey(keyParams("read-on"), partition);
        ConsumerLease<String, String> splitLease = cache.acquire(key, EXECUTOR_PARAMS, CAPACITY_4, false, 0);
        Consumer<String, String> consumer = splitLease.consumer();
        splitLease.release(finishedReaderOfNothing(splitLease), true);

        ConsumerLease<String, String> next = cache.acquire(key, EXECUTOR_PARAMS, CAPACITY_4, false, 0);
        assertThat(next.consumer()).isSameAs(consumer);
        assertThat(consumer.assignment()).containsExactly(partition);
        assertThat(next.carriedOverFor(0).positioned()).as("must seek: it dropped what it had fetched").isFalse();
        next.release(finishedReaderOfNothing(next), false);

        ConsumerLease<String, String> continuing = cache.acquire(key, EXECUTOR_PARAMS, CAPACITY_4, false, 0);
        assertThat(continuing.carriedOverFor(0).positioned()).as("the last range of a partition goes on").isTrue();
        assertThat(factory.createdCount()).isEqualTo(1);
    }

    /** A reader of an empty range: finished at once, without touching the broker. */
    private static RangeReader<String, String> finishedReaderOfNothing(ConsumerLease<String, String> lease) {
        return new RangeReader<>(lease.consumer(), OffsetRange.create("nothing", 0, 0, 0),
                new ReadSettings(1000, false, true, CAPACITY_4), CarriedOver.nothing(), skipped -> { });
    }

    private static void assertThatClosed(Consumer<String, String> consumer) {
        assertThatThrownBy(() -> consumer.poll(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
