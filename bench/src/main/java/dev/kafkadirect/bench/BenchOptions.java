package dev.kafkadirect.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The benchmark's sizes. The defaults fit a 2-core, 24 GiB machine; {@code --smoke} shrinks everything to
 * prove the benchmark works in a minute or two.
 */
public final class BenchOptions {
    final boolean smoke;
    final long records;
    final int rounds;
    final int warm;
    /** The most unmeasured warm-up passes after the cold one; warm-up ends sooner once the JIT is quiet. */
    final int warmUp;
    /** ...and once warm-up passes have taken this many seconds (30 unless {@code --warm-up-seconds}). */
    final int warmUpSeconds;
    final List<Contender> contenders;
    final List<Workload> workloads;
    final Path outputDirectory;
    final int manyPartitions;
    final long manyRecords;
    final int manyBatches;
    final List<Integer> planningPartitions;
    final int plans;
    final long steadyRate;
    final int steadyBatches;
    /** The heap, and in smoke mode the JIT, of every worker JVM. */
    final List<String> workerJvmOptions;
    /**
     * Batches the rate-limited catch-up drains the backlog in (10 unless {@code --catch-up-batches}), and their
     * interval, {@value #CATCH_UP_SUBMIT_MILLIS} ms over all batches (at least 1 ms each): short enough that batches
     * queue and the time is their work. With 100 ms batches the rate limit itself capped the run at 2.2 M records/s
     * (10 batches of 200,000 records are submitted 100 ms apart), and warm, both modules reached it.
     */
    final int catchUpBatches;
    final long catchUpBatchMillis;
    /** The time over which all the rate-limited catch-up's batches are submitted: a cap of 10 M records/s at 2 M. */
    static final long CATCH_UP_SUBMIT_MILLIS = 200;
    /** Hash passes over each value in the CPU-bound skew workload: about 3 µs a record here. */
    final int skewCpuPasses = 30;
    /** Milliseconds a task of the I/O-bound skew workload waits per 1,000 records, and its Spark cores. */
    final int skewIoWaitMillis = 1;
    final int skewIoCores = 8;

    private BenchOptions(boolean smoke, long records, int rounds, int warm, int warmUp, int warmUpSeconds, int plans,
                         int catchUpBatches,
                         List<Workload> workloads, List<Contender> contenders, Path outputDirectory) {
        this.smoke = smoke;
        this.catchUpBatches = catchUpBatches;
        this.catchUpBatchMillis = Math.max(1, CATCH_UP_SUBMIT_MILLIS / catchUpBatches);
        this.records = records;
        this.rounds = rounds;
        this.warm = warm;
        this.warmUp = warmUp;
        this.warmUpSeconds = warmUpSeconds;
        this.contenders = contenders;
        this.workloads = workloads;
        this.outputDirectory = outputDirectory;
        this.manyPartitions = smoke ? 32 : 512;
        this.manyRecords = smoke ? 3_200 : 1_024_000;
        this.manyBatches = 5;
        this.planningPartitions = smoke ? Arrays.asList(10, 50) : Arrays.asList(100, 1_000, 5_000);
        this.plans = plans;
        this.steadyRate = smoke ? 500 : 20_000;
        this.steadyBatches = smoke ? 3 : 100;
        // Smoke workers compile with C1 only: they measure nothing, and C1 alone cut the smoke run's CPU by a third
        // (3:40 against 5:41 of user time) and its time from 3:25 to 2:59.
        this.workerJvmOptions = smoke ? Arrays.asList("-Xmx1g", "-XX:TieredStopAtLevel=1")
                : Collections.singletonList("-Xmx4g");
    }

    /**
     * @param args {@code [--smoke] [--records N] [--rounds N] [--warm N] [--warm-up N] [--warm-up-seconds N] [--plans N]
     *             [--catch-up-batches N] [--workloads a,b] [--contenders a,b] [--out DIR]}
     * @return the options
     * @throws IllegalArgumentException naming an unknown option or a bad value
     */
    public static BenchOptions parse(String... args) {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        long records = smoke ? 20_000 : 2_000_000;
        int rounds = smoke ? 1 : 7;
        int warm = smoke ? 1 : 5;
        int warmUp = smoke ? 0 : 20;
        int warmUpSeconds = 30;
        int plans = smoke ? 3 : 30;
        int catchUpBatches = 10;
        List<Workload> workloads = Arrays.asList(Workload.values());
        List<Contender> contenders = Arrays.asList(Contender.values());
        Path out = Paths.get("bench", "results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--smoke")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--records":
                    records = positive(option, value);
                    break;
                case "--rounds":
                    rounds = (int) positive(option, value);
                    break;
                case "--warm":
                    warm = (int) positive(option, value);
                    break;
                case "--warm-up":
                    warmUp = (int) notNegative(option, value);
                    break;
                case "--warm-up-seconds":
                    warmUpSeconds = (int) positive(option, value);
                    break;
                case "--contenders":
                    contenders = Contender.parse(value);
                    break;
                case "--plans":
                    plans = (int) positive(option, value);
                    break;
                case "--catch-up-batches":
                    catchUpBatches = (int) positive(option, value);
                    break;
                case "--workloads":
                    workloads = Workload.parse(value);
                    break;
                case "--out":
                    out = Paths.get(value);
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option " + option + "; the benchmark takes --smoke,"
                            + " --records N, --rounds N, --warm N, --warm-up N, --warm-up-seconds N, --plans N,"
                            + " --catch-up-batches N,"
                            + " --contenders a,b, --workloads "
                            + Arrays.stream(Workload.values()).map(Workload::label).collect(Collectors.joining(","))
                            + " and --out DIR");
            }
        }
        return new BenchOptions(smoke, records, rounds, warm, warmUp, warmUpSeconds, plans, catchUpBatches, workloads,
                contenders, out);
    }

    private static long positive(String option, String value) {
        long number = notNegative(option, value);
        if (number < 1) {
            throw new IllegalArgumentException(option + " must be >= 1 but was " + number);
        }
        return number;
    }

    private static long notNegative(String option, String value) {
        long number;
        try {
            number = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number but was '" + value + "'", e);
        }
        if (number < 0) {
            throw new IllegalArgumentException(option + " must be >= 0 but was " + number);
        }
        return number;
    }

    /** @return the records of the skew topic's hot partition: 80 % */
    long skewHotRecords() {
        return records * 8 / 10;
    }

    /** @return the rate limit per partition that drains the scan topic in {@link #catchUpBatches} batches */
    long catchUpRatePerPartition(int partitions) {
        long perBatch = (records + (long) partitions * catchUpBatches - 1) / ((long) partitions * catchUpBatches);
        return Math.max(1, perBatch * 1000 / catchUpBatchMillis);
    }

    /** @return where ours splits ranges in the skew workloads: an eighth of the records (the hot partition in 7) */
    long skewSplitRecords() {
        return Math.max(1, records / 8);
    }
}
