package dev.kafkadirect.testkit;

import java.util.concurrent.CountDownLatch;

/** A JVM that starts a one-broker cluster, prints the broker's pid, and waits to be killed. */
public final class ClusterHoldingMain {
    private ClusterHoldingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaCluster cluster = KafkaCluster.builder().name("held-by-child").build().start();
        System.out.println("BROKER_PID=" + cluster.broker(1).pid().getAsLong());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
