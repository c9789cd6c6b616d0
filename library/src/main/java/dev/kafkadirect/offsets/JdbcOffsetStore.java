package dev.kafkadirect.offsets;

import dev.kafkadirect.internal.offsets.JdbcConnections;
import dev.kafkadirect.internal.offsets.OffsetTable;
import dev.kafkadirect.internal.offsets.RangeCheck;
import dev.kafkadirect.internal.split.RangeSplit;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offsets stored in a table of the user's own database, written in the same JDBC transaction as the
 * results. Tested on PostgreSQL and H2; the SQL is plain enough for most databases. The table
 * ({@value #DEFAULT_TABLE} unless named) is created on first use when absent.
 *
 * <p>Results collected to the driver, written in one transaction per batch:
 * <pre>{@code
 * JdbcOffsetStore store = JdbcOffsetStore.create("jdbc:postgresql://db/app?user=app", "wordcount_offsets");
 * JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(jssc,
 *     LocationStrategies.PreferConsistent(),
 *     OffsetStoreStrategies.subscribe(store, "wordcount", topics, kafkaParams));
 * stream.foreachRDD(rdd -> {
 *     OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
 *     Map<String, Long> counts = rdd.map(ConsumerRecord::value).countByValue();
 *     store.runInTransaction("wordcount", offsetRanges, connection -> addCounts(connection, counts));
 * });
 * }</pre>
 *
 * <p>Or one transaction per partition, on the executors:
 * <pre>{@code
 * rdd.foreachPartition(records -> {
 *     OffsetRange range = offsetRanges[TaskContext.get().partitionId()];
 *     store.runInTransaction("wordcount", new OffsetRange[] {range}, connection -> write(connection, records));
 * });
 * }</pre>
 *
 * <p>The store is serializable (URL, properties and table name; a password is never printed) and holds no
 * connection between calls; it is safe to use from many threads.
 */
public final class JdbcOffsetStore implements OffsetStore<Connection> {
    /** The table used when none is named. */
    public static final String DEFAULT_TABLE = "kafka_direct_offsets";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcOffsetStore.class);

    /** Tables known to exist in this JVM (URL and table), so tasks do not repeat the CREATE. */
    private static final Set<String> READY_TABLES = ConcurrentHashMap.newKeySet();

    private final JdbcConnections connections;
    private final OffsetTable table;

    private JdbcOffsetStore(JdbcConnections connections, OffsetTable table) {
        this.connections = connections;
        this.table = table;
    }

    /** @return a store in table {@value #DEFAULT_TABLE} of the database at the URL */
    public static JdbcOffsetStore create(String jdbcUrl) {
        return create(jdbcUrl, new Properties(), DEFAULT_TABLE);
    }

    /** @return a store in the named table of the database at the URL */
    public static JdbcOffsetStore create(String jdbcUrl, String tableName) {
        return create(jdbcUrl, new Properties(), tableName);
    }

    /**
     * @param jdbcUrl the database's JDBC URL
     * @param connectionProperties properties for the driver, such as {@code user} and {@code password}
     * @param tableName the offsets table, letters, digits and underscores, optionally {@code schema.table}
     * @return a store; nothing is connected until it is used
     */
    public static JdbcOffsetStore create(String jdbcUrl, Properties connectionProperties, String tableName) {
        return new JdbcOffsetStore(new JdbcConnections(jdbcUrl, connectionProperties), new OffsetTable(tableName));
    }

    /**
     * @return a new connection to the store's database with auto-commit off, for callers that manage their
     *         own transaction and call {@link #commit}; the caller closes it
     */
    public Connection connect() {
        ensureTable();
        try {
            return connections.open();
        } catch (SQLException e) {
            throw failure("could not connect", e);
        }
    }

    @Override
    public Map<TopicPartition, Long> load(String streamId) {
        requireStreamId(streamId);
        try (Connection connection = connect()) {
            Map<TopicPartition, Long> offsets = table.load(connection, streamId);
            connection.commit();
            return offsets;
        } catch (SQLException e) {
            throw failure("could not load the offsets of stream '" + streamId + "'", e);
        }
    }

    @Override
    public void commit(Connection transaction, String streamId, OffsetRange... ranges) {
        requireStreamId(streamId);
        ensureTable();
        for (OffsetRange range : RangeSplit.joined(ranges)) {
            Long mismatched;
            try {
                mismatched = table.advance(transaction, streamId, range);
            } catch (SQLException e) {
                throw failure("could not store " + range + " of stream '" + streamId + "'", e);
            }
            if (mismatched != null) {
                throw RangeCheck.mismatch(describe(streamId), mismatched, range);
            }
        }
    }

    /**
     * Runs the work and commits the ranges in one transaction on a new connection, then closes it. If the
     * store already holds every range (the batch or task ran before and committed), the work is skipped and
     * a warning logged; if any range does not continue the stored offsets, nothing is written.
     *
     * @param streamId the stream's name in the store
     * @param batchRanges the ranges whose records the work writes: a batch's (sub-ranges of split partitions
     *        are joined), or one partition's
     * @param work the writes
     * @return whether the work ran and was committed, or had been already
     * @throws OffsetMismatchException when a range repeats part of a stored one or skips offsets; rolled back
     * @throws OffsetStoreException when the database fails; rolled back
     * @throws RuntimeException what the work threw (checked exceptions wrapped); rolled back
     */
    public BatchOutcome runInTransaction(String streamId, OffsetRange[] batchRanges, JdbcWork work) {
        requireStreamId(streamId);
        OffsetRange[] ranges = RangeSplit.joined(batchRanges);
        try (Connection connection = connect()) {
            try {
                if (alreadyStored(connection, streamId, ranges)) {
                    connection.rollback();
                    LOG.warn("The ranges {} of stream '{}' are already in {}; a repeated batch or task was skipped",
                            Arrays.toString(ranges), streamId, describe(streamId));
                    return BatchOutcome.ALREADY_STORED;
                }
                work.run(connection);
                commit(connection, streamId, ranges);
                connection.commit();
                return BatchOutcome.STORED;
            } catch (Exception e) {
                rollBack(connection, e);
                if (e instanceof RuntimeException) {
                    throw (RuntimeException) e;
                }
                throw new OffsetStoreException("The work of stream '" + streamId + "' for " + Arrays.toString(ranges)
                        + " failed and was rolled back: " + e, e);
            }
        } catch (SQLException e) {
            throw failure("could not close its connection", e);
        }
    }

    /** True when every non-empty range is already stored; throws when the ranges neither continue nor repeat the store. */
    private boolean alreadyStored(Connection connection, String streamId, OffsetRange[] ranges) throws SQLException {
        Map<TopicPartition, Long> stored = table.load(connection, streamId);
        List<OffsetRange> applied = new ArrayList<>();
        int nonEmpty = 0;
        for (OffsetRange range : ranges) {
            Long position = stored.get(range.topicPartition());
            RangeCheck.Verdict verdict = RangeCheck.verdict(position, range);
            if (verdict == RangeCheck.Verdict.MISMATCH) {
                throw RangeCheck.mismatch(describe(streamId), position, range);
            }
            if (verdict == RangeCheck.Verdict.ALREADY_APPLIED) {
                applied.add(range);
            }
            if (range.count() > 0) {
                nonEmpty++;
            }
        }
        if (!applied.isEmpty() && applied.size() < nonEmpty) {
            OffsetRange repeated = applied.get(0);
            throw RangeCheck.mismatch(describe(streamId), stored.get(repeated.topicPartition()), repeated);
        }
        return nonEmpty > 0 && applied.size() == nonEmpty;
    }

    private void ensureTable() {
        String key = connections.describe() + " " + table.name();
        if (READY_TABLES.contains(key)) {
            return;
        }
        try (Connection connection = connections.open()) {
            table.createIfAbsent(connection);
            READY_TABLES.add(key);
        } catch (SQLException e) {
            throw failure("could not create its table", e);
        }
    }

    private static void rollBack(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void requireStreamId(String streamId) {
        if (streamId == null || streamId.isEmpty()) {
            throw new IllegalArgumentException("An offset store needs a stream id (the name its offsets are stored"
                    + " under), but it was " + (streamId == null ? "null" : "empty"));
        }
    }

    private String describe(String streamId) {
        return "Offset store table " + table.name() + " at " + connections.describe() + " (stream '" + streamId + "')";
    }

    private OffsetStoreException failure(String what, SQLException cause) {
        return new OffsetStoreException("Offset store table " + table.name() + " at " + connections.describe() + " "
                + what + ": " + cause.getMessage(), cause);
    }

    @Override
    public String toString() {
        return "JdbcOffsetStore(" + table.name() + " at " + connections.describe() + ")";
    }
}
