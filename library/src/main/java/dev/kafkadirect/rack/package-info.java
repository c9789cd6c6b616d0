/**
 * Rack-aware reads (KIP-392): executors set their consumers' {@code client.rack} from an environment variable
 * ({@code dev.kafkadirect.clientRackEnv}) or a {@link dev.kafkadirect.rack.ClientRackResolver}
 * ({@code dev.kafkadirect.clientRackResolver}), so that they fetch from a replica in their own rack when the
 * brokers run {@code replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector}.
 */
package dev.kafkadirect.rack;
