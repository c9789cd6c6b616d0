package dev.kafkadirect.examples.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * The word count's results: one row per stream and word, in plain SQL that H2 and PostgreSQL accept. Counts
 * are added inside the offset store's transaction, so a batch's counts and offsets commit together.
 */
public final class WordCountTable {
    static final String NAME = "kafka_direct_demo_counts";

    private WordCountTable() {
    }

    /** Creates the table unless it exists, and commits. */
    static void createIfAbsent(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + NAME + " (stream_id VARCHAR(255) NOT NULL,"
                    + " word VARCHAR(255) NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (stream_id, word))");
        }
        connection.commit();
    }

    /** Adds a batch's counts to the stream's totals, on the caller's transaction. */
    static void add(Connection connection, String streamId, Map<String, Long> counts) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + NAME + " SET n = n + ? WHERE stream_id = ? AND word = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + NAME + " (stream_id, word, n) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                update.setLong(1, count.getValue());
                update.setString(2, streamId);
                update.setString(3, count.getKey());
                if (update.executeUpdate() == 0) {
                    insert.setString(1, streamId);
                    insert.setString(2, count.getKey());
                    insert.setLong(3, count.getValue());
                    insert.executeUpdate();
                }
            }
        }
    }

    /** @return the stream's totals, in alphabetical order */
    static Map<String, Long> totals(Connection connection, String streamId) throws SQLException {
        Map<String, Long> totals = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT word, n FROM " + NAME + " WHERE stream_id = ?")) {
            select.setString(1, streamId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return totals;
    }
}
