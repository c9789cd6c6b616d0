package dev.kafkadirect.bench.worker;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepetitionsTest {
    private static final long RECORDS = 1_000;
    private static final long BYTES = 100_000;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<Integer> repetitionsRun = new ArrayList<>();

    @Test
    void warmUpEndsAfterTwoQuietPassesAndIsNotMeasured() throws Exception {
        // JIT compile time during each pass: cold 900 ms, warm-ups 400, 30 (quiet), 200, 10 (quiet), 20 (quiet).
        Repetitions repetitions = repetitions(3, 10, 900, 400, 30, 200, 10, 20, 0, 0, 0);

        repetitions.run("scan", RECORDS, BYTES, this::pass);

        assertThat(lines("warm-up pass")).containsExactly(
                "warm-up pass 1: 10000 records/s, JIT compiled for 400 ms",
                "warm-up pass 2: 10000 records/s, JIT compiled for 30 ms",
                "warm-up pass 3: 10000 records/s, JIT compiled for 200 ms",
                "warm-up pass 4: 10000 records/s, JIT compiled for 10 ms",
                "warm-up pass 5: 10000 records/s, JIT compiled for 20 ms");
        assertThat(lines("RESULT")).hasSize(4);
        assertThat(lines("RESULT").get(0)).startsWith("RESULT metric=scan phase=cold value=10000.000 unit=records/s");
        assertThat(lines("RESULT").subList(1, 4)).allMatch(line -> line.startsWith("RESULT metric=scan phase=warm"));
        assertThat(repetitionsRun).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void warmUpStopsAtItsLimitWhenTheJitNeverQuietens() throws Exception {
        Repetitions repetitions = repetitions(1, 3, 900, 400, 400, 400, 400, 400);

        repetitions.run("scan", RECORDS, BYTES, this::pass);

        assertThat(lines("warm-up pass")).hasSize(3);
        assertThat(lines("RESULT")).hasSize(2);
    }

    @Test
    void warmUpStopsOncePassesHaveTakenItsTimeWhenTheJitNeverQuietens() throws Exception {
        Repetitions repetitions = timedRepetitions(1, 20, TimeUnit.MILLISECONDS.toNanos(250), 900, 400, 400, 400, 400, 400);

        repetitions.run("scan", RECORDS, BYTES, this::pass);

        assertThat(lines("warm-up pass")).as("100 ms passes: the third reaches 250 ms").hasSize(3);
        assertThat(lines("RESULT")).hasSize(2);
    }

    @Test
    void noWarmUpWhenItsLimitIsZero() throws Exception {
        Repetitions repetitions = repetitions(2, 0, 900, 400, 400);

        repetitions.run("scan", RECORDS, BYTES, this::pass);

        assertThat(lines("warm-up pass")).isEmpty();
        assertThat(repetitionsRun).containsExactly(0, 1, 2);
    }

    @Test
    void aWarmUpPassWithWrongCountsFailsTheRun() {
        Repetitions repetitions = repetitions(1, 5, 900, 400, 400);

        assertThatThrownBy(() -> repetitions.run("scan", RECORDS, BYTES, repetition -> repetition == 1
                ? new Timed(new ReadTotals(RECORDS - 1, BYTES), TimeUnit.MILLISECONDS.toNanos(100)) : pass(repetition)))
                .hasMessageContaining(String.valueOf(RECORDS - 1));
    }

    private Timed pass(int repetition) {
        repetitionsRun.add(repetition);
        return new Timed(new ReadTotals(RECORDS, BYTES), TimeUnit.MILLISECONDS.toNanos(100));
    }

    /** Repetitions whose JIT clock advances by the given milliseconds during each successive pass. */
    private Repetitions repetitions(int warm, int maxWarmUp, long... jitMillisPerPass) {
        return timedRepetitions(warm, maxWarmUp, TimeUnit.SECONDS.toNanos(30), jitMillisPerPass);
    }

    /** As above, with warm-up ending once its passes (100 ms each) have taken {@code maxWarmUpNanos}. */
    private Repetitions timedRepetitions(int warm, int maxWarmUp, long maxWarmUpNanos, long... jitMillisPerPass) {
        Iterator<Long> during = Arrays.stream(jitMillisPerPass).boxed().iterator();
        long[] clock = {0};
        boolean[] inPass = {false};
        return new Repetitions(warm, maxWarmUp, maxWarmUpNanos, new LiveHeap(), () -> {
            // Read once before and once after each pass: the pass's compile time is added on the second read.
            if (inPass[0] && during.hasNext()) {
                clock[0] += during.next();
            }
            inPass[0] = !inPass[0];
            return clock[0];
        }, new PrintStream(printed, true));
    }

    private List<String> lines(String prefix) {
        return Arrays.stream(new String(printed.toByteArray(), StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.startsWith(prefix)).collect(Collectors.toList());
    }
}
