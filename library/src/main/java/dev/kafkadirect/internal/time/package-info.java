/** Time as the library's waits see it, replaceable in tests. Not API. */
package dev.kafkadirect.internal.time;
