package dev.kafkadirect.additions;

import dev.kafkadirect.testing.LocalCluster;
import dev.kafkadirect.testkit.KafkaCluster;
import dev.kafkadirect.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rack-aware reads (KIP-392) on three brokers in racks a, b and c, with every partition led by broker 1 (rack-a):
 * executor consumers that know their rack fetch from the follower there. Each task reports its consumer's
 * {@code preferred-read-replica}, the replica the leader told it to fetch from, from Kafka's metrics in the
 * executor JVM.
 */
@Tag("brokers")
class RackAwareReadsTest {
    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.brokers(3, builder -> builder
            .brokerProperty("replica.selector.class", "org.apache.kafka.common.replica.RackAwareReplicaSelector")
            .brokerProperty(1, "broker.rack", "rack-a")
            .brokerProperty(2, "broker.rack", "rack-b")
            .brokerProperty(3, "broker.rack", "rack-c"));
    private static final int RECORDS_PER_PARTITION = 50;

    @Test
    void eachExecutorFetchesFromTheFollowerInTheRackItsResolverNames(KafkaCluster kafka) throws Exception {
        String topic = ledByBrokerOne(kafka, "rack-resolver");
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("rack-resolver");
        kafkaParams.put("dev.kafkadirect.clientRackResolver", ExecutorIdRack.class.getName());

        try (JavaSparkContext sc = LocalCluster.start("RackAwareReadsTest", 2, Map.of())) {
            List<String> reports = readReportingReplicas(sc, kafkaParams, topic);

            assertThat(reports).hasSize(4);
            // Executor 0 is in rack-b (broker 2), executor 1 in rack-c (broker 3); the leader is broker 1.
            assertThat(reports).allSatisfy(report -> assertThat(report).matches(
                    "executor 0 partition \\d read 50, fetching from broker 2|executor 1 partition \\d read 50, fetching from broker 3"));
        }
    }

    @Test
    void anEnvironmentVariableOfTheExecutorsGivesTheirRack(KafkaCluster kafka) throws Exception {
        String topic = ledByBrokerOne(kafka, "rack-env");
        Map<String, Object> kafkaParams = kafka.stringConsumerConfig("rack-env");
        kafkaParams.put("dev.kafkadirect.clientRackEnv", "KAFKA_DIRECT_TEST_RACK");

        try (JavaSparkContext sc = LocalCluster.start("RackAwareReadsTest", 1,
                Map.of("spark.executorEnv.KAFKA_DIRECT_TEST_RACK", "rack-c"))) {
            assertThat(readReportingReplicas(sc, kafkaParams, topic)).containsOnly(
                    "executor 0 partition 0 read 50, fetching from broker 3",
                    "executor 0 partition 1 read 50, fetching from broker 3");
        }
    }

    /** Two partitions, each with replicas 1, 2, 3 (so broker 1 leads both), 50 records each. */
    private static String ledByBrokerOne(KafkaCluster kafka, String topic) throws Exception {
        kafka.admin().createTopics(List.of(new NewTopic(topic, Map.of(0, List.of(1, 2, 3), 1, List.of(1, 2, 3)))))
                .all().get();
        kafka.produce(2 * RECORDS_PER_PARTITION, i -> new ProducerRecord<>(topic, i % 2, null, "v" + i));
        assertThat(kafka.leaderOf(topic, 0)).isEqualTo(1);
        assertThat(kafka.leaderOf(topic, 1)).isEqualTo(1);
        return topic;
    }

    /** Reads both partitions twice (2 tasks each time); each task reports what its consumer fetched from. */
    private static List<String> readReportingReplicas(JavaSparkContext sc, Map<String, Object> kafkaParams,
                                                      String topic) {
        OffsetRange[] ranges = {OffsetRange.create(topic, 0, 0, RECORDS_PER_PARTITION),
                OffsetRange.create(topic, 1, 0, RECORDS_PER_PARTITION)};
        List<String> reports = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            reports.addAll(KafkaUtils.<String, String>createRDD(sc, kafkaParams, ranges, LocationStrategies.PreferConsistent())
                    .mapPartitions(records -> {
                        int read = 0;
                        while (records.hasNext()) {
                            ConsumerRecord<String, String> record = records.next();
                            read += record.value().startsWith("v") ? 1 : 0;
                        }
                        int partition = TaskContext.getPartitionId();
                        return Collections.singletonList("executor " + SparkEnv.get().executorId() + " partition "
                                + partition + " read " + read + ", fetching from broker "
                                + preferredReadReplica(topic, partition)).iterator();
                    }).collect());
        }
        return reports;
    }

    /** The replica this JVM's consumers of the partition were told to fetch from (-1: the leader). */
    private static String preferredReadReplica(String topic, int partition) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> replicas = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName("kafka.consumer:type=consumer-fetch-manager-metrics,"
                + "client-id=*,topic=" + topic + ",partition=" + partition), null)) {
            replicas.add(String.valueOf(((Number) server.getAttribute(name, "preferred-read-replica")).intValue()));
        }
        return String.join(",", replicas);
    }
}
