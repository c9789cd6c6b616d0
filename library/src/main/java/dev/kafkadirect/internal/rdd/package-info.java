/**
 * The RDD that reads offset ranges: its partitions, preferred locations and compute.
 * Not API.
 */
package dev.kafkadirect.internal.rdd;
