package dev.kafkadirect.testing;

import dev.kafkadirect.testkit.PostgresServer;
import org.apache.spark.package$;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test kit's PostgreSQL on this module's test classpath, which is a Spark application's: on the default
 * build Spark 3.2's commons-io 2.8 wins there, and the embedded library could not unpack its binaries with it
 * (NoClassDefFoundError: org/apache/commons/io/function/IOIterator) until it ran in a JVM of its own. The binaries
 * are unpacked into an empty folder, as on a fresh machine.
 */
class PostgresServerOnSparkClasspathTest {
    @Test
    void startsFromAnEmptyBinariesFolder(@TempDir Path binaries) throws Exception {
        if (package$.MODULE$.SPARK_VERSION().startsWith("3.2.")) {
            assertThatThrownBy(() -> Class.forName("org.apache.commons.io.function.IOIterator"))
                    .isInstanceOf(ClassNotFoundException.class);
        }

        try (PostgresServer postgres = PostgresServer.builder().binariesDirectory(binaries).start();
             Connection connection = postgres.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 40 + 2")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
        try (Stream<Path> files = Files.walk(binaries)) {
            assertThat(files.filter(file -> file.getFileName().toString().equals("pg_ctl")).count()).isEqualTo(1);
        }
    }
}
