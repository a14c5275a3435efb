package io.verbund.acd.statistics;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored call event as statistics read it ({@code call_event}: type, time, group, agent, and
 * the outcome of a {@code CallEnded}); only the types {@link QueueVisits} knows matter.
 */
public record CallMoment(String type, Instant at, Optional<Long> groupId, Optional<String> agent, Optional<String> outcome) {

    public CallMoment {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }

    public static CallMoment queued(Instant at, long groupId) {
        return new CallMoment("CallQueued", at, Optional.of(groupId), Optional.empty(), Optional.empty());
    }

    public static CallMoment answered(Instant at, String agent) {
        return new CallMoment("CallAnswered", at, Optional.empty(), Optional.of(agent), Optional.empty());
    }

    public static CallMoment ended(Instant at, String outcome) {
        return new CallMoment("CallEnded", at, Optional.empty(), Optional.empty(), Optional.of(outcome));
    }

    /** A moment with nothing but its type and time: CallAbandoned, LeftQueue, VoicemailStarted, Transferred, … */
    public static CallMoment of(String type, Instant at) {
        return new CallMoment(type, at, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
