/**
 * Writing to Kafka from Spark: {@link dev.kafkadirect.sink.KafkaSink} (at-least-once) and
 * {@link dev.kafkadirect.sink.TransactionalKafkaSink} (exactly-once, with the input offsets committed in the
 * same Kafka transaction as the output).
 */
package dev.kafkadirect.sink;
