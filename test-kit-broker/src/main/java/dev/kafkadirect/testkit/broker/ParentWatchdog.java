package dev.kafkadirect.testkit.broker;

import java.io.IOException;
import java.io.InputStream;

/**
 * Halts a child JVM of the test kit when its parent goes away. Standard input is a pipe from the parent; when
 * the parent dies, even by {@code kill -9}, the pipe closes, and a daemon thread that reads it halts this JVM,
 * so no broker or ZooKeeper server outlives the tests that started it.
 */
final class ParentWatchdog {
    /** Exit status when the parent JVM went away. */
    static final int PARENT_GONE = 3;

    private ParentWatchdog() {
    }

    /**
     * Starts the watchdog thread.
     *
     * @param parentPipe the pipe from the parent (standard input)
     * @param what what halts, for the message on standard error
     */
    static void haltWhenParentDies(InputStream parentPipe, String what) {
        Thread watchdog = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (parentPipe.read(buffer) >= 0) {
                    // The parent never writes; any bytes are ignored.
                }
            } catch (IOException closed) {
                // A broken pipe means the same as end of stream: the parent is gone.
            }
            System.err.println("Parent JVM gone: halting " + what);
            Runtime.getRuntime().halt(PARENT_GONE);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
