package dev.kafkadirect.testing;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.Map;

/** A local-mode Spark context for tests, with the UI off and extra settings; close it after use. */
public final class LocalSpark {
    private LocalSpark() {
    }

    /**
     * @param appName a name for the application (the test class)
     * @param settings extra Spark settings
     * @return a running context with two local cores
     */
    public static JavaSparkContext start(String appName, Map<String, String> settings) {
        return start("local[2]", appName, settings);
    }

    /**
     * @param master a local master, e.g. {@code local[2,2]} for two cores and one retry per task
     * @param appName a name for the application (the test class)
     * @param settings extra Spark settings
     * @return a running context
     */
    public static JavaSparkContext start(String master, String appName, Map<String, String> settings) {
        return new JavaSparkContext(conf(master, appName, settings));
    }

    /**
     * @param master a master URL
     * @param appName a name for the application (the test class)
     * @param settings extra Spark settings
     * @return the configuration every test context uses: UI off, driver on loopback, plus the settings
     */
    public static SparkConf conf(String master, String appName, Map<String, String> settings) {
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName(appName)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        settings.forEach(conf::set);
        return conf;
    }
}
