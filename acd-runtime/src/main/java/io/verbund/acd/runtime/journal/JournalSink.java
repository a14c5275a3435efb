package io.verbund.acd.runtime.journal;

import java.util.List;

/** Where a journal's entries go, a batch at a time, in the order they were appended. */
@FunctionalInterface
public interface JournalSink {

    /**
     * Stores the batch durably before it returns: the journal forgets the entries then. Entries may
     * come a second time after a crash, so storing must be idempotent.
     *
     * @throws SinkUnavailable when nothing of the batch can be stored now (e.g. the database is
     *         unreachable); the journal keeps the entries and offers them again later
     */
    void write(List<JournalEntry> batch) throws SinkUnavailable;

    /** The destination cannot take the batch now; it may later. */
    final class SinkUnavailable extends Exception {

        public SinkUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
