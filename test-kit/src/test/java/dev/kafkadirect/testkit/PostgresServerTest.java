package dev.kafkadirect.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgresServer on the classpath that broke it: this module's tests put commons-io 2.8.0 (what Spark 3.2 brings)
 * on their classpath, whose lack of {@code IOIterator} failed the embedded library's unpacking when it ran in the
 * test JVM. Every server here unpacks its binaries into an empty folder, as on a fresh machine.
 */
class PostgresServerTest {
    @Test
    void startsFromAnEmptyBinariesFolderOnSpark32sCommonsIo(@TempDir Path binaries) throws Exception {
        assertThat(Class.forName("org.apache.commons.io.IOUtils").getProtectionDomain().getCodeSource().getLocation()
                .getPath()).endsWith("commons-io-2.8.0.jar");
        assertThatThrownBy(() -> Class.forName("org.apache.commons.io.function.IOIterator"))
                .isInstanceOf(ClassNotFoundException.class);

        try (PostgresServer postgres = PostgresServer.builder().binariesDirectory(binaries).start();
             Connection connection = postgres.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE offsets (topic TEXT, partition_id INT, until_offset BIGINT)");
            statement.execute("INSERT INTO offsets VALUES ('orders', 0, 100), ('orders', 1, 250)");
            try (ResultSet rows = statement.executeQuery("SELECT SUM(until_offset), COUNT(*) FROM offsets")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(350L);
                assertThat(rows.getLong(2)).isEqualTo(2L);
            }
        }
        assertThat(filesNamed(binaries, "pg_ctl")).isEqualTo(1);
    }

    @Test
    void closeStopsTheServerAndASecondCloseDoesNothing(@TempDir Path binaries) throws SQLException {
        PostgresServer postgres = PostgresServer.builder().binariesDirectory(binaries).start();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_user")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("postgres");
        }

        postgres.close();
        postgres.close();

        assertThatThrownBy(postgres::connect).isInstanceOf(SQLException.class)
                .hasMessageContaining("Connection to 127.0.0.1:" + postgres.port() + " refused");
    }

    @Test
    void aSecondServerReusesTheBinariesTheFirstUnpacked(@TempDir Path binaries) throws SQLException {
        try (PostgresServer first = PostgresServer.builder().binariesDirectory(binaries).start();
             PostgresServer second = PostgresServer.builder().binariesDirectory(binaries).start();
             Connection toFirst = first.connect(); Connection toSecond = second.connect()) {
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(toFirst.isValid(5)).isTrue();
            assertThat(toSecond.isValid(5)).isTrue();
        }
        assertThat(filesNamed(binaries, "pg_ctl")).isEqualTo(1);
    }

    @Test
    void rejectsANonPositiveStartTimeout() {
        assertThatThrownBy(() -> PostgresServer.builder().startTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startTimeout must be positive but was PT0S");
    }

    private static long filesNamed(Path root, String name) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().equals(name)).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
