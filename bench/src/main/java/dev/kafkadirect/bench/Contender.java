package dev.kafkadirect.bench;

/** Who is measured: Kafka Direct, Apache's module (the same Spark code), and two raw-consumer baselines. */
public enum Contender {
    OURS("ours"),
    APACHE("apache"),
    RAW_SINGLE("raw-single"),
    RAW_PARALLEL("raw-parallel");

    private final String label;

    Contender(String label) {
        this.label = label;
    }

    /** @return the name in results and on the worker's command line */
    public String label() {
        return label;
    }

    /** @return true when this contender runs with Apache's module on its classpath */
    boolean usesApacheClasspath() {
        return this == APACHE;
    }
}
