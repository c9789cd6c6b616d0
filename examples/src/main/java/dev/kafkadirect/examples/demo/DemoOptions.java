package dev.kafkadirect.examples.demo;

/**
 * Options of a demo run, from {@code --lines N --partitions N --batch-records N --jdbc-url URL
 * --standalone-cluster}: its sizes, the database holding the counts and offsets (an embedded H2 database
 * unless a URL is given), and where Spark runs (local mode, or a standalone cluster of separate JVMs).
 */
public final class DemoOptions {
    /** The embedded default: an H2 database in the demo's JVM. */
    public static final String EMBEDDED_H2 = "jdbc:h2:mem:kafka-direct-demo;DB_CLOSE_DELAY=-1";

    private final long lines;
    private final int partitions;
    private final long batchRecords;
    private final String jdbcUrl;
    private final boolean standaloneCluster;

    public DemoOptions(long lines, int partitions, long batchRecords, String jdbcUrl) {
        this(lines, partitions, batchRecords, jdbcUrl, false);
    }

    /**
     * @param standaloneCluster whether to run Spark's executors on a standalone cluster (a Master and two Workers,
     *                          started by the demo) instead of in local mode
     */
    public DemoOptions(long lines, int partitions, long batchRecords, String jdbcUrl, boolean standaloneCluster) {
        if (lines < 1 || partitions < 1 || batchRecords < 1) {
            throw new IllegalArgumentException("--lines, --partitions and --batch-records must be >= 1 but were "
                    + lines + ", " + partitions + ", " + batchRecords);
        }
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--jdbc-url must be a JDBC URL such as"
                    + " jdbc:postgresql://localhost:5432/postgres?user=postgres&password=..., but was '" + jdbcUrl + "'");
        }
        this.lines = lines;
        this.partitions = partitions;
        this.batchRecords = batchRecords;
        this.jdbcUrl = jdbcUrl;
        this.standaloneCluster = standaloneCluster;
    }

    /**
     * @param args command-line arguments
     * @return the options, defaults for those not given
     * @throws IllegalArgumentException naming an unknown option or a bad value
     */
    public static DemoOptions parse(String[] args) {
        long lines = 200_000;
        int partitions = 4;
        long batchRecords = 10_000;
        String jdbcUrl = EMBEDDED_H2;
        boolean standaloneCluster = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--standalone-cluster")) {
                standaloneCluster = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--lines":
                    lines = parseNumber(option, value);
                    break;
                case "--partitions":
                    partitions = (int) parseNumber(option, value);
                    break;
                case "--batch-records":
                    batchRecords = parseNumber(option, value);
                    break;
                case "--jdbc-url":
                    jdbcUrl = value;
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option " + option
                            + "; the demo takes --lines N, --partitions N, --batch-records N, --jdbc-url URL and"
                            + " --standalone-cluster");
            }
        }
        return new DemoOptions(lines, partitions, batchRecords, jdbcUrl, standaloneCluster);
    }

    private static long parseNumber(String option, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number but was '" + value + "'", e);
        }
    }

    public long lines() {
        return lines;
    }

    public int partitions() {
        return partitions;
    }

    public long batchRecords() {
        return batchRecords;
    }

    /** @return the JDBC URL of the database holding counts and offsets */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** @return whether Spark's executors run on a standalone cluster started by the demo */
    public boolean standaloneCluster() {
        return standaloneCluster;
    }
}
