package dev.kafkadirect.bench;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who is measured: Kafka Direct, Apache's module (the same Spark code), Structured Streaming's Kafka source and
 * raw-consumer baselines. All but the {@code -shipped} ones run on the kafka-clients ours ships, so that they
 * differ in the module only; the {@code -shipped} ones run on the kafka-clients Apache's module brings, so that
 * the client version's own effect shows in rows of its own. {@code structured} runs on the Spark release of
 * the Kafka source's classpath, and {@code ours-beside-structured} is ours on that same release, its pair.
 */
public enum Contender {
    OURS("ours", Module.OURS, false),
    APACHE("apache", Module.APACHE, false),
    APACHE_SHIPPED("apache-shipped", Module.APACHE, true),
    OURS_BESIDE_STRUCTURED("ours-beside-structured", Module.OURS_ON_STRUCTURED_SPARK, false),
    STRUCTURED("structured", Module.STRUCTURED, false),
    RAW_SINGLE("raw-single", Module.NONE, false),
    RAW_PARALLEL("raw-parallel", Module.NONE, false),
    RAW_PARALLEL_SHIPPED("raw-parallel-shipped", Module.NONE, true);

    /** Whose Spark integration a contender runs, on which Spark; raw contenders run none. */
    enum Module { OURS, APACHE, OURS_ON_STRUCTURED_SPARK, STRUCTURED, NONE }

    private final String label;
    private final Module module;
    private final boolean shippedClient;

    Contender(String label, Module module, boolean shippedClient) {
        this.label = label;
        this.module = module;
        this.shippedClient = shippedClient;
    }

    /** @return the name in results and on the worker's command line */
    public String label() {
        return label;
    }

    /**
     * @param labels comma-separated contender names
     * @return the contenders
     * @throws IllegalArgumentException naming an unknown contender and the known ones
     */
    static List<Contender> parse(String labels) {
        return Arrays.stream(labels.split(",")).map(String::trim).map(label -> Arrays.stream(values())
                .filter(contender -> contender.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown contender '" + label + "'; the benchmark knows "
                        + Arrays.stream(values()).map(Contender::label).collect(Collectors.joining(", ")))))
                .collect(Collectors.toList());
    }

    /** @return whose module runs, which decides the classpath */
    Module module() {
        return module;
    }

    /** @return true when this contender runs on the kafka-clients Apache's module brings, not ours */
    boolean onShippedClient() {
        return shippedClient;
    }
}
