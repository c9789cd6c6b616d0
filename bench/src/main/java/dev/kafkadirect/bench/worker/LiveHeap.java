package dev.kafkadirect.bench.worker;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live heap of a repetition: the largest heap in use right after a garbage collection while it ran
 * (what survived, not how large the young generation was sized), and after one collection at its end.
 *
 * <p>An experiment: with {@code -Dbench.heapHistogram=<path prefix>} in the workers' options, each repetition's
 * end also writes a class histogram of the heap after that collection (what is live then, class by class) to
 * {@code <path prefix>-<repetition>.txt}.
 */
final class LiveHeap {
    private static final long MIB = 1024 * 1024;
    private static final String HISTOGRAM_PREFIX = System.getProperty("bench.heapHistogram");
    private int histograms;
    private final Set<String> heapPools = new HashSet<>();
    private final AtomicLong largestAfterGc = new AtomicLong();

    LiveHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    largestAfterGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                }
            }, null, null);
        }
    }

    /** Starts a repetition: forgets what earlier ones left. */
    void reset() {
        largestAfterGc.set(0);
    }

    /** @return the largest live heap in MiB since {@link #reset()}, including after a collection now */
    @SuppressWarnings("java:S1215")
    long largestMb() {
        // Outside every timer: a full collection, so a repetition that never collected still reports its live data.
        System.gc();
        long now = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                now += pool.getUsage().getUsed();
            }
        }
        if (HISTOGRAM_PREFIX != null) {
            HeapHistogram.write(Paths.get(HISTOGRAM_PREFIX + "-" + histograms++ + ".txt"));
        }
        return Math.max(largestAfterGc.get(), now) / MIB;
    }

    private long heapUsed(Map<String, MemoryUsage> afterGc) {
        long bytes = 0;
        for (Map.Entry<String, MemoryUsage> pool : afterGc.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                bytes += pool.getValue().getUsed();
            }
        }
        return bytes;
    }
}
