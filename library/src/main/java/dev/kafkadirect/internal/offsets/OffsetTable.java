package dev.kafkadirect.internal.offsets;

import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL of the JDBC offset store: one row per stream and partition holding the offset where the
 * stream's next batch starts. Plain SQL that H2 and PostgreSQL (and most databases) accept.
 */
public final class OffsetTable implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final String name;

    /** @param name the table's name, optionally schema-qualified; letters, digits and underscores only */
    public OffsetTable(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The offset store's table name must be letters, digits and underscores"
                    + " (optionally schema.table), but was '" + name + "'");
        }
        this.name = name;
    }

    /** @return the table's name */
    public String name() {
        return name;
    }

    /** Creates the table unless it exists; commits on its own (some databases commit DDL anyway). */
    public void createIfAbsent(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + name + " ("
                    + "stream_id VARCHAR(255) NOT NULL, "
                    + "topic VARCHAR(255) NOT NULL, "
                    + "kafka_partition INTEGER NOT NULL, "
                    + "until_offset BIGINT NOT NULL, "
                    + "PRIMARY KEY (stream_id, topic, kafka_partition))");
        }
        connection.commit();
    }

    /** @return the stored offset of every partition of the stream */
    public Map<TopicPartition, Long> load(Connection connection, String streamId) throws SQLException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT topic, kafka_partition, until_offset FROM " + name + " WHERE stream_id = ?")) {
            select.setString(1, streamId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    offsets.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
        }
        return offsets;
    }

    /**
     * Moves the partition's stored offset from the range's start to its end, or inserts it when the
     * partition is not stored yet.
     *
     * @return null when done, or the stored offset that did not match the range's start
     */
    public Long advance(Connection connection, String streamId, OffsetRange range) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + name
                + " SET until_offset = ? WHERE stream_id = ? AND topic = ? AND kafka_partition = ? AND until_offset = ?")) {
            update.setLong(1, range.untilOffset());
            update.setString(2, streamId);
            update.setString(3, range.topic());
            update.setInt(4, range.partition());
            update.setLong(5, range.fromOffset());
            if (update.executeUpdate() == 1) {
                return null;
            }
        }
        Long stored = storedOffset(connection, streamId, range);
        if (stored != null) {
            return stored;
        }
        // A partition's first range; a concurrent first insert fails on the primary key.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + name
                + " (stream_id, topic, kafka_partition, until_offset) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, streamId);
            insert.setString(2, range.topic());
            insert.setInt(3, range.partition());
            insert.setLong(4, range.untilOffset());
            insert.executeUpdate();
        }
        return null;
    }

    private Long storedOffset(Connection connection, String streamId, OffsetRange range) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT until_offset FROM " + name
                + " WHERE stream_id = ? AND topic = ? AND kafka_partition = ?")) {
            select.setString(1, streamId);
            select.setString(2, range.topic());
            select.setInt(3, range.partition());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }
}
