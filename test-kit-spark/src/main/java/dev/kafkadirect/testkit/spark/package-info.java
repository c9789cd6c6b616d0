/**
 * The entry point of the test kit's Spark child JVMs and the list of Spark's runtime jars they run on.
 */
package dev.kafkadirect.testkit.spark;
