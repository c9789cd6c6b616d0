package dev.kafkadirect.internal.placement;

import dev.kafkadirect.internal.scala.ScalaInterop;
import org.apache.spark.SparkContext;
import org.apache.spark.storage.BlockManager;
import org.apache.spark.storage.BlockManagerId;

import java.util.List;
import java.util.stream.Collectors;

/** The executors a Spark application has now, as seen by the driver's block manager. */
public final class Executors {
    private Executors() {
    }

    /**
     * @param sparkContext the application
     * @return its executors other than the driver (empty in local mode, where tasks run in the driver)
     */
    public static List<ExecutorLocation> of(SparkContext sparkContext) {
        BlockManager blockManager = sparkContext.env().blockManager();
        List<BlockManagerId> peers = ScalaInterop.toJavaList(blockManager.master().getPeers(blockManager.blockManagerId()));
        return peers.stream()
                .filter(peer -> !peer.isDriver())
                .map(peer -> new ExecutorLocation(peer.host(), peer.executorId()))
                .collect(Collectors.toList());
    }
}
