package dev.kafkadirect.internal.sink;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.atomic.AtomicReference;

/** Keeps the first error of a task's sends, so the task fails instead of dropping records quietly. */
final class SendErrors implements Callback {
    private final AtomicReference<Exception> first = new AtomicReference<>();

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null) {
            first.compareAndSet(null, exception);
        }
    }

    /** @throws IllegalStateException naming the topic when any send failed */
    void throwIfAny(String what) {
        Exception error = first.get();
        if (error != null) {
            throw new IllegalStateException(what + " failed: " + error, error);
        }
    }
}
