package dev.kafkadirect.testkit;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A JVM that started a standalone Spark cluster and is then killed leaves no Worker running. */
class NoOrphanSparkClusterTest {
    @Test
    void workersExitWhenTheJvmThatStartedThemIsKilled() throws IOException {
        Process parent = new ProcessBuilder(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"),
                "-D" + KafkaCluster.LOG_ROOT_PROPERTY + "=" + System.getProperty(KafkaCluster.LOG_ROOT_PROPERTY, "target/kafka-brokers"),
                SparkClusterHoldingMain.class.getName()))
                .redirectErrorStream(true).start();
        try {
            List<ProcessHandle> workers = readWorkers(parent);
            assertThat(workers).hasSize(2).allMatch(ProcessHandle::isAlive);

            parent.destroyForcibly();

            await().atMost(Duration.ofSeconds(30)).until(() -> workers.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            parent.destroyForcibly();
        }
    }

    private static List<ProcessHandle> readWorkers(Process parent) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        List<ProcessHandle> workers = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("WORKER_PID=")) {
                workers.add(ProcessHandle.of(Long.parseLong(line.substring("WORKER_PID=".length()))).orElseThrow());
            } else if (line.equals("READY")) {
                return workers;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The child JVM ended without starting a Spark cluster:\n" + seen);
    }
}
