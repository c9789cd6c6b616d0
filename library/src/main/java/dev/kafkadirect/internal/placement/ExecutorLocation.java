package dev.kafkadirect.internal.placement;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/** One executor as the scheduler names it: its host and executor id. */
public final class ExecutorLocation implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Executors sorted by host, then id, so every batch sees them in the same order. */
    static final Comparator<ExecutorLocation> ORDER =
            Comparator.comparing(ExecutorLocation::host).thenComparing(ExecutorLocation::executorId);

    private final String host;
    private final String executorId;

    public ExecutorLocation(String host, String executorId) {
        this.host = Objects.requireNonNull(host, "host");
        this.executorId = Objects.requireNonNull(executorId, "executorId");
    }

    public String host() {
        return host;
    }

    public String executorId() {
        return executorId;
    }

    /** @return the location string Spark's scheduler reads as "this executor" */
    public String taskLocation() {
        return "executor_" + host + "_" + executorId;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ExecutorLocation)) {
            return false;
        }
        ExecutorLocation that = (ExecutorLocation) other;
        return host.equals(that.host) && executorId.equals(that.executorId);
    }

    @Override
    public int hashCode() {
        return 31 * host.hashCode() + executorId.hashCode();
    }

    @Override
    public String toString() {
        return taskLocation();
    }
}
