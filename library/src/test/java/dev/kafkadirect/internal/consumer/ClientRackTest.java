package dev.kafkadirect.internal.consumer;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Choosing an executor's client.rack: one way at most, checked on the driver; a bad resolver named on the executor. */
class ClientRackTest {
    private static final SparkConf CONF = new SparkConf(false);

    @Test
    void clientRackAndOurOptionsAreOneChoiceAndTheErrorNamesWhatIsSet() {
        assertThatThrownBy(() -> ReadSettings.from(CONF, Map.of("client.rack", "rack-a",
                "dev.kafkadirect.clientRackEnv", "ZONE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Set only one of client.rack (the same rack for every executor), dev.kafkadirect.clientRackEnv"
                        + " and dev.kafkadirect.clientRackResolver (each executor's own rack) in kafkaParams, but"
                        + " client.rack and dev.kafkadirect.clientRackEnv are set");
        assertThatThrownBy(() -> ReadSettings.from(CONF, Map.of("dev.kafkadirect.clientRackResolver", "a.B",
                "dev.kafkadirect.clientRackEnv", "ZONE")))
                .hasMessageEndingWith("but dev.kafkadirect.clientRackEnv and dev.kafkadirect.clientRackResolver are set");
    }

    @Test
    void aResolverThatCannotBeMadeFailsNamingTheOptionAndTheClass() {
        ClientRack rack = ReadSettings.from(CONF, Map.of("dev.kafkadirect.clientRackResolver", "com.example.NoSuchResolver"))
                .clientRack();

        assertThatThrownBy(() -> rack.applyTo(Map.of("group.id", "g")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dev.kafkadirect.clientRackResolver=com.example.NoSuchResolver cannot be made on"
                        + " this executor (java.lang.ClassNotFoundException: com.example.NoSuchResolver)");
        assertThatThrownBy(() -> ReadSettings.from(CONF, Map.of("dev.kafkadirect.clientRackResolver", String.class.getName()))
                .clientRack().applyTo(Map.of()))
                .hasMessage("dev.kafkadirect.clientRackResolver=java.lang.String does not implement"
                        + " dev.kafkadirect.rack.ClientRackResolver");
    }

    @Test
    void anEnvironmentVariableTheExecutorLacksLeavesClientRackUnset() {
        Map<String, Object> params = Map.of("group.id", "g");

        assertThat(ReadSettings.from(CONF, Map.of("dev.kafkadirect.clientRackEnv", "KAFKA_DIRECT_NO_SUCH_VARIABLE"))
                .clientRack().applyTo(params)).isEqualTo(params);
        assertThat(ReadSettings.from(CONF, Map.of()).clientRack().applyTo(params)).isSameAs(params);
    }
}
