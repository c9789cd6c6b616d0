package dev.kafkadirect.internal.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kafkaParams executors use: the user's, except that executors never commit and never reset
 * offsets on their own (the driver decides every range), and use a group id of their own; unless the user
 * set it, they also wait only briefly for a fetch past the data ({@value #FETCH_MAX_WAIT_MS} ms) and do not
 * push client metrics to the broker ({@value #METRICS_PUSH}=false). Each adjustment is logged once per JVM with
 * the old and new value.
 */
public final class ExecutorKafkaParams {
    /** Prefix of the group id of executor consumers, so their (unused) group never meets the driver's. */
    public static final String GROUP_PREFIX = "spark-executor-";
    private static final int MIN_RECEIVE_BUFFER_BYTES = 65536;
    /**
     * Executors only ask for offsets the driver saw, so the broker never has to wait for them; only the
     * prefetch past a range's end waits. A consumer moved to another partition cannot fetch until that
     * prefetch returns: Kafka's default (500 ms) would stall it for that long.
     */
    static final int FETCH_MAX_WAIT_MS = 10;
    /**
     * Kafka clients from 3.7 on push their metrics to brokers that ask for them (KIP-714) and, to name them,
     * run regular expressions over every metric they register. A consumer registers metrics for each
     * partition it is assigned, and executor consumers move between partitions: in the 512-partition
     * benchmark that naming was 5 % of task time. JMX metrics are kept.
     */
    static final String METRICS_PUSH = "enable.metrics.push";
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorKafkaParams.class);
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private ExecutorKafkaParams() {
    }

    /**
     * @param userParams the kafkaParams given to createRDD or the consumer strategy
     * @return a new serializable map for executor consumers
     */
    public static Map<String, Object> adjust(Map<String, Object> userParams) {
        Map<String, Object> params = KafkaDirectOptions.withoutOptions(userParams);
        override(params, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                "executors never commit; commit from the driver with commitAsync");
        override(params, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none",
                "executors read exactly the ranges the driver planned");
        Object groupId = params.get(ConsumerConfig.GROUP_ID_CONFIG);
        if (groupId != null && !String.valueOf(groupId).startsWith(GROUP_PREFIX)) {
            override(params, ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + groupId,
                    "executor consumers keep out of the driver's consumer group");
        }
        if (!params.containsKey(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)) {
            override(params, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS,
                    "executors fetch only offsets that exist; a long wait past them stalls consumers moved between partitions");
        }
        if (!params.containsKey(METRICS_PUSH) && ConsumerConfig.configNames().contains(METRICS_PUSH)) {
            override(params, METRICS_PUSH, false,
                    "executor consumers move between partitions; naming each partition's metrics for the broker costs task time");
        }
        Object receiveBuffer = params.get(ConsumerConfig.RECEIVE_BUFFER_CONFIG);
        if (receiveBuffer != null && Integer.parseInt(String.valueOf(receiveBuffer).trim()) != -1
                && Integer.parseInt(String.valueOf(receiveBuffer).trim()) < MIN_RECEIVE_BUFFER_BYTES) {
            override(params, ConsumerConfig.RECEIVE_BUFFER_CONFIG, MIN_RECEIVE_BUFFER_BYTES,
                    "smaller socket buffers stall fetches");
        }
        return Collections.unmodifiableMap(params);
    }

    private static void override(Map<String, Object> params, String key, Object value, String reason) {
        Object old = params.get(key);
        if (old != null && String.valueOf(old).equals(String.valueOf(value))) {
            return;
        }
        params.put(key, value);
        if (LOGGED.add(key + "=" + old + "->" + value)) {
            LOG.info("Executor kafkaParams: {} {} -> '{}' ({})", key, old == null ? "unset" : "'" + old + "'", value,
                    reason);
        }
    }

    /** @return the user's group id, or empty string when none was given */
    public static String groupIdOf(Map<String, Object> params) {
        return Objects.toString(params.get(ConsumerConfig.GROUP_ID_CONFIG), "");
    }
}
