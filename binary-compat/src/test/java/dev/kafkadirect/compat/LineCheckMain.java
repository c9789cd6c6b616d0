package dev.kafkadirect.compat;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import scala.collection.JavaConverters;

import java.nio.file.Paths;
import java.util.List;

/**
 * Runs this module's applications once in a child JVM of another Spark release (started by
 * {@link SparkLinesTest}) and prints what they return, each line prefixed with its section, so the test compares
 * it with {@link ExpectedAppOutput}.
 *
 * <pre>{@code java -cp <that Spark's jars>:<our jar>:<kafka-clients>:<these classes> LineCheckMain <bootstrap>}</pre>
 */
public final class LineCheckMain {
    private LineCheckMain() {
    }

    /**
     * @param args the brokers' bootstrap servers, holding {@link ExpectedAppOutput#TOPIC}
     */
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("LineCheckMain")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            System.out.println("spark-version " + spark.version());
            System.out.println("scala-version " + scala.util.Properties.versionNumberString());
            System.out.println("java-version " + System.getProperty("java.specification.version"));
            System.out.println("kafka-utils-from "
                    + Paths.get(KafkaUtils.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            print("scala-batch", JavaConverters.seqAsJavaList(
                    ScalaApp.batch(spark.sc(), bootstrap, ExpectedAppOutput.TOPIC)));
            print("scala-streams", JavaConverters.seqAsJavaList(
                    ScalaApp.streams(spark.sc(), bootstrap, ExpectedAppOutput.TOPIC, ExpectedAppOutput.RECORDS)));
            print("java-batch", JavaApp.batch(spark, bootstrap, ExpectedAppOutput.TOPIC));
            print("java-streams", JavaApp.streams(spark, bootstrap, ExpectedAppOutput.TOPIC, ExpectedAppOutput.RECORDS));
            print("java-custom", JavaApp.customStrategy(spark, bootstrap, ExpectedAppOutput.TOPIC,
                    ExpectedAppOutput.RECORDS));
        }
        System.out.println("done");
    }

    private static void print(String section, List<String> lines) {
        lines.forEach(line -> System.out.println(section + " " + line));
    }
}
