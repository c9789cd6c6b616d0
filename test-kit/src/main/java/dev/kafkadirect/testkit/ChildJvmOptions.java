package dev.kafkadirect.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options a test run gives the JVMs it starts, from system property {@value #PROPERTY} (space-separated):
 * the project's test runs set it to {@code -XX:TieredStopAtLevel=1} (see the root pom), as brokers and Spark
 * processes that live for one test class spend more CPU compiling with C2 than they save. The test kit's children
 * get them; tests that start JVMs of their own add them too. The benchmark does not set it, so its broker runs as a
 * user's would.
 */
public final class ChildJvmOptions {
    /** The system property the options come from. */
    public static final String PROPERTY = "kafkadirect.testkit.childJvmOptions";

    private ChildJvmOptions() {
    }

    /** @return the options, none when the property is not set */
    public static List<String> ofThisTestRun() {
        List<String> options = new ArrayList<>();
        for (String option : System.getProperty(PROPERTY, "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        return options;
    }
}
