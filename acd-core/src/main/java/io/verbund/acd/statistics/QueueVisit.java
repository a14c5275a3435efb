package io.verbund.acd.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One call's stay in one ACD group's queue and what became of it: the unit every call KPI counts.
 * A call that overflows to a second group is offered to both (one visit each); a caller who is
 * re-queued after an agent did not answer stays in the same visit; a call transferred after it was
 * answered stays one answered call (its transfers are counted, the call once).
 *
 * @param ending    how the wait ended; {@link Ending#WAITING} while it has not
 * @param waitEnded when the wait ended (answered, abandoned, left); empty while waiting
 * @param agent     the agent (extension) who answered, for an answered visit
 * @param talk      from the answer to the call's end (across transfers); zero when not answered or not over
 * @param callOver  the call has ended: an answered visit's talk is final
 * @param wrapUp    the answering agent's wrap-up after the call
 * @param transfers how often the answered call was transferred
 */
public record QueueVisit(String callId, long groupId, String serviceNumber, Instant queuedAt, Ending ending,
                         Optional<Instant> waitEnded, Optional<String> agent, Duration talk, boolean callOver, Duration wrapUp,
                         int transfers) {

    /** How a wait in a queue ended. */
    public enum Ending {
        ANSWERED,
        /** The caller hung up while waiting or while a phone rang for it. */
        ABANDONED,
        /** The queue's exit took the caller to voicemail: neither answered nor abandoned. */
        VOICEMAIL,
        /** The caller chose to be called back: neither answered nor abandoned. */
        CALLBACK,
        /** The queue's exit or another group took the caller elsewhere (overflow, announcement, transfer). */
        LEFT,
        WAITING
    }

    public QueueVisit {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(ending, "ending");
        if ((ending == Ending.WAITING) != waitEnded.isEmpty()) {
            throw new IllegalArgumentException("a wait has an end exactly when it is over: " + ending + " " + waitEnded);
        }
        if (agent.isPresent() != (ending == Ending.ANSWERED)) {
            throw new IllegalArgumentException("only an answered visit has an agent");
        }
    }

    /** How long the caller waited in this queue; for a visit still waiting, until {@code now}. */
    public Duration waited(Instant now) {
        Duration waited = Duration.between(queuedAt, waitEnded.orElse(now));
        return waited.isNegative() ? Duration.ZERO : waited;
    }

    public boolean is(Ending which) {
        return ending == which;
    }

    /** This visit with the answering agent's wrap-up after the call. */
    public QueueVisit withWrapUp(Duration wrapUp) {
        return new QueueVisit(callId, groupId, serviceNumber, queuedAt, ending, waitEnded, agent, talk, callOver, wrapUp, transfers);
    }
}
