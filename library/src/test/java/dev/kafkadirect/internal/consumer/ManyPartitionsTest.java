package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.internal.metrics.ReadTotals;
import dev.kafkadirect.internal.rdd.KafkaRDD;
import dev.kafkadirect.testing.LocalCluster;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** More partitions than the consumer cache holds, on two executor JVMs: consumers are moved, not recreated. */
@Tag("long")
class ManyPartitionsTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

    private static final int PARTITIONS = 512;
    private static final int RECORDS_PER_PARTITION_PER_BATCH = 2;
    private static final int BATCHES = 3;

    @Test
    void consumersCreatedStayFlatAcrossBatchesAt512PartitionsWithCapacity64OnTwoExecutors(KafkaCluster kafka) {
        kafka.createTopic("many-partitions", PARTITIONS);
        kafka.produceBulk((long) PARTITIONS * RECORDS_PER_PARTITION_PER_BATCH * BATCHES,
                index -> new ProducerRecord<>("many-partitions", (int) (index % PARTITIONS), null, "v" + index), acked -> { });
        List<ReadTotals> batches = new ArrayList<>();
        try (JavaSparkContext spark = LocalCluster.start("ManyPartitionsTest", 2, Map.of())) {
            for (int batch = 0; batch < BATCHES; batch++) {
                OffsetRange[] ranges = new OffsetRange[PARTITIONS];
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    ranges[partition] = OffsetRange.create("many-partitions", partition,
                            (long) batch * RECORDS_PER_PARTITION_PER_BATCH, (long) (batch + 1) * RECORDS_PER_PARTITION_PER_BATCH);
                }
                JavaRDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(spark,
                        kafka.stringConsumerConfig("many-partitions"), ranges, LocationStrategies.PreferConsistent());
                assertThat(rdd.map(ConsumerRecord::value).collect()).hasSize(PARTITIONS * RECORDS_PER_PARTITION_PER_BATCH);
                batches.add(((KafkaRDD<?, ?>) rdd.rdd()).readTotals());
            }
        }

        assertThat(batches.get(0).consumers(LeaseOrigin.CREATED)).as("up to the capacity of each executor")
                .isBetween(64L, 128L);
        for (ReadTotals later : batches.subList(1, BATCHES)) {
            assertThat(later.consumers(LeaseOrigin.CREATED)).as("created in a later batch").isZero();
            assertThat(later.consumers(LeaseOrigin.CACHED) + later.consumers(LeaseOrigin.MOVED)).isEqualTo(PARTITIONS);
        }
    }
}
