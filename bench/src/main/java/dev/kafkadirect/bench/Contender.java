package dev.kafkadirect.bench;

/**
 * Who is measured: Kafka Direct, Apache's module (the same Spark code) and raw-consumer baselines. The headline
 * contenders ({@code ours}, {@code apache}, {@code raw-*}) all run on the kafka-clients ours ships, so that
 * they differ in the module only; the {@code -shipped} ones run on the kafka-clients Apache's module brings,
 * so that the client version's own effect shows in rows of its own.
 */
public enum Contender {
    OURS("ours", Module.OURS, false),
    APACHE("apache", Module.APACHE, false),
    APACHE_SHIPPED("apache-shipped", Module.APACHE, true),
    RAW_SINGLE("raw-single", Module.NONE, false),
    RAW_PARALLEL("raw-parallel", Module.NONE, false),
    RAW_PARALLEL_SHIPPED("raw-parallel-shipped", Module.NONE, true);

    /** Whose Spark integration a contender runs; raw contenders run none. */
    enum Module { OURS, APACHE, NONE }

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

    /** @return whose module runs: its classpath is Apache's for {@link Module#APACHE} */
    Module module() {
        return module;
    }

    /** @return true when this contender runs on the kafka-clients Apache's module brings, not ours */
    boolean onShippedClient() {
        return shippedClient;
    }
}
