/**
 * Offsets kept in the user's own data store, committed in the same transaction as the results, so that
 * each record's effect is stored exactly once: {@link dev.kafkadirect.offsets.OffsetStore}, its JDBC
 * implementation {@link dev.kafkadirect.offsets.JdbcOffsetStore}, and
 * {@link dev.kafkadirect.offsets.OffsetStoreStrategies} to start a stream from the stored offsets.
 */
package dev.kafkadirect.offsets;
