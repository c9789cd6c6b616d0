package dev.kafkadirect.testkit;

import org.apache.kafka.common.KafkaFuture;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Waiting for Kafka clients' calls and for cluster conditions, each bounded, failing with what was tried. */
final class AdminCalls {
    /** How long any one client call or condition may take. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);

    private AdminCalls() {
    }

    /** Waits for an admin call, failing with what was tried and Kafka's cause. */
    static <T> T get(String what, Future<T> future) {
        try {
            return future.get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot " + what + ": no answer within " + CLIENT_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what, e);
        }
    }

    static <T> T await(String what, Supplier<KafkaFuture<T>> call) {
        return get(what, call.get());
    }

    /** Polls the condition every 50 ms until it holds, failing after {@link #CLIENT_TIMEOUT}. */
    static void awaitCondition(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + CLIENT_TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }
}
