package dev.kafkadirect.internal.rdd;

import dev.kafkadirect.testing.LocalSpark;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.Partition;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a task deserializes: Spark ships a task's whole RDD with every task, so the RDD's size per offset
 * range decides how a batch of thousands of partitions scales. No broker is needed: nothing is read.
 */
class KafkaRDDSerializationTest {
    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("local[1]", "KafkaRDDSerializationTest", Collections.emptyMap());
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void aDeserializedCopyHasTheSameRangesAndPartitions() throws Exception {
        OffsetRange[] ranges = {
                OffsetRange.create("orders", 0, 0, 100),
                OffsetRange.create("payments", 3, 7, 9),
                OffsetRange.create("orders", 1, 50, 50)};
        KafkaRDD<?, ?> copy = roundTrip(rddOf(ranges));

        assertThat(copy.offsetRanges()).containsExactly(ranges);
        Partition[] partitions = copy.getPartitions();
        assertThat(partitions).hasSize(3);
        for (int i = 0; i < partitions.length; i++) {
            assertThat(partitions[i].index()).isEqualTo(i);
            assertThat(((KafkaRDDPartition) partitions[i]).offsetRange()).isEqualTo(ranges[i]);
        }
    }

    @Test
    void eachRangeAddsNoMoreThanItsNumbersToASerializedRdd() throws Exception {
        int manyRanges = 5_000;
        OffsetRange[] many = IntStream.range(0, manyRanges)
                .mapToObj(partition -> OffsetRange.create("clicks", partition, 1_000L * partition, 1_000L * partition + 400))
                .toArray(OffsetRange[]::new);
        int oneRangeBytes = serialize(rddOf(new OffsetRange[]{many[0]})).length;
        int manyRangesBytes = serialize(rddOf(many)).length;

        // partition (int), from and until (longs), topic (an int index): 24 bytes.
        double bytesPerRange = (manyRangesBytes - oneRangeBytes) / (double) (manyRanges - 1);
        assertThat(bytesPerRange).isLessThanOrEqualTo(24.0);
    }

    private static KafkaRDD<?, ?> rddOf(OffsetRange[] ranges) {
        Map<String, Object> kafkaParams = new HashMap<>();
        kafkaParams.put("bootstrap.servers", "127.0.0.1:9");
        kafkaParams.put("key.deserializer", StringDeserializer.class);
        kafkaParams.put("value.deserializer", StringDeserializer.class);
        HasOffsetRanges rdd = (HasOffsetRanges) KafkaUtils.<String, String>createRDD(spark, kafkaParams, ranges,
                LocationStrategies.PreferConsistent()).rdd();
        return (KafkaRDD<?, ?>) rdd;
    }

    private static KafkaRDD<?, ?> roundTrip(KafkaRDD<?, ?> rdd) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(rdd)))) {
            return (KafkaRDD<?, ?>) in.readObject();
        }
    }

    private static byte[] serialize(KafkaRDD<?, ?> rdd) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rdd);
        }
        return bytes.toByteArray();
    }
}
