/**
 * The benchmark: starts a local broker, produces the data sets, runs each workload for each contender in
 * its own JVM over several interleaved rounds, and writes CSV, Markdown and a PNG chart.
 * Run it with {@code ./kafka-direct bench}.
 */
package dev.kafkadirect.bench;
