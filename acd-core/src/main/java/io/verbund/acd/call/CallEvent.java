package io.verbund.acd.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.tenant.TenantKey;
import java.time.Instant;

/**
 * What happened to a call, as a past-tense fact the {@link Call} records when one of its
 * transitions runs. Every event names the tenant and the call and has the call's next sequence
 * number, so a call's history is totally ordered however its events are stored.
 */
public sealed interface CallEvent {

    TenantKey tenant();

    CallId call();

    /** Position in the call's history, from 1. */
    int seq();

    Instant at();

    /** The caller entered the queue of an ACD group. */
    record CallQueued(TenantKey tenant, CallId call, int seq, Instant at, long groupId, int priority) implements CallEvent {
    }

    /** An agent's phone rings for the call; {@code why} is the routing decision. */
    record CallOffered(TenantKey tenant, CallId call, int seq, Instant at, AgentKey agent, String why) implements CallEvent {
    }

    /** An agent's phone stopped ringing without answering: no answer, busy, refused ({@code sipStatus}). */
    record OfferNotTaken(TenantKey tenant, CallId call, int seq, Instant at, AgentKey agent, int sipStatus) implements CallEvent {
    }

    /** The ACD stopped an agent's phone ringing: another agent answered, the caller left, the agent was taken away. */
    record OfferWithdrawn(TenantKey tenant, CallId call, int seq, Instant at, AgentKey agent, String why) implements CallEvent {
    }

    /** An agent answered; the caller talks to it now. */
    record CallAnswered(TenantKey tenant, CallId call, int seq, Instant at, AgentKey agent) implements CallEvent {
    }

    /** The caller hung up before anyone answered. */
    record CallAbandoned(TenantKey tenant, CallId call, int seq, Instant at) implements CallEvent {
    }

    /** The call is over, with its outcome (ANSWERED, TRANSFERRED, FAILED, …) and who ended it. */
    record CallEnded(TenantKey tenant, CallId call, int seq, Instant at, String outcome, String endedBy) implements CallEvent {
    }
}
