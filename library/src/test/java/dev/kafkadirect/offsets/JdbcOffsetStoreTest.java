package dev.kafkadirect.offsets;

import dev.kafkadirect.testing.TestDatabase;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC offset store on real databases: the table, the continuity rule, rollbacks and repeats. */
class JdbcOffsetStoreTest {
    private static final TopicPartition WORDS_0 = new TopicPartition("words", 0);
    private static final TopicPartition WORDS_1 = new TopicPartition("words", 1);

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNewStreamHasNoStoredOffsetsAndEachCommittedBatchMovesThemToItsUntilOffsets(TestDatabase database)
            throws Exception {
        JdbcOffsetStore store = JdbcOffsetStore.create(database.newDatabaseUrl(), "wordcount_offsets");
        assertThat(store.load("wordcount")).isEmpty();

        assertThat(store.runInTransaction("wordcount", new OffsetRange[] {
                OffsetRange.create(WORDS_0, 0, 10), OffsetRange.create(WORDS_1, 5, 7)}, connection -> { }))
                .isEqualTo(BatchOutcome.STORED);
        assertThat(store.runInTransaction("wordcount", new OffsetRange[] {
                OffsetRange.create(WORDS_0, 10, 25), OffsetRange.create(WORDS_1, 7, 7)}, connection -> { }))
                .isEqualTo(BatchOutcome.STORED);

        assertThat(store.load("wordcount")).isEqualTo(Map.of(WORDS_0, 25L, WORDS_1, 7L));
        assertThat(store.load("another-stream")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theWorkAndTheOffsetsCommitTogether(TestDatabase database) throws Exception {
        String url = database.newDatabaseUrl();
        TestDatabase.execute(url, "CREATE TABLE results (word VARCHAR(50), n INTEGER)");
        JdbcOffsetStore store = JdbcOffsetStore.create(url);

        store.runInTransaction("s", new OffsetRange[] {OffsetRange.create(WORDS_0, 0, 3)},
                connection -> insertResult(connection, "a", 3));
        assertThatThrownBy(() -> store.runInTransaction("s", new OffsetRange[] {OffsetRange.create(WORDS_0, 3, 5)},
                connection -> {
                    insertResult(connection, "b", 2);
                    throw new IllegalStateException("the executor failed after writing");
                })).isInstanceOf(IllegalStateException.class).hasMessage("the executor failed after writing");

        assertThat(TestDatabase.queryLong(url, "SELECT COUNT(*) FROM results")).isEqualTo(1);
        assertThat(store.load("s")).isEqualTo(Map.of(WORDS_0, 3L));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRangeThatRepeatsStoredOffsetsRollsBackNamingThePartitionAndBothOffsets(TestDatabase database)
            throws Exception {
        String url = database.newDatabaseUrl();
        TestDatabase.execute(url, "CREATE TABLE results (word VARCHAR(50), n INTEGER)");
        JdbcOffsetStore store = JdbcOffsetStore.create(url);
        store.runInTransaction("s", new OffsetRange[] {OffsetRange.create(WORDS_1, 0, 120)}, connection -> { });

        assertThatThrownBy(() -> store.runInTransaction("s", new OffsetRange[] {OffsetRange.create(WORDS_1, 100, 130)},
                connection -> insertResult(connection, "x", 1)))
                .isInstanceOfSatisfying(OffsetMismatchException.class, mismatch -> {
                    assertThat(mismatch.topicPartition()).isEqualTo(WORDS_1);
                    assertThat(mismatch.storedOffset()).isEqualTo(120);
                    assertThat(mismatch.fromOffset()).isEqualTo(100);
                })
                .hasMessageContaining("holds offset 120 for words-1, but the batch's range for words-1 starts at 100")
                .hasMessageContaining("offsets 100 to 119 were applied before and would be applied twice");

        assertThat(TestDatabase.queryLong(url, "SELECT COUNT(*) FROM results")).isZero();
        assertThat(store.load("s")).isEqualTo(Map.of(WORDS_1, 120L));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRangeThatSkipsOffsetsIsRefusedByTheLowLevelCommitToo(TestDatabase database) throws Exception {
        JdbcOffsetStore store = JdbcOffsetStore.create(database.newDatabaseUrl());
        store.runInTransaction("s", new OffsetRange[] {OffsetRange.create(WORDS_0, 0, 50)}, connection -> { });

        try (Connection transaction = store.connect()) {
            assertThatThrownBy(() -> store.commit(transaction, "s", OffsetRange.create(WORDS_0, 60, 70)))
                    .isInstanceOf(OffsetMismatchException.class)
                    .hasMessageContaining("holds offset 50 for words-0, but the batch's range for words-0 starts at 60")
                    .hasMessageContaining("offsets 50 to 59 were never applied and would be skipped");
            transaction.rollback();
        }
        assertThat(store.load("s")).isEqualTo(Map.of(WORDS_0, 50L));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchRunAgainAfterItCommittedIsSkippedWithoutRunningItsWork(TestDatabase database) throws Exception {
        JdbcOffsetStore store = JdbcOffsetStore.create(database.newDatabaseUrl());
        OffsetRange[] batch = {OffsetRange.create(WORDS_0, 0, 10), OffsetRange.create(WORDS_1, 0, 0)};
        AtomicInteger workRuns = new AtomicInteger();

        assertThat(store.runInTransaction("s", batch, connection -> workRuns.incrementAndGet()))
                .isEqualTo(BatchOutcome.STORED);
        assertThat(store.runInTransaction("s", batch, connection -> workRuns.incrementAndGet()))
                .isEqualTo(BatchOutcome.ALREADY_STORED);

        assertThat(workRuns).hasValue(1);
        assertThat(store.load("s")).isEqualTo(Map.of(WORDS_0, 10L, WORDS_1, 0L));
    }

    @Test
    void aBatchOnlyPartlyStoredIsAMismatchNotARepeat() throws Exception {
        JdbcOffsetStore store = JdbcOffsetStore.create(TestDatabase.H2.newDatabaseUrl());
        store.runInTransaction("s", new OffsetRange[] {OffsetRange.create(WORDS_0, 0, 10)}, connection -> { });

        assertThatThrownBy(() -> store.runInTransaction("s", new OffsetRange[] {
                OffsetRange.create(WORDS_1, 0, 5), OffsetRange.create(WORDS_0, 0, 10)}, connection -> { }))
                .isInstanceOf(OffsetMismatchException.class)
                .hasMessageContaining("holds offset 10 for words-0, but the batch's range for words-0 starts at 0");
        assertThat(store.load("s")).isEqualTo(Map.of(WORDS_0, 10L));
    }

    @Test
    void theSubRangesOfASplitBatchAreStoredAsOneRangePerPartition() throws Exception {
        JdbcOffsetStore store = JdbcOffsetStore.create(TestDatabase.H2.newDatabaseUrl());
        OffsetRange[] splitBatch = {OffsetRange.create(WORDS_0, 0, 50), OffsetRange.create(WORDS_0, 50, 100),
                OffsetRange.create(WORDS_1, 0, 7)};

        assertThat(store.runInTransaction("s", splitBatch, connection -> { })).isEqualTo(BatchOutcome.STORED);
        assertThat(store.runInTransaction("s", splitBatch, connection -> { })).isEqualTo(BatchOutcome.ALREADY_STORED);
        assertThat(store.load("s")).isEqualTo(Map.of(WORDS_0, 100L, WORDS_1, 7L));
    }

    @Test
    void passwordsNeverAppearInDescriptionsOrErrors() {
        Properties properties = new Properties();
        properties.setProperty("user", "app");
        properties.setProperty("password", "s3cret-prop");
        JdbcOffsetStore store = JdbcOffsetStore.create("jdbc:h2:mem:nowhere;IFEXISTS=TRUE;password=s3cret-url",
                properties, "offsets");

        assertThat(store.toString()).doesNotContain("s3cret").contains("password=***");
        assertThatThrownBy(() -> store.load("s"))
                .isInstanceOf(OffsetStoreException.class)
                .hasMessageStartingWith("Offset store table offsets at jdbc:h2:mem:nowhere;IFEXISTS=TRUE;password=***")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void badArgumentsAreRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> JdbcOffsetStore.create("jdbc:h2:mem:x", "offsets; DROP TABLE users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The offset store's table name must be letters, digits and underscores (optionally"
                        + " schema.table), but was 'offsets; DROP TABLE users'");
        assertThatThrownBy(() -> JdbcOffsetStore.create("postgresql://db/app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An offset store needs a JDBC URL starting with jdbc:, but got postgresql://db/app");
        assertThatThrownBy(() -> JdbcOffsetStore.create("jdbc:h2:mem:x").load(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An offset store needs a stream id (the name its offsets are stored under), but it was empty");
    }

    private static void insertResult(Connection connection, String word, int count) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO results VALUES (?, ?)")) {
            insert.setString(1, word);
            insert.setInt(2, count);
            insert.executeUpdate();
        }
    }
}
