package dev.kafkadirect.examples.submit;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where Spark ran each successful task of streaming batches (from the listener bus, on the driver), and which
 * executors came and went.
 */
final class TaskPlacements extends SparkListener {
    /** The local property Spark Streaming gives every job of a batch: the batch time in milliseconds. */
    private static final String BATCH_TIME_PROPERTY = "spark.streaming.internal.batchTime";

    /** One successful task: its batch, its partition index in the batch's RDD, and where it ran. */
    static final class Placement {
        final long batchTime;
        final int partitionIndex;
        final String executorId;
        final String host;

        Placement(long batchTime, int partitionIndex, String executorId, String host) {
            this.batchTime = batchTime;
            this.partitionIndex = partitionIndex;
            this.executorId = executorId;
            this.host = host;
        }

        @Override
        public String toString() {
            return "batch " + batchTime + " partition " + partitionIndex + " on executor " + executorId + "@" + host;
        }
    }

    private final Map<Integer, Long> batchOfStage = new ConcurrentHashMap<>();
    private final List<Placement> placements = new ArrayList<>();
    private final List<String> removedExecutors = new ArrayList<>();
    private final List<String> addedExecutors = new ArrayList<>();

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted stageSubmitted) {
        Properties properties = stageSubmitted.properties();
        String batchTime = properties == null ? null : properties.getProperty(BATCH_TIME_PROPERTY);
        if (batchTime != null) {
            batchOfStage.put(stageSubmitted.stageInfo().stageId(), Long.parseLong(batchTime));
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        Long batchTime = batchOfStage.get(taskEnd.stageId());
        if (batchTime != null && taskEnd.taskInfo().successful()) {
            synchronized (this) {
                placements.add(new Placement(batchTime, taskEnd.taskInfo().index(), taskEnd.taskInfo().executorId(),
                        taskEnd.taskInfo().host()));
            }
        }
    }

    @Override
    public synchronized void onExecutorAdded(SparkListenerExecutorAdded executorAdded) {
        addedExecutors.add(executorAdded.executorId());
    }

    @Override
    public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved executorRemoved) {
        removedExecutors.add(executorRemoved.executorId());
    }

    /** @return the placements seen so far, and forgets them */
    synchronized List<Placement> drain() {
        List<Placement> seen = new ArrayList<>(placements);
        placements.clear();
        return seen;
    }

    synchronized List<String> removedExecutors() {
        return new ArrayList<>(removedExecutors);
    }

    synchronized List<String> addedExecutors() {
        return new ArrayList<>(addedExecutors);
    }
}
