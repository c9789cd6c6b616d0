package dev.kafkadirect.internal.strategy;

/**
 * A strategy whose driver consumer keeps every partition it is given paused from the moment it is given: Assign
 * pauses its partitions when it starts, and Subscribe's rebalance listener pauses each partition inside the poll
 * that assigns it. The stream then need not pause the whole assignment around each of its polls (at thousands of
 * partitions, a copy and a loop over all of them twice a poll); for any other strategy it does.
 */
public interface PausesOnAssignment {
}
