package dev.kafkadirect.compat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public and protected member of Apache's public API types (the classes and the Scala objects behind
 * them), by name and erased descriptor, exists in ours, inherited or declared; so does each of Apache's
 * supertypes. Apache's jar is the one of this build's Spark line ({@code apache.kafka010.version}), read as
 * class files: it is never on the test classpath.
 */
class ApiCompatibilityTest {
    private static final String PACKAGE = "org.apache.spark.streaming.kafka010.";
    private static final String SPARK_LOGGING = "org.apache.spark.internal.Logging";
    private static final List<String> API_TYPES = List.of("KafkaUtils", "KafkaUtils$", "ConsumerStrategies",
            "ConsumerStrategies$", "LocationStrategies", "LocationStrategies$", "ConsumerStrategy", "LocationStrategy",
            "OffsetRange", "OffsetRange$", "HasOffsetRanges", "CanCommitOffsets", "PerPartitionConfig");

    /**
     * What we leave out on purpose, each with its reason (docs/migrating.md says the same). Besides these,
     * {@code KafkaUtils$} does not have the members of Spark's internal {@code Logging} trait, nor
     * {@code KafkaUtils} the static forwarders Scala adds for some of them.
     */
    private static final Map<String, String> LEFT_OUT = Map.of(
            "KafkaUtils$ extends " + SPARK_LOGGING, "Spark's logging trait is internal (org.apache.spark.internal) and"
                    + " changes between Spark lines (Spark 4 added structured logging); mixing it in would bind our jar"
                    + " to one line's internals. Callers of KafkaUtils never need it.",
            "PerPartitionConfig extends scala.Serializable", "Scala 2.12's marker trait (an alias of java.io.Serializable"
                    + " in 2.13); PerPartitionConfig is Java and implements java.io.Serializable, which it extends, so"
                    + " serialization is the same. Code that passes a PerPartitionConfig as a scala.Serializable needs a"
                    + " cast.");

    private static JarFile apacheJar;

    @BeforeAll
    static void openApachesJar() throws IOException {
        Path jar = Paths.get(System.getProperty("kafkadirect.apache.kafka010.jar", "unset"));
        assertThat(Files.isRegularFile(jar)).as("Apache's jar (system property kafkadirect.apache.kafka010.jar): %s", jar)
                .isTrue();
        apacheJar = new JarFile(jar.toFile());
    }

    @Test
    void everyMemberOfApachesApiTypesExistsInOurs() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String simpleName : API_TYPES) {
            ClassApi apache = readApache(PACKAGE + simpleName);
            Hierarchy ours = Hierarchy.of(PACKAGE + simpleName);
            for (String member : apache.members) {
                if (!ours.members.contains(member)) {
                    missing.add(simpleName + " " + member);
                }
            }
            List<String> apacheSupertypes = new ArrayList<>(apache.interfaces);
            if (apache.superName != null) {
                apacheSupertypes.add(apache.superName);
            }
            for (String supertype : apacheSupertypes) {
                if (!ours.types.contains(supertype)) {
                    missing.add(simpleName + " extends " + supertype);
                }
            }
            if (apache.isInterface != ours.top.isInterface || (ours.top.isFinal && !apache.isFinal)
                    || (apache.isPublic && !ours.top.isPublic)) {
                missing.add(simpleName + " as Apache's: interface " + apache.isInterface + ", final " + apache.isFinal
                        + ", public " + apache.isPublic);
            }
        }
        missing.removeAll(LEFT_OUT.keySet());
        for (String member : Hierarchy.of(SPARK_LOGGING).members) {
            missing.remove("KafkaUtils$ " + member);
            missing.remove("KafkaUtils static " + member);
        }
        assertThat(String.join("\n", missing)).as("What %s has and ours lacks",
                System.getProperty("kafkadirect.apache.kafka010.jar")).isEmpty();
    }

    private static ClassApi readApache(String className) throws IOException {
        ZipEntry entry = apacheJar.getEntry(className.replace('.', '/') + ".class");
        assertThat(entry).as("%s in Apache's jar", className).isNotNull();
        return ClassApi.read(apacheJar.getInputStream(entry));
    }

    /** One of our classes with everything it inherits from the classes and interfaces our classpath holds. */
    private static final class Hierarchy {
        final ClassApi top;
        final Set<String> types = new LinkedHashSet<>();
        final Set<String> members = new LinkedHashSet<>();

        private Hierarchy(ClassApi top) {
            this.top = top;
        }

        static Hierarchy of(String className) {
            ClassApi top = readOurs(className);
            assertThat(top).as("%s in our jar", className).isNotNull();
            Hierarchy hierarchy = new Hierarchy(top);
            Deque<ClassApi> pending = new ArrayDeque<>(List.of(top));
            while (!pending.isEmpty()) {
                ClassApi type = pending.pop();
                hierarchy.members.addAll(type.members);
                List<String> supertypes = new ArrayList<>(type.interfaces);
                if (type.superName != null) {
                    supertypes.add(type.superName);
                }
                for (String supertype : supertypes) {
                    if (hierarchy.types.add(supertype)) {
                        ClassApi read = readOurs(supertype);
                        if (read != null) {
                            pending.push(read);
                        }
                    }
                }
            }
            return hierarchy;
        }

        private static ClassApi readOurs(String className) {
            InputStream classFile = ApiCompatibilityTest.class.getClassLoader()
                    .getResourceAsStream(className.replace('.', '/') + ".class");
            return classFile == null ? null : ClassApi.read(classFile);
        }
    }
}
