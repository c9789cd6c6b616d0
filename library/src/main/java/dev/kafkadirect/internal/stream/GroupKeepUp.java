package dev.kafkadirect.internal.stream;

import dev.kafkadirect.internal.time.Ticker;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The driver consumer's poll between batches, which lets its group make progress (rejoins, new partitions and
 * topics, commit responses) off the planning path, without holding up the next batch's planning. Planning and the
 * poll share the stream's lock; the poll runs in slices of {@link #SLICE}, {@link #TOTAL} in all, and ends before
 * its next slice when a batch waits for the lock to be planned (that batch queues a keep-up of its own). However
 * fast batches come, at most one keep-up waits to run.
 *
 * <p>Why slices: one 10 ms poll under the lock held up every batch planned during it. In a stream of 4 ms batches
 * catching up, the generator waited 10-17 ms for the lock at almost every batch (1,833 such waits in one
 * benchmark JVM; 129 with this class), and a keep-up was queued per batch, faster than they ran. Thread-safe.
 */
final class GroupKeepUp {
    /** How long the driver consumer polls between two batches, in all. */
    static final Duration TOTAL = Duration.ofMillis(10);
    /**
     * How long one slice polls: on an idle machine, about the longest a batch waits for the poll to give way (on two
     * saturated cores, waits over 10 ms still happened: the poll thread is not always running when its slice ends).
     */
    static final Duration SLICE = Duration.ofMillis(2);

    private final Object lock;
    private final Ticker ticker;
    /** How many batches wait for the lock to be planned (one being planned holds it and no longer counts). */
    private final AtomicInteger plansWaiting = new AtomicInteger();
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * @param lock the lock planning holds, and the poll takes for each slice
     * @param ticker the time the poll's total is measured on
     */
    GroupKeepUp(Object lock, Ticker ticker) {
        this.lock = lock;
        this.ticker = ticker;
    }

    /**
     * Runs {@code plan} holding the lock; a keep-up under way gives way to it after its current slice.
     *
     * @return what the plan returned
     */
    <T> T plan(Supplier<T> plan) {
        plansWaiting.incrementAndGet();
        synchronized (lock) {
            plansWaiting.decrementAndGet();
            return plan.get();
        }
    }

    /**
     * Has {@code poller} run a keep-up, unless one is queued already and has not started.
     *
     * @param poller the thread the poll runs on
     * @param slice polls the driver consumer for the given time, called with the lock held; returns false when
     *              the keep-up should end (the stream stopped, the poll failed)
     */
    void queue(Executor poller, SlicePoll slice) {
        if (queued.compareAndSet(false, true)) {
            poller.execute(() -> run(slice));
        }
    }

    private void run(SlicePoll slice) {
        queued.set(false);
        long deadline = ticker.nanoTime() + TOTAL.toNanos();
        while (ticker.nanoTime() - deadline < 0) {
            synchronized (lock) {
                if (plansWaiting.get() > 0 || !slice.poll(SLICE)) {
                    return;
                }
            }
        }
    }

    /** @return how many batches wait for the lock now */
    int plansWaiting() {
        return plansWaiting.get();
    }

    /** One slice of the poll. */
    @FunctionalInterface
    interface SlicePoll {
        /**
         * @param time how long to poll
         * @return false when the keep-up should end
         */
        boolean poll(Duration time);
    }
}
