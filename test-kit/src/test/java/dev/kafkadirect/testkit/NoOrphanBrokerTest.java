package dev.kafkadirect.testkit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A JVM that started brokers and then dies, however it dies, leaves no broker running. */
class NoOrphanBrokerTest {
    @ParameterizedTest(name = "parent ended by {0}")
    @ValueSource(strings = {"SIGTERM", "SIGKILL"})
    void brokerDiesWithTheJvmThatStartedIt(String signal) throws IOException {
        Process parent = new ProcessBuilder(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"),
                "-D" + KafkaCluster.LOG_ROOT_PROPERTY + "=" + System.getProperty(KafkaCluster.LOG_ROOT_PROPERTY, "target/kafka-brokers"),
                ClusterHoldingMain.class.getName()))
                .redirectErrorStream(true).start();
        try {
            long brokerPid = readBrokerPid(parent);
            ProcessHandle broker = ProcessHandle.of(brokerPid).orElseThrow();
            assertThat(broker.isAlive()).isTrue();

            if (signal.equals("SIGKILL")) {
                parent.destroyForcibly();
            } else {
                parent.destroy();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> !broker.isAlive());
        } finally {
            parent.destroyForcibly();
        }
    }

    private static long readBrokerPid(Process parent) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("BROKER_PID=")) {
                return Long.parseLong(line.substring("BROKER_PID=".length()));
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The child JVM ended without starting a broker:\n" + seen);
    }
}
