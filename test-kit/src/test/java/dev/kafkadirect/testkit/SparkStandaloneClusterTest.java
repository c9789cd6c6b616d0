package dev.kafkadirect.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A standalone cluster starts as separate JVMs on their own loopback addresses and stops completely. */
class SparkStandaloneClusterTest {
    private static final Pattern ALIVE_WORKER_HOST = Pattern.compile(
            "\"host\"\\s*:\\s*\"([0-9.]+)\"(?:(?!\"host\").)*?\"state\"\\s*:\\s*\"ALIVE\"", Pattern.DOTALL);

    @Test
    void workersRegisterOnTheirOwnHostsAndCloseStopsEveryJvm() throws IOException {
        List<ProcessHandle> started;
        try (SparkStandaloneCluster spark = SparkStandaloneCluster.builder().name("SparkStandaloneClusterTest")
                .workerHosts("127.0.0.2", "127.0.0.3").build().start()) {
            assertThat(spark.masterUrl()).startsWith("spark://127.0.0.1:");
            assertThat(spark.workers()).extracting(SparkWorker::host).containsExactly("127.0.0.2", "127.0.0.3");
            assertThat(Files.isDirectory(spark.sparkHome().resolve("jars"))).isTrue();

            String state = read(new URL(spark.masterWebUrl() + "/json/"));
            Matcher hosts = ALIVE_WORKER_HOST.matcher(state);
            List<String> aliveHosts = hosts.results().map(match -> match.group(1)).sorted().collect(Collectors.toList());
            assertThat(aliveHosts).as("alive workers in the master's state %s", state)
                    .containsExactly("127.0.0.2", "127.0.0.3");
            started = spark.workers().stream().map(worker -> worker.process().handle()).collect(Collectors.toList());
            assertThat(started).allMatch(ProcessHandle::isAlive);
            assertThat(started).allSatisfy(worker -> assertThat(ChildCommandLine.of(worker.pid()))
                    .contains("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        }
        assertThat(started).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void workerHostsMustBeLoopback() {
        assertThatThrownBy(() -> SparkStandaloneCluster.builder().workerHosts("10.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback").hasMessageContaining("10.0.0.1");
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
