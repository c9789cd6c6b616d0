package dev.kafkadirect.compat;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.LocationStrategy;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.streaming.kafka010.PerPartitionConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A Java application compiled against Apache's spark-streaming-kafka-0-10, run by the tests against Kafka Direct. */
public final class JavaApp {
    private JavaApp() {
    }

    public static Map<String, Object> kafkaParams(String bootstrapServers, String groupId) {
        Map<String, Object> kafkaParams = new HashMap<>();
        kafkaParams.put("bootstrap.servers", bootstrapServers);
        kafkaParams.put("key.deserializer", StringDeserializer.class);
        kafkaParams.put("value.deserializer", StringDeserializer.class);
        kafkaParams.put("group.id", groupId);
        kafkaParams.put("auto.offset.reset", "earliest");
        kafkaParams.put("enable.auto.commit", false);
        return kafkaParams;
    }

    /** createRDD with each location strategy it accepts; one line per range, then the values of each RDD. */
    public static List<String> batch(JavaSparkContext sc, String bootstrapServers, String topic) {
        Map<String, Object> kafkaParams = kafkaParams(bootstrapServers, "compat-java-batch");
        OffsetRange[] offsetRanges = {
            OffsetRange.create(topic, 0, 0, 3),
            OffsetRange.create(new TopicPartition(topic, 1), 0, 2)
        };
        JavaRDD<ConsumerRecord<String, String>> consistent =
                KafkaUtils.createRDD(sc, kafkaParams, offsetRanges, LocationStrategies.PreferConsistent());
        JavaRDD<ConsumerRecord<String, String>> fixed = KafkaUtils.createRDD(sc, kafkaParams, offsetRanges,
                LocationStrategies.PreferFixed(Collections.singletonMap(new TopicPartition(topic, 1), "127.0.0.1")));
        List<String> lines = new ArrayList<>();
        for (OffsetRange o : ((HasOffsetRanges) consistent.rdd()).offsetRanges()) {
            lines.add(o.topic() + "-" + o.partition() + " " + o.fromOffset() + "-" + o.untilOffset() + " (" + o.count() + ")");
        }
        lines.add(String.join(",", consistent.map(ConsumerRecord::value).collect()));
        lines.add(String.join(",", fixed.map(ConsumerRecord::value).collect()));
        return lines;
    }

    /** Reads the topic through every Java consumer strategy variant; one line per variant. */
    public static List<String> streams(JavaSparkContext sc, String bootstrapServers, String topic, int records) {
        List<TopicPartition> partitions = Arrays.asList(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
        Map<TopicPartition, Long> fromTwo = new HashMap<>();
        partitions.forEach(partition -> fromTwo.put(partition, 2L));
        PerPartitionConfig perPartition = new PerPartitionConfig() {
            @Override
            public long maxRatePerPartition(TopicPartition topicPartition) {
                return 1000;
            }
        };
        Pattern pattern = Pattern.compile(Pattern.quote(topic));
        Map<String, List<String>> seen = new LinkedHashMap<>();
        seen.put("Subscribe", read(sc, ConsumerStrategies.<String, String>Subscribe(Collections.singletonList(topic),
                kafkaParams(bootstrapServers, "compat-java-subscribe")), LocationStrategies.PreferConsistent(), null, records));
        seen.put("Subscribe+offsets", read(sc, ConsumerStrategies.<String, String>Subscribe(Collections.singletonList(topic),
                kafkaParams(bootstrapServers, "compat-java-subscribe-offsets"), fromTwo),
                LocationStrategies.PreferBrokers(), perPartition, records - 4));
        seen.put("SubscribePattern", read(sc, ConsumerStrategies.<String, String>SubscribePattern(pattern,
                kafkaParams(bootstrapServers, "compat-java-pattern")), LocationStrategies.PreferConsistent(), null, records));
        seen.put("SubscribePattern+offsets", read(sc, ConsumerStrategies.<String, String>SubscribePattern(pattern,
                kafkaParams(bootstrapServers, "compat-java-pattern-offsets"), fromTwo),
                LocationStrategies.PreferConsistent(), null, records - 4));
        seen.put("Assign", read(sc, ConsumerStrategies.<String, String>Assign(partitions,
                kafkaParams(bootstrapServers, "compat-java-assign")), LocationStrategies.PreferConsistent(), null, records));
        seen.put("Assign+offsets", read(sc, ConsumerStrategies.<String, String>Assign(partitions,
                kafkaParams(bootstrapServers, "compat-java-assign-offsets"), fromTwo),
                LocationStrategies.PreferConsistent(), perPartition, records - 4));
        return seen.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue().size() + " records, first "
                + entry.getValue().get(0) + ", last " + entry.getValue().get(entry.getValue().size() - 1))
                .collect(Collectors.toList());
    }

    private static List<String> read(JavaSparkContext sc, ConsumerStrategy<String, String> strategy,
                                     LocationStrategy location, PerPartitionConfig perPartition, int expected) {
        JavaStreamingContext ssc = new JavaStreamingContext(sc, Durations.milliseconds(500));
        JavaInputDStream<ConsumerRecord<String, String>> stream = perPartition == null
                ? KafkaUtils.createDirectStream(ssc, location, strategy)
                : KafkaUtils.createDirectStream(ssc, location, strategy, perPartition);
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            seen.addAll(rdd.map(record -> record.partition() + ":" + record.offset()).collect());
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges, (offsets, exception) -> { });
        });
        ssc.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        try {
            while (seen.size() < expected && System.nanoTime() < deadline) {
                ssc.awaitTerminationOrTimeout(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ssc.stop(false, true);
        List<String> sorted = new ArrayList<>(seen);
        Collections.sort(sorted);
        return sorted;
    }

    /** Streams the topic through {@link AuthenticatingAssign}, a custom strategy; the values read, sorted. */
    public static List<String> customStrategy(JavaSparkContext sc, String bootstrapServers, String topic, int records) {
        return read(sc, new AuthenticatingAssign(kafkaParams(bootstrapServers, "compat-java-custom"),
                Arrays.asList(new TopicPartition(topic, 0), new TopicPartition(topic, 1))),
                LocationStrategies.PreferConsistent(), null, records);
    }

    /**
     * A custom strategy as users write them for Apache's 3.x module: its driver consumer logs in through
     * {@code setAuthenticationConfigIfNeeded}, which Apache's ConsumerStrategy gives its subclasses.
     */
    public static final class AuthenticatingAssign extends ConsumerStrategy<String, String> {
        private static final long serialVersionUID = 1L;
        private final HashMap<String, Object> kafkaParams;
        private final ArrayList<TopicPartition> partitions;

        AuthenticatingAssign(Map<String, Object> kafkaParams, List<TopicPartition> partitions) {
            this.kafkaParams = new HashMap<>(kafkaParams);
            this.partitions = new ArrayList<>(partitions);
        }

        @Override
        public Map<String, Object> executorKafkaParams() {
            return kafkaParams;
        }

        @Override
        public Consumer<String, String> onStart(Map<TopicPartition, Long> currentOffsets) {
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(setAuthenticationConfigIfNeeded(kafkaParams));
            consumer.assign(partitions);
            currentOffsets.forEach(consumer::seek);
            return consumer;
        }
    }
}
