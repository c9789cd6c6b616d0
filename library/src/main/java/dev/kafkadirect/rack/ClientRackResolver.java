package dev.kafkadirect.rack;

/**
 * Tells an executor which rack (or availability zone) it runs in, so its consumers fetch from a replica there
 * (KIP-392). Name the class in kafkaParams as {@code dev.kafkadirect.clientRackResolver}; each executor makes one
 * instance (public, with a public no-argument constructor) and asks it once, when it first reads with those
 * kafkaParams. The answer becomes the executor consumers' {@code client.rack}.
 *
 * <pre>{@code
 * public final class ZoneFromHostName implements ClientRackResolver {
 *     public String clientRack() {
 *         // hosts are named like worker-17.eu-west-1a.internal
 *         return hostName().split("\\.")[1];
 *     }
 * }
 * }</pre>
 */
public interface ClientRackResolver {
    /** @return this executor's rack, as the brokers' {@code broker.rack} names them; null or empty for none */
    String clientRack();
}
