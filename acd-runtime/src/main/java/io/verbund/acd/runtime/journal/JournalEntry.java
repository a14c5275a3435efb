package io.verbund.acd.runtime.journal;

import java.time.Instant;

/**
 * One entry as the journal hands it to its sink: the bytes appended, when, and where it lies in
 * the journal, which names it uniquely on this node (a dead letter keeps that, so a redelivery
 * after a crash does not store it twice).
 */
public record JournalEntry(long segment, long offset, Instant appendedAt, byte[] payload) {

    /** {@code segment:offset}, e.g. {@code 12:40960}. */
    public String position() {
        return segment + ":" + offset;
    }
}
