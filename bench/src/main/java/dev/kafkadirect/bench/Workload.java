package dev.kafkadirect.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What is measured, and by whom. A raw baseline runs only where it mirrors the workload: the scan (raw
 * consumers read the same partitions; a single-batch catch-up reads them the same way, so its row is the
 * scan's). Not for the batched, rate-limited or skewed workloads (a raw pool neither reads in batches through a
 * bounded consumer cache nor splits a partition), nor for planning and steady state (Spark streams). The
 * client version's rows ({@code -shipped}) and Structured Streaming's Kafka source (with ours on its Spark release)
 * run where the read dominates: scan and single-batch catch-up.
 */
public enum Workload {
    SCAN("scan", EnumSet.allOf(Contender.class)),
    CATCH_UP("catch-up", EnumSet.of(Contender.OURS, Contender.APACHE, Contender.APACHE_SHIPPED,
            Contender.OURS_BESIDE_STRUCTURED, Contender.STRUCTURED)),
    CATCH_UP_BATCHES("catch-up-batches", EnumSet.of(Contender.OURS, Contender.APACHE)),
    SKEW_CPU("skew-cpu", EnumSet.of(Contender.OURS, Contender.APACHE)),
    SKEW_IO("skew-io", EnumSet.of(Contender.OURS, Contender.APACHE)),
    MANY_PARTITIONS("many-partitions", EnumSet.of(Contender.OURS, Contender.APACHE)),
    PLANNING("planning", EnumSet.of(Contender.OURS, Contender.APACHE)),
    STEADY_STATE("steady-state", EnumSet.of(Contender.OURS, Contender.APACHE));

    private final String label;
    private final Set<Contender> contenders;

    Workload(String label, Set<Contender> contenders) {
        this.label = label;
        this.contenders = Collections.unmodifiableSet(contenders);
    }

    /** @return the name on the command line and in results */
    public String label() {
        return label;
    }

    /** @return who runs this workload */
    public Set<Contender> contenders() {
        return contenders;
    }

    /**
     * @param labels comma-separated workload names
     * @return the workloads
     * @throws IllegalArgumentException naming an unknown workload and the known ones
     */
    public static List<Workload> parse(String labels) {
        Workload[] parsed = Arrays.stream(labels.split(",")).map(String::trim).map(label -> Arrays.stream(values())
                .filter(workload -> workload.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown workload '" + label + "'; the benchmark knows "
                        + Arrays.stream(values()).map(Workload::label).reduce((a, b) -> a + ", " + b).orElse(""))))
                .toArray(Workload[]::new);
        return Arrays.asList(parsed);
    }
}
