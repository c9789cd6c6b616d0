package dev.kafkadirect.testing;

import dev.kafkadirect.testkit.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The databases the offset stores are tested on: H2 in this JVM, and a real PostgreSQL server started once
 * per test JVM from the embedded binaries (stopped when the JVM exits). Each call to {@link #newDatabaseUrl()}
 * gives a test a database of its own (H2) or a fresh schema (PostgreSQL).
 */
public enum TestDatabase {
    H2 {
        @Override
        public String newDatabaseUrl() {
            return "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
    },
    POSTGRESQL {
        @Override
        public String newDatabaseUrl() throws SQLException {
            String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection connection = DriverManager.getConnection(SharedPostgres.SERVER.jdbcUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            return SharedPostgres.SERVER.jdbcUrl() + "&currentSchema=" + schema;
        }
    };

    /** @return a JDBC URL of an empty database or schema for one test */
    public abstract String newDatabaseUrl() throws SQLException;

    /** @return the single long value the query returns */
    public static long queryLong(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Runs statements on their own auto-committed connection. */
    public static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Started on first use, so tests that only use H2 never start PostgreSQL. */
    private static final class SharedPostgres {
        static final PostgresServer SERVER = PostgresServer.start();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(SERVER::close, "stop-test-postgres"));
        }
    }
}
