/**
 * The built-in consumer strategies (Subscribe, SubscribePattern, Assign) behind ConsumerStrategies.
 * Not API.
 */
package dev.kafkadirect.internal.strategy;
