package guide;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The "your own data store" of the guide, made real: an H2 database holding results and the offsets they
 * came from, written together in one transaction per batch.
 */
public final class OffsetsDatabase implements AutoCloseable {
    private final Connection connection;

    /** @param name the in-memory database's name; the tables are created empty */
    public OffsetsDatabase(String name) throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS offsets");
            statement.execute("DROP TABLE IF EXISTS results");
            statement.execute("CREATE TABLE offsets (topic VARCHAR NOT NULL, \"partition\" INT NOT NULL,"
                    + " \"offset\" BIGINT NOT NULL, PRIMARY KEY (topic, \"partition\"))");
            statement.execute("CREATE TABLE results (\"value\" VARCHAR NOT NULL)");
        }
        connection.setAutoCommit(false);
    }

    public void seed(String topic, int partition, long offset) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO offsets VALUES (?, ?, ?)")) {
            insert.setString(1, topic);
            insert.setInt(2, partition);
            insert.setLong(3, offset);
            insert.executeUpdate();
        }
        connection.commit();
    }

    /** @return the stored offsets, as JDBC returns them (the caller closes the result set's statement) */
    public ResultSet selectOffsets() throws SQLException {
        return connection.createStatement().executeQuery("SELECT topic, \"partition\", \"offset\" FROM offsets");
    }

    public void insertResults(List<String> values) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO results VALUES (?)")) {
            for (String value : values) {
                insert.setString(1, value);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Moves a partition's offset from {@code from} to {@code until}, only where the stored end equals
     * {@code from}.
     *
     * @return the rows updated: 1 when the batch follows the stored offsets, 0 when it repeats or skips
     */
    public int advance(String topic, int partition, long from, long until) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE offsets SET \"offset\" = ? WHERE topic = ? AND \"partition\" = ? AND \"offset\" = ?")) {
            update.setLong(1, until);
            update.setString(2, topic);
            update.setInt(3, partition);
            update.setLong(4, from);
            return update.executeUpdate();
        }
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    public void rollback() throws SQLException {
        connection.rollback();
    }

    public List<String> results() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"value\" FROM results")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    public long offsetOf(String topic, int partition) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT \"offset\" FROM offsets WHERE topic = ? AND \"partition\" = ?")) {
            select.setString(1, topic);
            select.setInt(2, partition);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
