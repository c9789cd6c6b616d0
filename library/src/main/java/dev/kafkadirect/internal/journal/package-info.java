/**
 * The offset journal: each completed batch's end offsets written to a small, versioned text file, so a new
 * build of an application whose Spark checkpoint no longer loads continues where the old one stopped.
 * Not API; the option is {@code dev.kafkadirect.offsetJournal}.
 */
package dev.kafkadirect.internal.journal;
