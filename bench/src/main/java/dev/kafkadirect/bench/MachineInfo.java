package dev.kafkadirect.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the numbers were measured on: cores, memory, JDK, OS, and the versions of Spark and of both modules. */
final class MachineInfo {
    private MachineInfo() {
    }

    static String describe(String apacheClasspath) {
        return String.format(Locale.ROOT, "%d cores, %s memory, %s %s, %s %s; Spark %s; Apache's module %s (it brings"
                        + " kafka-clients %s); ours with kafka-clients %s; one local Kafka 4.1.1 broker (KRaft)",
                Runtime.getRuntime().availableProcessors(), totalMemory(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                org.apache.spark.package$.MODULE$.SPARK_VERSION(),
                versionIn(apacheClasspath, "spark-streaming-kafka-0-10_[0-9.]+-"),
                versionIn(apacheClasspath, "kafka-clients-"),
                org.apache.kafka.common.utils.AppInfoParser.getVersion());
    }

    private static String totalMemory() {
        Path meminfo = Paths.get("/proc/meminfo");
        try {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String versionIn(String classpath, String jarPrefix) {
        Matcher matcher = Pattern.compile(jarPrefix + "([0-9][^/:]*?)\\.jar").matcher(classpath);
        return matcher.find() ? matcher.group(1) : "unknown";
    }
}
