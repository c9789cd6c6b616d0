package dev.kafkadirect.testing;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the README's promise for {@code ./kafka-direct test}: each build's tests run with a new, empty temporary
 * directory under {@code target/test-tmp/}, not {@code /tmp}. The launcher names that directory in
 * {@code kafkadirect.test.tmpdir}; a plain {@code mvn verify} does not, and then there is nothing to check.
 */
class TestTemporaryDirectoryTest {
    @Test
    void theTestsRunInTheDirectoryTheLauncherMadeForThisBuild() {
        String expected = System.getProperty("kafkadirect.test.tmpdir");
        assumeTrue(expected != null, "not started by ./kafka-direct test");

        Path made = Paths.get(expected).toAbsolutePath().normalize();
        assertThat(made.getParent()).as("the launcher's folder for this build").endsWithRaw(Paths.get("target", "test-tmp"));
        assertThat(Paths.get(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize())
                .as("java.io.tmpdir of the test JVM (surefire's argLine passes Maven's on)").isEqualTo(made);
        assertThat(System.getenv("TMPDIR")).as("TMPDIR, for programs that are not JVMs").isEqualTo(expected);
    }
}
