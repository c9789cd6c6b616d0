package dev.kafkadirect.bench;

/**
 * What a run's summary says about how it ran: machine, command, rounds, warm-up and warm passes, clients and Spark
 * releases.
 */
final class RunInfo {
    final String machine;
    final String command;
    final int rounds;
    final int warm;
    final int warmUp;
    final int warmUpSeconds;
    final String oursClient;
    final String shippedClient;
    final String clients;

    RunInfo(String machine, String command, int rounds, int warm, int warmUp, int warmUpSeconds, String oursClient,
            String shippedClient, String structuredSpark) {
        this.machine = machine;
        this.command = command;
        this.rounds = rounds;
        this.warm = warm;
        this.warmUp = warmUp;
        this.warmUpSeconds = warmUpSeconds;
        this.oursClient = oursClient;
        this.shippedClient = shippedClient;
        this.clients = "Clients: ours, apache, raw-single and raw-parallel run on kafka-clients " + oursClient
                + " (the one ours ships; Apache's module runs with it in place of its own), so that they differ in"
                + " the module only; apache-shipped and raw-parallel-shipped run on kafka-clients " + shippedClient
                + ", as Apache's module brings it. structured (Structured Streaming's Kafka source) and"
                + " ours-beside-structured (ours, its pair) run on Spark " + structuredSpark + ", the Kafka source's release.";
    }
}
