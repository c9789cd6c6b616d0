package dev.kafkadirect.bench.worker;

import java.util.HashMap;
import java.util.Map;

/** A worker's arguments: the workload, the contender, then {@code key=value} settings. */
final class WorkerArgs {
    private final String workload;
    private final String contender;
    private final Map<String, String> settings = new HashMap<>();

    WorkerArgs(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BenchWorker <workload> <contender> [key=value...]");
        }
        workload = args[0];
        contender = args[1];
        for (int i = 2; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("expected key=value but got '" + args[i] + "'");
            }
            settings.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
    }

    String workload() {
        return workload;
    }

    String contender() {
        return contender;
    }

    boolean has(String key) {
        return settings.containsKey(key);
    }

    String text(String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing worker setting " + key);
        }
        return value;
    }

    long number(String key) {
        return Long.parseLong(text(key));
    }
}
