package io.verbund.acd.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.routing.OfferTerms;
import io.verbund.acd.routing.RoutingDecision;
import io.verbund.acd.tenant.TenantKey;
import java.time.Duration;
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

    /** The distributor chose the agents to offer the call to: who, who not and why ({@link RoutingDecision}). */
    record RoutingDecided(TenantKey tenant, CallId call, int seq, Instant at, RoutingDecision decision) implements CallEvent {
    }

    /**
     * An agent's phone rings for the call; {@code why} is the routing decision, {@code idle} how long
     * the agent had been free (what fairness across a group's agents is measured by).
     */
    record CallOffered(TenantKey tenant, CallId call, int seq, Instant at, AgentKey agent, String why, Duration idle) implements CallEvent {
    }

    /** An agent's phone stopped ringing without answering: no answer, busy, refused ({@code sipStatus}). */
    record OfferNotTaken(TenantKey tenant, CallId call, int seq, Instant at, AgentKey agent, int sipStatus) implements CallEvent {

        /** Whether the agent did not answer (which counts toward the group's no-answer limit), rather than refused. */
        public boolean isNoAnswer() {
            return OfferTerms.isNoAnswer(sipStatus);
        }
    }

    /** The ACD stopped an agent's phone ringing: another agent answered, the caller left, the agent was taken away. */
    record OfferWithdrawn(TenantKey tenant, CallId call, int seq, Instant at, AgentKey agent, String why) implements CallEvent {
    }

    /** An agent answered; the caller talks to it now. */
    record CallAnswered(TenantKey tenant, CallId call, int seq, Instant at, AgentKey agent) implements CallEvent {
    }

    /** A transfer's target rings: from the flow's transfer node, or a blind transfer {@code by} a login ("api:…"). */
    record TransferStarted(TenantKey tenant, CallId call, int seq, Instant at, TransferTarget target, String by) implements CallEvent {
    }

    /** The transfer's target did not take the call; the caller stays where it was. */
    record TransferFailed(TenantKey tenant, CallId call, int seq, Instant at, TransferTarget target, String why) implements CallEvent {
    }

    /** The flow's transfer reached its number: the call has left the flow and talks to it. */
    record TransferConnected(TenantKey tenant, CallId call, int seq, Instant at, TransferTarget target) implements CallEvent {
    }

    /** A connected call went from one party ({@code from}: agent:… or number:…) to the transfer's target. */
    record Transferred(TenantKey tenant, CallId call, int seq, Instant at, TransferTarget target, String from, String by)
            implements CallEvent {
    }

    /**
     * An outbound call was placed for the agent ({@code by}: "agent:…" for itself, "api:…" for whoever
     * asked) to the number, presenting {@code callerId}; the agent's own phone rings first.
     */
    record OutboundCallPlaced(TenantKey tenant, CallId call, int seq, Instant at, AgentKey agent, String number, String callerId,
                              String by) implements CallEvent {
    }

    /** The agent picked up its phone for its outbound call; the number is dialled next. */
    record AgentPickedUp(TenantKey tenant, CallId call, int seq, Instant at, AgentKey agent) implements CallEvent {
    }

    /** The outbound call's number rings through the trunk. */
    record NumberDialled(TenantKey tenant, CallId call, int seq, Instant at, String number, String callerId) implements CallEvent {
    }

    /** The outbound call's number answered: the agent talks to it now. */
    record NumberAnswered(TenantKey tenant, CallId call, int seq, Instant at, String number) implements CallEvent {
    }

    /**
     * The outbound call did not connect: the agent's phone or the number did not answer, refused
     * ({@code sipStatus}; 0 when no response decided it) or could not be tried; {@code outcome} is how its record ends.
     */
    record OutboundCallFailed(TenantKey tenant, CallId call, int seq, Instant at, OutboundOutcome outcome, int sipStatus, String why)
            implements CallEvent {
    }

    /**
     * The connected caller was put on hold {@code by} its agent ("agent:…") or a login ("api:…"): it
     * hears music on hold, its agent silence, and nothing of either is recorded.
     */
    record CallHeld(TenantKey tenant, CallId call, int seq, Instant at, String by) implements CallEvent {
    }

    /**
     * The caller on hold talks to its agent again; {@code held} is how long this hold lasted,
     * {@code totalHeld} every hold of the call so far.
     */
    record CallResumed(TenantKey tenant, CallId call, int seq, Instant at, String by, Duration held, Duration totalHeld)
            implements CallEvent {
    }

    /**
     * The agent consults {@code target} (another agent, a group's free agent, a number) while its
     * caller waits on hold; the target's phone rings. {@code by}: "api:" and the login that asked.
     */
    record ConsultationStarted(TenantKey tenant, CallId call, int seq, Instant at, TransferTarget target, String by)
            implements CallEvent {
    }

    /** The consulted party answered: the agent talks to it, the caller still hears music. */
    record ConsultationAnswered(TenantKey tenant, CallId call, int seq, Instant at, TransferTarget target) implements CallEvent {
    }

    /** The consulted party did not answer or refused; the agent stays with its caller on hold. */
    record ConsultationFailed(TenantKey tenant, CallId call, int seq, Instant at, TransferTarget target, String why)
            implements CallEvent {
    }

    /** The agent switched to the other party ({@code talkingTo}: "caller" or "target"); the one left hears music. */
    record ConsultationSwapped(TenantKey tenant, CallId call, int seq, Instant at, String talkingTo, String by) implements CallEvent {
    }

    /**
     * The consultation is over without a transfer: the agent went back to its caller, or the
     * consulted party hung up ({@code by}: "api:…" or "target").
     */
    record ConsultationEnded(TenantKey tenant, CallId call, int seq, Instant at, TransferTarget target, String by)
            implements CallEvent {
    }

    /**
     * A supervisor's phone joined the call ({@code mode}: LISTEN, WHISPER or BARGE);
     * {@code supervisor}: the login that asked.
     */
    record SupervisionStarted(TenantKey tenant, CallId call, int seq, Instant at, String mode, String supervisor) implements CallEvent {
    }

    /** The supervisor in the call switched to another mode. */
    record SupervisionModeChanged(TenantKey tenant, CallId call, int seq, Instant at, String mode, String supervisor)
            implements CallEvent {
    }

    /** The supervisor left the call: hung up, or asked to leave ({@code by}); caller and agent talk on. */
    record SupervisionEnded(TenantKey tenant, CallId call, int seq, Instant at, String supervisor, String by) implements CallEvent {
    }

    /**
     * A third party joined caller and agent, all three hear each other ({@code party}: "agent:…" or
     * "number:…"); {@code via}: "conference" (added directly) or "consultation" (the consulted party brought in).
     */
    record PartyJoined(TenantKey tenant, CallId call, int seq, Instant at, String party, String via, String by) implements CallEvent {
    }

    /**
     * A party left the conference ({@code party}: "agent:…" or "number:…"; {@code why}: "hung up",
     * "asked by …"); with the call's own agent gone, the caller talks on with the third party.
     */
    record PartyLeft(TenantKey tenant, CallId call, int seq, Instant at, String party, String why) implements CallEvent {
    }

    /**
     * The caller chose to be called back on {@code number} and hung up: the call keeps its place in
     * the group's queue (its wait start and {@code priority}) without the caller's leg.
     */
    record CallbackRequested(TenantKey tenant, CallId call, int seq, Instant at, long groupId, int priority, String number)
            implements CallEvent {
    }

    /** The agent accepted the callback's offer; the number is dialled through the trunk next ({@code attempt} from 1). */
    record CallbackTaken(TenantKey tenant, CallId call, int seq, Instant at, AgentKey agent, String number, int attempt)
            implements CallEvent {
    }

    /** The number did not answer the callback's attempt ({@code sipStatus}; 0 when no response decided it). */
    record CallbackAttemptFailed(TenantKey tenant, CallId call, int seq, Instant at, int attempt, OutboundOutcome outcome,
                                 int sipStatus, String why) implements CallEvent {
    }

    /**
     * The caller waiting in the queue of {@code groupId} went on at {@code byNode} after
     * {@code fromNode}, which held it, left the cluster: its dialog and media moved there (a
     * re-INVITE), its place in queue stayed.
     */
    record CallTakenOver(TenantKey tenant, CallId call, int seq, Instant at, long groupId, String fromNode, String byNode)
            implements CallEvent {
    }

    /** The caller hung up before anyone answered. */
    record CallAbandoned(TenantKey tenant, CallId call, int seq, Instant at) implements CallEvent {
    }

    /** The call is over, with its outcome (ANSWERED, TRANSFERRED, FAILED, …) and who ended it. */
    record CallEnded(TenantKey tenant, CallId call, int seq, Instant at, String outcome, String endedBy) implements CallEvent {
    }
}
