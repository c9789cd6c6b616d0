package dev.kafkadirect.examples.demo;

/** Sizes of a demo run, from {@code --lines N --partitions N --batch-records N}. */
public final class DemoOptions {
    private final long lines;
    private final int partitions;
    private final long batchRecords;

    public DemoOptions(long lines, int partitions, long batchRecords) {
        if (lines < 1 || partitions < 1 || batchRecords < 1) {
            throw new IllegalArgumentException("--lines, --partitions and --batch-records must be >= 1 but were "
                    + lines + ", " + partitions + ", " + batchRecords);
        }
        this.lines = lines;
        this.partitions = partitions;
        this.batchRecords = batchRecords;
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
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
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
                default:
                    throw new IllegalArgumentException("Unknown option " + option
                            + "; the demo takes --lines N, --partitions N and --batch-records N");
            }
        }
        return new DemoOptions(lines, partitions, batchRecords);
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
}
