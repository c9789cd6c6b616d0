/**
 * Applications for spark-submit, packaged in the examples' application jar ({@code *-app.jar}: these
 * classes, Kafka Direct and kafka-clients, Spark left to the cluster) as the integration guide's
 * "Deploying" section describes: a batch count with {@code KafkaUtils.createRDD} and a direct stream that
 * stores its offsets in Kafka with {@code commitAsync}. See docs/deploying.md.
 */
package dev.kafkadirect.examples.submit;
