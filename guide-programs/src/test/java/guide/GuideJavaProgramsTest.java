package guide;

// The guide's Java import lines, unchanged:
import java.util.*;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.*;
import org.apache.spark.api.java.function.*;
import org.apache.spark.streaming.api.java.*;
import org.apache.spark.streaming.kafka010.*;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import scala.Tuple2;

// The harness's own imports:
import dev.kafkadirect.testkit.KafkaCluster;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.streaming.Durations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The guide's Java programs. Each test holds the guide's lines unchanged between "guide:" and "end of guide"
 * comments; the code around them starts a streaming context, produces records after the stream has
 * started (the guide's streams begin at "latest"), and checks what the lines did. Lines the harness adds
 * inside a guide block are marked "harness:".
 */
@ExtendWith(GuideBroker.class)
class GuideJavaProgramsTest {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final List<Integer> BATCHES = new CopyOnWriteArrayList<>();

    private JavaStreamingContext streamingContext;
    private JavaSparkContext sparkContext;
    private PrintStream originalOut;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void startSpark() {
        streamingContext = new JavaStreamingContext(new SparkConf().setMaster("local[2]").setAppName("GuideJavaProgramsTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"), Durations.milliseconds(500));
        sparkContext = streamingContext.sparkContext();
        originalOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopSpark() {
        System.setOut(originalOut);
        streamingContext.stop(true, false);
        SEEN.clear();
        BATCHES.clear();
    }

    @Test
    void creatingADirectStream(KafkaCluster kafka) {
        // guide: Creating a Direct Stream (Java)
        Map<String, Object> kafkaParams = new HashMap<>();
        kafkaParams.put("bootstrap.servers", "localhost:9092,anotherhost:9092");
        kafkaParams.put("key.deserializer", StringDeserializer.class);
        kafkaParams.put("value.deserializer", StringDeserializer.class);
        kafkaParams.put("group.id", "use_a_separate_group_id_for_each_stream");
        kafkaParams.put("auto.offset.reset", "latest");
        kafkaParams.put("enable.auto.commit", false);
        Collection<String> topics = Arrays.asList("topicA", "topicB");
        JavaInputDStream<ConsumerRecord<String, String>> stream =
          KafkaUtils.createDirectStream(
            streamingContext,
            LocationStrategies.PreferConsistent(),
            ConsumerStrategies.<String, String>Subscribe(topics, kafkaParams)
          );
        stream.mapToPair(record -> new Tuple2<>(record.key(), record.value()));
        // end of guide
        stream.mapToPair(record -> new Tuple2<>(record.key(), record.value()))
                .foreachRDD(rdd -> SEEN.addAll(rdd.map(pair -> pair._1() + "=" + pair._2()).collect()));
        startAndProduce(kafka, "java-direct");

        await().atMost(Duration.ofSeconds(60)).until(() -> mine("java-direct").size() >= 20);
        assertThat(mine("java-direct")).containsExactlyInAnyOrderElementsOf(expected("java-direct"));
    }

    @Test
    void creatingAnRDD(KafkaCluster kafka) {
        Map<String, Object> kafkaParams = guideKafkaParams();
        // guide: Creating an RDD (Java)
        // Import dependencies and create kafka params as in Create Direct Stream above
        OffsetRange[] offsetRanges = {
          // topic, partition, inclusive starting offset, exclusive ending offset
          OffsetRange.create("test", 0, 0, 100),
          OffsetRange.create("test", 1, 0, 100)
        };
        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(
          sparkContext,
          kafkaParams,
          offsetRanges,
          LocationStrategies.PreferConsistent()
        );
        // end of guide

        assertThat(rdd.map(ConsumerRecord::value).collect()).containsExactlyElementsOf(
                IntStream.range(0, 400).filter(i -> i < 200).boxed()
                        .sorted(Comparator.comparingInt((Integer i) -> i % 2).thenComparingInt(i -> i))
                        .map(i -> "test-" + i).collect(Collectors.toList()));
    }

    @Test
    void obtainingOffsets(KafkaCluster kafka) {
        Map<String, Object> kafkaParams = guideKafkaParams();
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(streamingContext,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(Arrays.asList("topicA", "topicB"), kafkaParams));
        // guide: Obtaining Offsets (Java)
        stream.foreachRDD(rdd -> {
          OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
          rdd.foreachPartition(consumerRecords -> {
            OffsetRange o = offsetRanges[TaskContext.get().partitionId()];
            System.out.println(
              o.topic() + " " + o.partition() + " " + o.fromOffset() + " " + o.untilOffset());
          });
        });
        // end of guide
        stream.foreachRDD(rdd -> SEEN.addAll(rdd.map(ConsumerRecord::value).collect()));
        Map<TopicPartition, Long> before = endOffsets(kafka);
        startAndProduce(kafka, "java-offsets");

        await().atMost(Duration.ofSeconds(60)).until(() -> mine("java-offsets").size() >= 20);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String out = printed.toString(StandardCharsets.UTF_8);
            for (Map.Entry<TopicPartition, Long> end : endOffsets(kafka).entrySet()) {
                if (end.getValue() > before.get(end.getKey())) {
                    assertThat(out).containsPattern(end.getKey().topic() + " " + end.getKey().partition() + " \\d+ "
                            + end.getValue());
                }
            }
        });
    }

    @Test
    void storingOffsetsInKafka(KafkaCluster kafka) {
        Map<String, Object> kafkaParams = guideKafkaParams();
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(streamingContext,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(Arrays.asList("topicA", "topicB"), kafkaParams));
        stream.foreachRDD(rdd -> SEEN.addAll(rdd.map(ConsumerRecord::value).collect()));
        // guide: Kafka itself (Java)
        stream.foreachRDD(rdd -> {
          OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
          // some time later, after outputs have completed
          ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
        });
        // end of guide
        startAndProduce(kafka, "java-commit");

        await().atMost(Duration.ofSeconds(60)).until(() -> mine("java-commit").size() >= 20);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.committedOffsets("use_a_separate_group_id_for_each_stream")).isEqualTo(endOffsets(kafka)));
    }

    @Test
    void storingOffsetsInYourOwnDataStore(KafkaCluster kafka) throws Exception {
        Map<String, Object> kafkaParams = guideKafkaParams();
        try (OffsetsDatabase database = new OffsetsDatabase("guide-java")) {
            database.seed("topicB", 0, 0);
            database.seed("topicB", 1, 0);
            ResultSet selectOffsetsFromYourDatabase = database.selectOffsets();
            // guide: Your own data store (Java). Two lines differ, because the guide's are not Java:
            // "for (resultSet : ...)" lacks the variable's type and opens no block (yet a "}" closes one), and
            // resultSet.int(...) / resultSet.long(...) use Java keywords as method names. The JDBC equivalents
            // are used instead.
            // The details depend on your data store, but the general idea looks like this
            // begin from the offsets committed to the database
            Map<TopicPartition, Long> fromOffsets = new HashMap<>();
            while (selectOffsetsFromYourDatabase.next()) { // differs: "for (resultSet : selectOffsetsFromYourDatabase)"
              ResultSet resultSet = selectOffsetsFromYourDatabase; // harness: names the row as the guide does
              fromOffsets.put(new TopicPartition(resultSet.getString("topic"), resultSet.getInt("partition")), resultSet.getLong("offset")); // differs: string/int/long
            }
            JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(
              streamingContext,
              LocationStrategies.PreferConsistent(),
              ConsumerStrategies.<String, String>Assign(fromOffsets.keySet(), kafkaParams, fromOffsets)
            );
            stream.foreachRDD(rdd -> {
              OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
              
              Object results = yourCalculation(rdd);
              // begin your transaction
              // update results
              database.insertResults((List<String>) results); // harness
              // update offsets where the end of existing offsets matches the beginning of this batch of offsets
              int updated = 0; // harness
              for (OffsetRange o : offsetRanges) { // harness
                updated += database.advance(o.topic(), o.partition(), o.fromOffset(), o.untilOffset()); // harness
              } // harness
              // assert that offsets were updated correctly
              if (updated != offsetRanges.length) { // harness
                database.rollback(); // harness
                throw new IllegalStateException("Offsets in the database do not match this batch"); // harness
              } // harness
              // end your transaction
              database.commit(); // harness
            });
            // end of guide
            selectOffsetsFromYourDatabase.getStatement().close();
            streamingContext.start();
            kafka.produce(20, i -> new ProducerRecord<>("topicB", i % 2, null, "java-store-" + i));
            Map<TopicPartition, Long> end = endOffsets(kafka);

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    database.offsetOf("topicB", 0) == end.get(new TopicPartition("topicB", 0))
                            && database.offsetOf("topicB", 1) == end.get(new TopicPartition("topicB", 1)));
            streamingContext.stop(false, true);
            assertThat(database.results()).containsExactlyInAnyOrderElementsOf(
                    kafka.readAll("topicB", "read_uncommitted").stream().map(ConsumerRecord::value)
                            .collect(Collectors.toList()));
        }
    }

    @Test
    void sslParameters(KafkaCluster kafka) {
        // guide: SSL / TLS (Java)
        Map<String, Object> kafkaParams = new HashMap<String, Object>();
        // the usual params, make sure to change the port in bootstrap.servers if 9092 is not TLS
        kafkaParams.put("security.protocol", "SSL");
        kafkaParams.put("ssl.truststore.location", "/some-directory/kafka.client.truststore.jks");
        kafkaParams.put("ssl.truststore.password", "test1234");
        kafkaParams.put("ssl.keystore.location", "/some-directory/kafka.client.keystore.jks");
        kafkaParams.put("ssl.keystore.password", "test1234");
        kafkaParams.put("ssl.key.password", "test1234");
        // end of guide
        Map<String, Object> usual = guideKafkaParams();
        usual.put("bootstrap.servers", kafka.sslBootstrapServers()); // the TLS port, as the comment says
        usual.forEach(kafkaParams::putIfAbsent);
        OffsetRange[] offsetRanges = {OffsetRange.create("test", 0, 0, 5)};

        JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(sparkContext, kafkaParams, offsetRanges,
                LocationStrategies.PreferConsistent());

        assertThat(rdd.map(ConsumerRecord::value).collect()).containsExactly("test-0", "test-2", "test-4", "test-6", "test-8");
    }

    /** The guide's placeholder calculation, made real: the values of the batch. */
    static Object yourCalculation(JavaRDD<ConsumerRecord<String, String>> rdd) {
        return new ArrayList<>(rdd.map(ConsumerRecord::value).collect());
    }

    /** The kafkaParams of "Creating a Direct Stream", for snippets that say to create them as there. */
    private static Map<String, Object> guideKafkaParams() {
        Map<String, Object> kafkaParams = new HashMap<>();
        kafkaParams.put("bootstrap.servers", "localhost:9092,anotherhost:9092");
        kafkaParams.put("key.deserializer", StringDeserializer.class);
        kafkaParams.put("value.deserializer", StringDeserializer.class);
        kafkaParams.put("group.id", "use_a_separate_group_id_for_each_stream");
        kafkaParams.put("auto.offset.reset", "latest");
        kafkaParams.put("enable.auto.commit", false);
        return kafkaParams;
    }

    /** Starts the stream, waits for its first batch (so "latest" is fixed), then produces 20 records. */
    private void startAndProduce(KafkaCluster kafka, String prefix) {
        streamingContext.addStreamingListener(new org.apache.spark.streaming.scheduler.StreamingListener() {
            @Override
            public void onBatchCompleted(org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted batch) {
                BATCHES.add(1);
            }
        });
        streamingContext.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !BATCHES.isEmpty());
        kafka.produce(20, i -> new ProducerRecord<>(i % 2 == 0 ? "topicA" : "topicB", (i / 2) % 2, "k" + i, prefix + "-" + i));
    }

    private static List<String> mine(String prefix) {
        return SEEN.stream().filter(value -> value.contains(prefix + "-")).collect(Collectors.toList());
    }

    private static List<String> expected(String prefix) {
        return IntStream.range(0, 20).mapToObj(i -> "k" + i + "=" + prefix + "-" + i).collect(Collectors.toList());
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaCluster kafka) {
        Map<TopicPartition, Long> end = new HashMap<>(kafka.endOffsets("topicA"));
        end.putAll(kafka.endOffsets("topicB"));
        return end;
    }
}
