package dev.kafkadirect.compat;

import org.apache.spark.SparkContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of the Spark on the classpath, as its {@code spark-version-info.properties} states it. */
final class SparkVersionInfo {
    private SparkVersionInfo() {
    }

    /** @return the Spark release whose spark-core is on this JVM's classpath, such as {@code 3.4.4} */
    static String onClasspath() {
        try (InputStream in = SparkContext.class.getClassLoader().getResourceAsStream("spark-version-info.properties")) {
            Properties info = new Properties();
            info.load(in);
            return info.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read spark-version-info.properties of spark-core", e);
        }
    }
}
