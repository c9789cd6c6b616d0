package dev.kafkadirect.additions;

import dev.kafkadirect.rack.ClientRackResolver;
import org.apache.spark.SparkEnv;

/** A resolver as a user might write one: executor 0 is in rack-b, executor 1 in rack-c, and so on. */
public final class ExecutorIdRack implements ClientRackResolver {
    @Override
    public String clientRack() {
        return "rack-" + (char) ('b' + Integer.parseInt(SparkEnv.get().executorId()));
    }
}
