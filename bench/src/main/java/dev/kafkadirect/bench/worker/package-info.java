/**
 * What runs inside one contender's JVM: a workload over the public API of the module on the classpath (ours
 * or Apache's, the same code for both) or over raw Kafka consumers, reporting its measurements on stdout.
 */
package dev.kafkadirect.bench.worker;
