package io.verbund.acd.stats.report;

import java.time.Duration;

/**
 * Agents' outbound calls in a report row, apart from the queue figures (an outbound call visits no
 * queue): how many were placed, how many the number answered, and their talk time (the number's
 * answer to the end). Counted by when the call was placed, like a visit by when it queued.
 */
record OutboundFigures(int placed, int answered, Duration talk) {

    static final OutboundFigures NONE = new OutboundFigures(0, 0, Duration.ZERO);

    OutboundFigures plus(OutboundFigures other) {
        return new OutboundFigures(placed + other.placed, answered + other.answered, talk.plus(other.talk));
    }
}
