package dev.kafkadirect.testing;

import dev.kafkadirect.internal.time.Ticker;

import java.util.concurrent.TimeUnit;

/** A ticker for tests that moves 100 ms each time it is read, so that every wait ends after a few polls. */
public final class SteppingTicker implements Ticker {
    private long now;

    @Override
    public long nanoTime() {
        now += TimeUnit.MILLISECONDS.toNanos(100);
        return now;
    }
}
