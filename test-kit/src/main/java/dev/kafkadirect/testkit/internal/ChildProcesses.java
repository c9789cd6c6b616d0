package dev.kafkadirect.testkit.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process the test kit started and has not yet stopped. A JVM shutdown hook kills those
 * left, so a test run interrupted by Ctrl-C leaves no broker behind; the brokers also halt by
 * themselves when this JVM dies (see {@code BrokerMain}).
 */
public final class ChildProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "kafka-direct-test-kit-reaper"));
    }

    private ChildProcesses() {
    }

    /** @param process a child just started */
    public static void register(Process process) {
        LIVE.add(process);
    }

    /** @param process a child that has exited */
    public static void unregister(Process process) {
        LIVE.remove(process);
    }

    private static void killAll() {
        for (Process process : LIVE) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
