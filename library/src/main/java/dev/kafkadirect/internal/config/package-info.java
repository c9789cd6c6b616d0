/**
 * The settings catalogue: every setting Kafka Direct reads, with where it may be set, its default and how its
 * value is parsed ({@link dev.kafkadirect.internal.config.Settings}). Not API.
 */
package dev.kafkadirect.internal.config;
