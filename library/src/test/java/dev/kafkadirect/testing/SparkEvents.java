package dev.kafkadirect.testing;

import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import scala.collection.JavaConverters;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a test needs from Spark's listener bus: jobs started and final values of numeric accumulators. */
public final class SparkEvents extends SparkListener {
    private final AtomicInteger jobsStarted = new AtomicInteger();
    private final Map<String, Long> accumulators = new ConcurrentHashMap<>();

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        jobsStarted.incrementAndGet();
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted stageCompleted) {
        for (AccumulableInfo info : JavaConverters.asJavaIterable(stageCompleted.stageInfo().accumulables().values())) {
            if (info.name().isDefined() && info.value().isDefined() && info.value().get() instanceof Long) {
                accumulators.put(info.name().get(), (Long) info.value().get());
            }
        }
    }

    public int jobsStarted() {
        return jobsStarted.get();
    }

    /** @return the last value seen of each named accumulator */
    public Map<String, Long> accumulators() {
        return accumulators;
    }
}
