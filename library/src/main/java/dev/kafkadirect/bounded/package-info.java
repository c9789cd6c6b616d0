/**
 * Bounded reads: a group's backlog as offset ranges for {@code createRDD}, with the offsets to commit after it
 * ({@link dev.kafkadirect.bounded.GroupBacklog}). A stream that stops by itself at the end offsets it saw at
 * start is the option {@code dev.kafkadirect.boundedRun=true} in its kafkaParams.
 */
package dev.kafkadirect.bounded;
