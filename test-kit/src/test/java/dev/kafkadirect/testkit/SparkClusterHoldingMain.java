package dev.kafkadirect.testkit;

import java.util.concurrent.CountDownLatch;

/** A JVM that starts a standalone Spark cluster, prints its Workers' pids, and waits to be killed. */
public final class SparkClusterHoldingMain {
    private SparkClusterHoldingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SparkStandaloneCluster cluster = SparkStandaloneCluster.builder().name("held-by-child").build().start();
        for (SparkWorker worker : cluster.workers()) {
            System.out.println("WORKER_PID=" + worker.process().handle().pid());
        }
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
