package dev.kafkadirect.internal.stream;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GroupKeepUpTest {
    private final Object lock = new Object();
    private final AtomicLong now = new AtomicLong();
    private final GroupKeepUp keepUp = new GroupKeepUp(lock, now::get);
    private final List<Runnable> queued = new ArrayList<>();

    @Test
    void pollsInSlicesUntilItsTotalTimeWithTheLockHeld() {
        List<Duration> slices = new ArrayList<>();
        keepUp.queue(queued::add, time -> {
            assertThat(Thread.holdsLock(lock)).isTrue();
            slices.add(time);
            now.addAndGet(time.toNanos());
            return true;
        });

        runQueued();

        // 10 ms in slices of 2 ms.
        assertThat(slices).containsExactly(GroupKeepUp.SLICE, GroupKeepUp.SLICE, GroupKeepUp.SLICE, GroupKeepUp.SLICE,
                GroupKeepUp.SLICE);
    }

    @Test
    void aBatchWaitingToBePlannedIsPlannedRightAfterTheCurrentSlice() throws Exception {
        List<String> events = new ArrayList<>();
        CompletableFuture<String> planned = new CompletableFuture<>();
        keepUp.queue(queued::add, time -> {
            events.add("slice");
            if (events.size() == 1) {
                CompletableFuture.runAsync(() -> planned.complete(keepUp.plan(() -> {
                    events.add("plan");
                    return "rdd";
                })));
                await().atMost(10, TimeUnit.SECONDS).until(() -> keepUp.plansWaiting() == 1);
            }
            now.addAndGet(time.toNanos());
            return true;
        });

        runQueued();

        assertThat(planned.get(10, TimeUnit.SECONDS)).isEqualTo("rdd");
        // Then the keep-up ended, or (if the plan took the lock first) polled on once the plan was done.
        assertThat(events.subList(0, 2)).containsExactly("slice", "plan");
        assertThat(keepUp.plansWaiting()).isZero();
    }

    @Test
    void endsWhenASliceSaysSo() {
        List<Duration> slices = new ArrayList<>();
        keepUp.queue(queued::add, time -> {
            slices.add(time);
            return false;
        });

        runQueued();

        assertThat(slices).hasSize(1);
    }

    @Test
    void queuesOneKeepUpHoweverManyBatchesComeBeforeItRuns() {
        AtomicLong slices = new AtomicLong();
        GroupKeepUp.SlicePoll slice = time -> {
            slices.incrementAndGet();
            return false;
        };

        keepUp.queue(queued::add, slice);
        keepUp.queue(queued::add, slice);
        keepUp.queue(queued::add, slice);
        assertThat(queued).hasSize(1);
        runQueued();
        keepUp.queue(queued::add, slice);

        assertThat(queued).hasSize(1);
        assertThat(slices).hasValue(1);
    }

    @Test
    void aPlanRunsWithTheLockHeldAndReturnsItsResult() {
        assertThat(keepUp.plan(() -> Thread.holdsLock(lock) && keepUp.plansWaiting() == 0)).isTrue();
    }

    private void runQueued() {
        List<Runnable> toRun = new ArrayList<>(queued);
        queued.clear();
        toRun.forEach(Runnable::run);
    }
}
