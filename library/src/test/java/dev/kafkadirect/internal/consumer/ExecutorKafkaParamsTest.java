package dev.kafkadirect.internal.consumer;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorKafkaParamsTest {
    @Test
    void executorsNeverCommitNeverResetAndUseTheirOwnGroup() {
        Map<String, Object> user = new HashMap<>();
        user.put("bootstrap.servers", "127.0.0.1:9092");
        user.put("group.id", "orders");
        user.put("enable.auto.commit", true);
        user.put("auto.offset.reset", "latest");
        user.put("receive.buffer.bytes", "1024");
        user.put("dev.kafkadirect.failOnDataLoss", "false");

        Map<String, Object> executor = ExecutorKafkaParams.adjust(user);

        assertThat(executor).containsEntry("enable.auto.commit", false)
                .containsEntry("auto.offset.reset", "none")
                .containsEntry("group.id", "spark-executor-orders")
                .containsEntry("receive.buffer.bytes", 65536)
                .containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("fetch.max.wait.ms", 10)
                .containsEntry("enable.metrics.push", false)
                .doesNotContainKey("dev.kafkadirect.failOnDataLoss");
        assertThat(user).as("the user's map is untouched").containsEntry("group.id", "orders");
        assertThat(ExecutorKafkaParams.adjust(executor)).as("adjusting twice changes nothing").isEqualTo(executor);
    }

    @Test
    void apachesInternalFixKafkaParamsGivesTheSameExecutorSettingsInPlace() {
        HashMap<String, Object> params = new HashMap<>();
        params.put("bootstrap.servers", "127.0.0.1:9092");
        params.put("group.id", "orders");
        params.put("enable.auto.commit", true);
        Map<String, Object> expected = ExecutorKafkaParams.adjust(params);

        org.apache.spark.streaming.kafka010.KafkaUtils$.MODULE$.fixKafkaParams(params);

        assertThat(params).isEqualTo(expected).containsEntry("enable.auto.commit", false)
                .containsEntry("auto.offset.reset", "none").containsEntry("group.id", "spark-executor-orders");
    }

    @Test
    void aFetchWaitTheUserSetIsKept() {
        Map<String, Object> user = new HashMap<>();
        user.put("fetch.max.wait.ms", "250");

        assertThat(ExecutorKafkaParams.adjust(user)).containsEntry("fetch.max.wait.ms", "250");
    }

    @Test
    void metricsPushTheUserAskedForIsKept() {
        Map<String, Object> user = new HashMap<>();
        user.put("enable.metrics.push", "true");

        assertThat(ExecutorKafkaParams.adjust(user)).containsEntry("enable.metrics.push", "true");
    }

    @Test
    void withoutGroupIdNoneIsInvented() {
        Map<String, Object> user = new HashMap<>();
        user.put("bootstrap.servers", "127.0.0.1:9092");
        user.put("receive.buffer.bytes", -1);

        assertThat(ExecutorKafkaParams.adjust(user)).doesNotContainKey("group.id")
                .containsEntry("receive.buffer.bytes", -1);
    }
}
