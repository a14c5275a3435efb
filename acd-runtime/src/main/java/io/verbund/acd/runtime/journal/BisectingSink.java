package io.verbund.acd.runtime.journal;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a batch through {@link Writes}; when the destination refuses it for a reason that does
 * not pass (a constraint, a value too long, a statement it cannot run), halves it and writes each
 * half, down to the single entries it refuses, which go to the {@link DeadLetters}. So one bad row
 * costs a few more round trips, stores everything else in order, and never blocks the journal.
 * An unavailable destination ({@link JournalSink.SinkUnavailable}) is passed on: the journal keeps
 * the batch. Halves already written are written again then, which the idempotent writes allow.
 */
public final class BisectingSink implements JournalSink {

    /** Stores a batch in one transaction, all or nothing. */
    @FunctionalInterface
    public interface Writes {
        void write(List<JournalEntry> batch) throws SinkUnavailable, EntryRefused;
    }

    /** Where the entries the destination refused are kept, with why. */
    @FunctionalInterface
    public interface DeadLetters {
        void store(JournalEntry entry, String reason) throws SinkUnavailable;
    }

    /** The destination refused the batch for a reason that would not pass on a retry. */
    public static final class EntryRefused extends Exception {

        public EntryRefused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final Writes writes;
    private final DeadLetters deadLetters;
    private final AtomicLong deadLettered = new AtomicLong();

    public BisectingSink(Writes writes, DeadLetters deadLetters) {
        this.writes = writes;
        this.deadLetters = deadLetters;
    }

    @Override
    public void write(List<JournalEntry> batch) throws SinkUnavailable {
        try {
            writes.write(batch);
        } catch (EntryRefused refused) {
            if (batch.size() == 1) {
                deadLetters.store(batch.get(0), refused.getMessage());
                deadLettered.incrementAndGet();
            } else {
                int half = batch.size() / 2;
                write(batch.subList(0, half));
                write(batch.subList(half, batch.size()));
            }
        }
    }

    /** Entries this sink sent to the dead letters since it was made. */
    public long deadLettered() {
        return deadLettered.get();
    }
}
