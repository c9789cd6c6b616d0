/** The workings of the Kafka sink: producer settings, the per-executor producer cache and the transactional write of one partition. Not API. */
package dev.kafkadirect.internal.sink;
