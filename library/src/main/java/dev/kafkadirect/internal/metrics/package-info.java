/** What executors read per batch and how lag develops, gathered for the metrics API. Internal: not API, may change in any release. */
package dev.kafkadirect.internal.metrics;
