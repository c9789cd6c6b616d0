package dev.kafkadirect.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@link SparkStandaloneCluster#submit spark-submit} run ended: its exit status and its output,
 * which in client deploy mode is also the driver's and in cluster deploy mode tells the driver's fate.
 */
public final class SparkSubmitResult {
    private static final Pattern DRIVER_STATE = Pattern.compile("State of (?:driver )?(driver-[\\w-]+) is (\\w+)");

    private final int exitStatus;
    private final Path logFile;

    SparkSubmitResult(int exitStatus, Path logFile) {
        this.exitStatus = exitStatus;
        this.logFile = logFile;
    }

    /** @return spark-submit's exit status */
    public int exitStatus() {
        return exitStatus;
    }

    /** @return the file holding spark-submit's standard output and error */
    public Path logFile() {
        return logFile;
    }

    /** @return spark-submit's standard output and error */
    public String output() {
        try {
            return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + logFile, e);
        }
    }

    /**
     * @return in cluster deploy mode, the driver's last state as spark-submit reported it (such as
     *         {@code FINISHED} or {@code FAILED}); empty in client mode
     */
    public Optional<String> driverState() {
        Matcher matcher = DRIVER_STATE.matcher(output());
        String state = null;
        while (matcher.find()) {
            state = matcher.group(2);
        }
        return Optional.ofNullable(state);
    }

    /** @return the driver's id in cluster deploy mode, such as {@code driver-20261126231500-0000} */
    public Optional<String> driverId() {
        Matcher matcher = DRIVER_STATE.matcher(output());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "spark-submit exited with status " + exitStatus + driverState().map(state -> ", driver " + state).orElse("")
                + "; output in " + logFile;
    }
}
