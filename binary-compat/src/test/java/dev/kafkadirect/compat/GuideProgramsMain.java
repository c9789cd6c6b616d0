package dev.kafkadirect.compat;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs the guide's programs (the test classes of {@code guide-programs}, unchanged) with a JUnit launcher in a child
 * JVM of another Spark release, started by {@link SparkLinesTest}, and prints what ran: the Spark release it ran on,
 * how many tests were found and succeeded, and one line per failure.
 *
 * <pre>{@code java -cp <that Spark's jars>:<our jar>:<the guide's tests and what they use> GuideProgramsMain}</pre>
 */
public final class GuideProgramsMain {
    /** The guide's test classes, named so that this class compiles without them. */
    static final String[] GUIDE_TEST_CLASSES = {"guide.GuideJavaProgramsTest", "guide.GuideScalaProgramsTest"};

    private GuideProgramsMain() {
    }

    /**
     * @param args none
     */
    public static void main(String[] args) throws Exception {
        System.out.println("spark-version " + SparkVersionInfo.onClasspath());
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : GUIDE_TEST_CLASSES) {
            request.selectors(selectClass(name));
        }
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(discovery, listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.println("guide-tests-found " + summary.getTestsFoundCount());
        System.out.println("guide-tests-succeeded " + summary.getTestsSucceededCount());
        summary.getFailures().forEach(failure -> {
            System.out.println("guide-failure " + failure.getTestIdentifier().getDisplayName() + ": "
                    + failure.getException());
            failure.getException().printStackTrace();
        });
        System.out.println("done");
        System.exit(0);
    }
}
