package dev.kafkadirect.security;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * What the security tests do with a client configuration under test: make it a string reader's kafkaParams, read
 * a two-partition topic with createRDD, and start a stream that collects values and commits its offsets; and wait
 * for a broker to know a new delegation token.
 */
final class SecuredReads {
    private SecuredReads() {
    }

    /**
     * @param clientConfig the listener's bootstrap servers and security settings; changed and returned
     * @param groupId the consumer group
     * @return kafkaParams of a string reader from the earliest offset, committing itself
     */
    static Map<String, Object> kafkaParams(Map<String, Object> clientConfig, String groupId) {
        clientConfig.put("key.deserializer", StringDeserializer.class);
        clientConfig.put("value.deserializer", StringDeserializer.class);
        clientConfig.put("group.id", groupId);
        clientConfig.put("auto.offset.reset", "earliest");
        clientConfig.put("enable.auto.commit", false);
        return clientConfig;
    }

    /** @return offsets 0 to {@code perPartition} of partitions 0 and 1 of the topic */
    static OffsetRange[] twoPartitions(String topic, long perPartition) {
        return new OffsetRange[] {OffsetRange.create(new TopicPartition(topic, 0), 0, perPartition),
                OffsetRange.create(new TopicPartition(topic, 1), 0, perPartition)};
    }

    /** @return the values of the first {@code perPartition} records of partitions 0 and 1, read with createRDD */
    static List<String> createRdd(JavaSparkContext spark, Map<String, Object> kafkaParams, String topic,
                                  long perPartition) {
        return KafkaUtils.<String, String>createRDD(spark, kafkaParams, twoPartitions(topic, perPartition),
                LocationStrategies.PreferConsistent()).map(ConsumerRecord::value).collect();
    }

    /**
     * Starts a stream of the topic that adds each batch's values to {@code seen} (after clearing it) and commits
     * the batch's offsets.
     */
    static void startStream(JavaStreamingContext ssc, Map<String, Object> kafkaParams, String topic,
                            List<String> seen) {
        seen.clear();
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Subscribe(List.of(topic), kafkaParams));
        stream.foreachRDD(rdd -> {
            OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            seen.addAll(rdd.map(ConsumerRecord::value).collect());
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(offsetRanges);
        });
        ssc.start();
    }

    /** @return {@code prefix0} to {@code prefix(count-1)} */
    static List<String> values(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.toList());
    }

    /**
     * Waits until the broker lists the token: the controller makes a delegation token, and the broker accepts it only
     * once the metadata reaches it (until then a login with it fails as invalid credentials).
     *
     * @param admin a client of the token's owner (or of a user allowed to describe it)
     * @param tokenId the token's id
     */
    static void awaitBrokerKnowsToken(Admin admin, String tokenId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.describeDelegationToken().delegationTokens()
                .get(30, TimeUnit.SECONDS).stream()
                .anyMatch(known -> known.tokenInfo().tokenId().equals(tokenId)));
    }
}
