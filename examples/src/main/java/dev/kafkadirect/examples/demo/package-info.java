/**
 * The demo: a word count over a Kafka topic on a local broker from the test kit, run by
 * {@code ./kafka-direct demo}.
 */
package dev.kafkadirect.examples.demo;
