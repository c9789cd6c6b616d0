/** The workings of the offset stores: SQL, JDBC connections and the rule that checks a batch against the store. Not API. */
package dev.kafkadirect.internal.offsets;
