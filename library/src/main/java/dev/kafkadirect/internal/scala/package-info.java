/**
 * The one place that converts between Java and Scala collections and types.
 * Not API.
 */
package dev.kafkadirect.internal.scala;
