package dev.kafkadirect.compat;

import dev.kafkadirect.testkit.BrokerVersion;
import dev.kafkadirect.testkit.ChildJvmOptions;
import dev.kafkadirect.testkit.KafkaCluster;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This build's artifact on other Spark releases than the one it was built with: for each
 * {@code release@java} of {@code -Dkafkadirect.spark.lines} (the pom's {@code spark.lines.checked}), a child JVM
 * runs this module's applications, compiled against Apache's module, on that Spark's jars from
 * {@code spark-lines/} and that Java, with our jar and kafka-clients, against a broker of its own; what they print
 * must equal what they print in this JVM ({@link ExpectedAppOutput}). A second child runs the guide's programs (the
 * test classes of {@code guide-programs}, unchanged, through {@link GuideProgramsMain}) on the same release against
 * the guide's own broker on localhost:9092 — on the lines of {@link #guideLines()} — and every one must pass. Then
 * README's table of tested combinations
 * must claim, for this build, exactly the cells that passed here plus this JVM's own.
 */
@Tag("long")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkLinesTest {
    private static final long CHILD_TIMEOUT_SECONDS = 240;
    /** The cells ({@code spark/scala/java}) whose check passed in this run. */
    private static final Set<String> PASSED = new ConcurrentSkipListSet<>();
    /** The cells of {@link #PASSED} where the guide's programs passed too. */
    private static final Set<String> GUIDE_PASSED = new ConcurrentSkipListSet<>();
    /** What README's "checked by" says of a cell where only binary-compat's applications ran. */
    static final String APPS = "SparkLinesTest";
    /** What README's "checked by" says of a cell where the guide's programs ran too. */
    static final String APPS_AND_GUIDE = "SparkLinesTest + guide programs";
    /** Where the jars the guide's tests use besides Spark sit in the Maven repository. */
    private static final List<String> GUIDE_ARTIFACTS = List.of("/dev/kafkadirect/", "/org/apache/kafka/kafka-clients/",
            "/org/junit/", "/org/opentest4j/", "/org/apiguardian/", "/org/assertj/", "/net/bytebuddy/",
            "/org/awaitility/", "/org/hamcrest/", "/com/h2database/");
    /** Properties of this JVM the children get too: where the test kit keeps logs and finds the repository. */
    private static final List<String> INHERITED_PROPERTIES = List.of(KafkaCluster.LOG_ROOT_PROPERTY,
            "maven.repo.local");

    static Stream<String> lines() {
        String lines = System.getProperty("kafkadirect.spark.lines", "");
        return Arrays.stream(lines.split(",")).map(String::trim).filter(line -> !line.isEmpty());
    }

    /**
     * @return the lines ({@code release@java}) where the guide's programs run too: {@code
     *     -Dkafkadirect.spark.guide.lines} (the pom's {@code spark.lines.guide}), or every line when it is {@code all}
     */
    static Set<String> guideLines() {
        String guide = System.getProperty("kafkadirect.spark.guide.lines", "").trim();
        if (guide.equals("all")) {
            return lines().collect(Collectors.toSet());
        }
        return Arrays.stream(guide.split(",")).map(String::trim).filter(line -> !line.isEmpty())
                .collect(Collectors.toSet());
    }

    @Order(1)
    @ParameterizedTest(name = "Spark {0}", allowZeroInvocations = true)
    @MethodSource("lines")
    void theApplicationsAndTheGuideProgramsRunOnThisSparkReleaseWithOurJar(String line) throws Exception {
        String sparkVersion = line.substring(0, line.indexOf('@'));
        int java = Integer.parseInt(line.substring(line.indexOf('@') + 1));
        String scalaVersion;
        try (KafkaCluster kafka = KafkaCluster.builder().name("spark-line-" + sparkVersion).build().start()) {
            kafka.createTopic(ExpectedAppOutput.TOPIC, 2);
            kafka.produce(ExpectedAppOutput.RECORDS, i -> new ProducerRecord<>(ExpectedAppOutput.TOPIC, i % 2, null,
                    ExpectedAppOutput.value(i)));

            List<String> output = runChild(sparkVersion, java, "apps", appsClasspath(sparkVersion),
                    LineCheckMain.class, kafka.bootstrapServers());

            assertThat(section(output, "spark-version")).containsExactly(sparkVersion);
            assertThat(section(output, "java-version")).containsExactly(String.valueOf(java));
            assertThat(section(output, "kafka-utils-from")).singleElement().asString()
                    .isEqualTo(codeSource(KafkaUtils.class).toString());
            assertThat(section(output, "scala-batch")).containsExactlyElementsOf(ExpectedAppOutput.SCALA_BATCH);
            assertThat(section(output, "scala-streams")).containsExactlyElementsOf(ExpectedAppOutput.SCALA_STREAMS);
            assertThat(section(output, "java-batch")).containsExactlyElementsOf(ExpectedAppOutput.JAVA_BATCH);
            assertThat(section(output, "java-streams")).containsExactlyElementsOf(ExpectedAppOutput.JAVA_STREAMS);
            assertThat(section(output, "java-custom")).hasSize(ExpectedAppOutput.RECORDS).doesNotHaveDuplicates()
                    .startsWith("0:0").endsWith("1:9");
            for (String group : ExpectedAppOutput.COMMITTING_GROUPS) {
                assertThat(kafka.committedOffsets(group).values()).as(group).containsOnly(10L);
            }
            scalaVersion = section(output, "scala-version").get(0);
        }

        String cell = sparkVersion + "/" + scalaVersion + "/" + java;
        if (!guideLines().contains(line)) {
            PASSED.add(cell);
            return;
        }
        List<String> guide = runChild(sparkVersion, java, "guide", guideClasspath(sparkVersion),
                GuideProgramsMain.class);
        assertThat(section(guide, "spark-version")).containsExactly(sparkVersion);
        assertThat(section(guide, "guide-failure")).as("the guide's programs that failed on Spark " + sparkVersion)
                .isEmpty();
        assertThat(section(guide, "guide-tests-found")).as("the guide's tests found")
                .containsExactly(String.valueOf(guideTestCount()));
        assertThat(section(guide, "guide-tests-succeeded")).containsExactly(String.valueOf(guideTestCount()));
        PASSED.add(cell);
        GUIDE_PASSED.add(cell);
    }

    @Order(2)
    @Test
    void readmeClaimsForThisBuildExactlyTheCombinationsThatRan() throws IOException {
        String build = System.getProperty("kafkadirect.build");
        List<TestedCombinations.Row> rows = TestedCombinations.read(Paths.get(System.getProperty("kafkadirect.readme")))
                .stream().filter(row -> row.build.equals(build)).collect(Collectors.toList());

        List<TestedCombinations.Row> fullSuite = rows.stream().filter(row -> row.checkedBy.startsWith("full suite"))
                .collect(Collectors.toList());
        assertThat(fullSuite).as("README's full-suite row of build " + build).hasSize(1);
        assertThat(fullSuite.get(0).cell()).as("this JVM's Spark/Scala/Java")
                .isEqualTo(SparkVersionInfo.onClasspath() + "/" + scala.util.Properties.versionNumberString() + "/"
                        + Runtime.version().feature());
        List<String> brokers = "default".equals(build)
                ? Arrays.stream(BrokerVersion.values()).map(BrokerVersion::version).collect(Collectors.toList())
                : List.of(BrokerVersion.DEFAULT.version());
        assertThat(fullSuite.get(0).brokers).as("brokers of the full suite (BrokerVersionsCompatibilityTest runs"
                + " every BrokerVersion on the default build)").containsExactlyInAnyOrderElementsOf(brokers);

        Set<String> claimed = rows.stream().filter(row -> row.checkedBy.startsWith(APPS))
                .map(TestedCombinations.Row::cell).collect(Collectors.toCollection(TreeSet::new));
        Set<String> claimedWithGuide = rows.stream().filter(row -> row.checkedBy.equals(APPS_AND_GUIDE))
                .map(TestedCombinations.Row::cell).collect(Collectors.toCollection(TreeSet::new));
        assertThat(GUIDE_PASSED).as("cells where the guide's programs passed, against README's rows of build " + build
                + " that say \"" + APPS_AND_GUIDE + "\"").containsAll(claimedWithGuide);
        assertThat(claimed).as("README's SparkLinesTest rows of build " + build + " against the cells that passed")
                .isEqualTo(PASSED);
        assertThat(PASSED).hasSize((int) lines().count());
    }

    /** @return binary-compat's applications and what they need besides Spark: our jar and kafka-clients */
    private static List<String> appsClasspath(String sparkVersion) {
        List<String> classpath = sparkJars(sparkVersion);
        classpath.add(codeSource(KafkaUtils.class).toString());
        classpath.add(codeSource(KafkaConsumer.class).toString());
        classpath.add(codeSource(JavaApp.class).toString());
        return classpath;
    }

    /**
     * @return the guide's tests and what they use (what this build made — our jar, the guide's tests, the test kit —
     *         and kafka-clients, JUnit, AssertJ, Awaitility, H2), taken from this JVM's classpath; everything else,
     *         Spark and Scala above all, is the release's own
     */
    private static List<String> guideClasspath(String sparkVersion) {
        List<String> classpath = sparkJars(sparkVersion);
        Path repository = SparkLineClasspath.localRepository().toAbsolutePath();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace(File.separatorChar, '/');
            boolean builtHere = !Paths.get(entry).toAbsolutePath().startsWith(repository);
            if (builtHere || GUIDE_ARTIFACTS.stream().anyMatch(path::contains)) {
                classpath.add(entry);
            }
        }
        return classpath;
    }

    private static List<String> sparkJars(String sparkVersion) {
        List<String> classpath = new ArrayList<>();
        SparkLineClasspath.jars(sparkVersion).forEach(jar -> classpath.add(jar.toString()));
        return classpath;
    }

    /** @return how many tests the guide's test classes hold, counted from their {@code @Test} methods */
    private static long guideTestCount() throws ClassNotFoundException {
        long count = 0;
        for (String name : GuideProgramsMain.GUIDE_TEST_CLASSES) {
            Class<?> type = Class.forName(name, false, SparkLinesTest.class.getClassLoader());
            count += Arrays.stream(type.getDeclaredMethods()).filter(method -> method.isAnnotationPresent(Test.class))
                    .count();
        }
        return count;
    }

    private static List<String> runChild(String sparkVersion, int java, String run, List<String> classpath,
            Class<?> main, String... args) throws Exception {
        classpath.add(codeSource(main).toString());
        List<String> command = new ArrayList<>();
        command.add(javaExecutable(java).toString());
        command.addAll(Arrays.asList(System.getProperty("kafkadirect.test.opens", "").trim().split("\\s+")));
        command.add("-Xmx1g");
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.addAll(ChildJvmOptions.ofThisTestRun());
        for (String inherited : INHERITED_PROPERTIES) {
            if (System.getProperty(inherited) != null) {
                command.add("-D" + inherited + "=" + System.getProperty(inherited));
            }
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(main.getName());
        command.addAll(Arrays.asList(args));
        Path logs = Files.createDirectories(Paths.get("target", "spark-lines"));
        String name = "spark-" + sparkVersion + "-java-" + java + "-" + run;
        Path stdout = logs.resolve(name + ".out");
        Path stderr = logs.resolve(name + ".log");
        Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        try {
            boolean exited = child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(exited).as(run + " on Spark " + sparkVersion + " on Java " + java + " finished within "
                    + CHILD_TIMEOUT_SECONDS + " s; its log: " + stderr.toAbsolutePath()).isTrue();
            assertThat(child.exitValue()).as("exit status of " + run + " on Spark " + sparkVersion + " on Java "
                    + java + "; its log: " + stderr.toAbsolutePath()).isZero();
        } finally {
            child.destroyForcibly();
        }
        List<String> output = Files.readAllLines(stdout);
        assertThat(output).as("what the child printed, ending with done; its log: " + stderr.toAbsolutePath())
                .endsWith("done");
        return output;
    }

    /** @return the lines of one section of the child's output, without the section's name */
    private static List<String> section(List<String> output, String name) {
        return output.stream().filter(line -> line.startsWith(name + " "))
                .map(line -> line.substring(name.length() + 1)).collect(Collectors.toList());
    }

    private static Path javaExecutable(int feature) {
        if (feature == Runtime.version().feature()) {
            return Paths.get(System.getProperty("java.home"), "bin", "java");
        }
        String home = System.getProperty("kafkadirect.java" + feature + ".home", "");
        Path java = Paths.get(home, "bin", "java");
        if (home.isEmpty() || !Files.isExecutable(java)) {
            throw new IllegalStateException("No Java " + feature + " at '" + home + "': set -Dkafkadirect.java"
                    + feature + ".home (the pom's java" + feature + ".home) to a JDK " + feature);
        }
        return java;
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the jar of " + type.getName(), e);
        }
    }
}
