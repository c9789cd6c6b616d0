/** Splitting large offset ranges into several Spark partitions. Internal: not API, may change in any release. */
package dev.kafkadirect.internal.split;
