package dev.kafkadirect.internal.time;

/**
 * A source of elapsed time, in nanoseconds from an arbitrary origin, for everything that waits or gives up
 * after a while; tests give a ticker they advance themselves.
 */
public interface Ticker {
    /** The JVM's monotonic clock. */
    Ticker SYSTEM = System::nanoTime;

    /** @return nanoseconds since this ticker's origin; only differences mean anything */
    long nanoTime();
}
