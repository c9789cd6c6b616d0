package dev.kafkadirect.testing;

import dev.kafkadirect.testkit.ChildJvmOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Starts a Spark driver program in its own JVM (with the test JVM's classpath and add-opens), logging to target/. */
public final class DriverProcess {
    private DriverProcess() {
    }

    /**
     * @param main the program's main class
     * @param logName the log file's name under target/, without extension
     * @param args the program's arguments
     * @return the running process; the test kills it
     */
    public static Process start(Class<?> main, String logName, String... args) throws IOException {
        return start(System.getProperty("java.class.path"), main.getName(), logName, args);
    }

    /**
     * @param classpath the classpath to run with
     * @param mainClass the program's main class name
     * @param logName the log file's name under target/, without extension
     * @param args the program's arguments
     * @return the running process; the test kills it
     */
    public static Process start(String classpath, String mainClass, String logName, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        // The test run's temporary directory, not /tmp: Spark's local dirs and native libraries go there.
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.addAll(ChildJvmOptions.ofThisTestRun());
        for (String option : System.getProperty("kafkadirect.test.opens", "").split(" ")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(Arrays.asList("-Xmx1g", "-cp", classpath, mainClass));
        command.addAll(Arrays.asList(args));
        File log = new File("target/" + logName + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }
}
