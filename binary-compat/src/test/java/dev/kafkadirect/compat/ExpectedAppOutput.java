package dev.kafkadirect.compat;

import java.util.List;

/**
 * What the applications of this module (compiled against Apache's module) print when they read the topic the
 * tests give them: {@value #RECORDS} records over two partitions, {@code p<partition>-<index>}. The same on our jar
 * in this JVM ({@link BinaryCompatibilityTest}) and on other Spark releases in a child JVM ({@link SparkLinesTest}).
 */
final class ExpectedAppOutput {
    static final String TOPIC = "compat";
    static final int RECORDS = 20;

    static final List<String> SCALA_BATCH = List.of(
            "compat-0 0-3 (3)", "compat-1 0-2 (2)", "compat-0 3-5 (2)", "compat-1 2-4 (2)",
            "p0-0,p0-1,p0-2,p1-0,p1-1,p0-3,p0-4,p1-2,p1-3",
            "p0-0,p0-1,p0-2,p1-0,p1-1,p0-3,p0-4,p1-2,p1-3",
            "p0-0,p0-1,p0-2,p1-0,p1-1,p0-3,p0-4,p1-2,p1-3");

    static final List<String> SCALA_STREAMS = List.of(
            "Subscribe: 20 records, first 0:0, last 1:9",
            "Subscribe+offsets: 16 records, first 0:2, last 1:9",
            "SubscribePattern: 20 records, first 0:0, last 1:9",
            "SubscribePattern+offsets: 16 records, first 0:2, last 1:9",
            "Assign: 20 records, first 0:0, last 1:9",
            "Assign+offsets: 16 records, first 0:2, last 1:9",
            "Subscribe(java): 20 records, first 0:0, last 1:9",
            "custom: 20 records, first 0:0, last 1:9");

    static final List<String> JAVA_BATCH = List.of(
            "compat-0 0-3 (3)", "compat-1 0-2 (2)", "p0-0,p0-1,p0-2,p1-0,p1-1", "p0-0,p0-1,p0-2,p1-0,p1-1");

    static final List<String> JAVA_STREAMS = List.of(
            "Subscribe: 20 records, first 0:0, last 1:9",
            "Subscribe+offsets: 16 records, first 0:2, last 1:9",
            "SubscribePattern: 20 records, first 0:0, last 1:9",
            "SubscribePattern+offsets: 16 records, first 0:2, last 1:9",
            "Assign: 20 records, first 0:0, last 1:9",
            "Assign+offsets: 16 records, first 0:2, last 1:9");

    /** The groups whose offsets the streams commit, each at 10 on both partitions afterwards. */
    static final List<String> COMMITTING_GROUPS = List.of("compat-scala-subscribe", "compat-java-assign",
            "compat-java-custom");

    private ExpectedAppOutput() {
    }

    /** @return the record value at index {@code i} of the topic, on partition {@code i % 2} */
    static String value(int i) {
        return "p" + (i % 2) + "-" + (i / 2);
    }
}
