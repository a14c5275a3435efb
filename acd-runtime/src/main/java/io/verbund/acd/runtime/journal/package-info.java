/**
 * The node's journal of writes for the master: a write is acknowledged once it is in an
 * append-only file in the node's data folder, and reaches the database later, in order and in
 * batches ({@link io.verbund.acd.runtime.journal.Journal}, {@link io.verbund.acd.runtime.journal.JournalDrain}).
 * A row the database refuses goes to the dead letters instead of blocking the rest
 * ({@link io.verbund.acd.runtime.journal.BisectingSink}).
 */
package io.verbund.acd.runtime.journal;
