package io.verbund.acd.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.call.CallEvent.CallAbandoned;
import io.verbund.acd.call.CallEvent.CallAnswered;
import io.verbund.acd.call.CallEvent.CallbackAttemptFailed;
import io.verbund.acd.call.CallEvent.CallbackRequested;
import io.verbund.acd.call.CallEvent.CallbackTaken;
import io.verbund.acd.call.CallEvent.CallEnded;
import io.verbund.acd.call.CallEvent.CallHeld;
import io.verbund.acd.call.CallEvent.CallResumed;
import io.verbund.acd.call.CallEvent.ConsultationAnswered;
import io.verbund.acd.call.CallEvent.ConsultationEnded;
import io.verbund.acd.call.CallEvent.ConsultationFailed;
import io.verbund.acd.call.CallEvent.ConsultationStarted;
import io.verbund.acd.call.CallEvent.ConsultationSwapped;
import io.verbund.acd.call.CallEvent.CallOffered;
import io.verbund.acd.call.CallEvent.CallQueued;
import io.verbund.acd.call.CallEvent.AgentPickedUp;
import io.verbund.acd.call.CallEvent.NumberAnswered;
import io.verbund.acd.call.CallEvent.NumberDialled;
import io.verbund.acd.call.CallEvent.OutboundCallFailed;
import io.verbund.acd.call.CallEvent.OutboundCallPlaced;
import io.verbund.acd.call.CallEvent.OfferNotTaken;
import io.verbund.acd.call.CallEvent.OfferWithdrawn;
import io.verbund.acd.call.CallEvent.PartyJoined;
import io.verbund.acd.call.CallEvent.PartyLeft;
import io.verbund.acd.call.CallEvent.SupervisionEnded;
import io.verbund.acd.call.CallEvent.SupervisionModeChanged;
import io.verbund.acd.call.CallEvent.SupervisionStarted;
import io.verbund.acd.call.CallEvent.RoutingDecided;
import io.verbund.acd.routing.OfferTerms;
import io.verbund.acd.routing.RoutingDecision;
import io.verbund.acd.call.CallEvent.TransferConnected;
import io.verbund.acd.call.CallEvent.TransferFailed;
import io.verbund.acd.call.CallEvent.TransferStarted;
import io.verbund.acd.call.CallEvent.Transferred;
import io.verbund.acd.tenant.TenantKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One caller's call from the INVITE to its end, as the ACD decides about it. Its phase, the agents
 * whose phones ring for it and the agent it talks to change only through the transitions named
 * here, each allowed from the phases listed in its doc and refused otherwise
 * ({@link IllegalCallTransition}), so no adapter can connect a call nobody offered or queue one that
 * ended. The transitions that matter to distribution record past-tense {@link CallEvent}s, which the
 * node holding the call stores ({@link #takeEvents()}).
 *
 * <p>An outbound call (an agent's click-to-dial) takes its own way: placed for its agent (DIALLING,
 * the agent's phone rings), the agent picked up, the number dialled, the number answered (CONNECTED)
 * or the call failed (ENDED with an {@link OutboundOutcome}). It is never queued nor offered.
 *
 * <p>A callback is a call that came in whose caller chose, in the flow, to be called back: it keeps
 * its place in the queue without the caller's leg (QUEUED), is offered as any caller is, and once
 * its agent takes it goes the outbound way (DIALLING, then CONNECTED when the number answers). An
 * attempt the number does not answer puts it back in the queue (QUEUED) until the group gives up
 * (ENDED, {@link #CALLBACK_FAILED}).
 *
 * <p>Invariants: OFFERING has at least one offered agent and only OFFERING has any; the call has an
 * agent only while CONNECTED to one or DIALLING for it; at most one transfer rings, only while TRANSFERRING (the flow's)
 * or CONNECTED (a blind transfer); only a CONNECTED call is on hold, and no transfer rings while it is
 * (hold and resume change who hears whom, never the phase); ENDED is final.
 *
 * <p>Not thread-safe: the node holding the call changes it under the call's own monitor.
 */
public final class Call {

    /** The outcome of a callback the group gave up on. */
    public static final String CALLBACK_FAILED = "CALLBACK_FAILED";

    private final CallId id;
    private final Instant receivedAt;
    private CallPhase phase = CallPhase.ROUTING;
    private TenantKey tenant;
    private final List<AgentKey> offered = new ArrayList<>(1);
    private AgentKey agent;
    /** The transfer whose target rings now; null otherwise. */
    private PendingTransfer transfer;
    /** The number a transfer connected the caller to (no agent on the other leg then); null otherwise. */
    private String transferredNumber;
    private int transfersConnected;
    /** The priority the call flow queued the caller with; a transfer to another group keeps it. */
    private int priority;
    /** Since when the caller has been on hold; null while it is not. */
    private Instant heldSince;
    /** Every finished hold of the call, added up. */
    private Duration heldBefore = Duration.ZERO;
    /** The party the agent consults while its caller waits on hold; null when none. */
    private Consultation consultation;
    /** The conference's third party hearing caller and agent (the agent reserved for it, none for a number); null when none. */
    private Consultation thirdParty;
    /** The login of the supervisor in the call and its mode; null when none. */
    private String supervisor;
    private String supervisionMode;
    /** The outbound call's number and how far it got; null for a call that came in. */
    private OutboundDial outbound;
    /** The callback the caller asked for; null for a caller who waits on the line. */
    private PendingCallback callback;
    private int seq;
    private final List<CallEvent> events = new ArrayList<>(4);

    public Call(CallId id, Instant receivedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /**
     * A waiting caller that {@code fromNode} held, taken over by {@code byNode} after that node left
     * the cluster: QUEUED in its group with its priority, recording a {@link CallEvent.CallTakenOver}.
     * Its history goes on after {@code lastSeq}, the last number the departed node is known to have
     * used (give room for events only its journal holds yet: they keep their own numbers).
     */
    public static Call takenOver(CallId id, Instant receivedAt, TenantKey owner, long groupId, int priority, int lastSeq,
                                 String fromNode, String byNode, Instant at) {
        if (lastSeq < 0) {
            throw new IllegalArgumentException("lastSeq must not be negative: " + lastSeq);
        }
        Call call = new Call(id, receivedAt);
        call.tenant = Objects.requireNonNull(owner, "owner");
        call.phase = CallPhase.QUEUED;
        call.priority = priority;
        call.seq = lastSeq;
        call.events.add(new CallEvent.CallTakenOver(owner, id, call.nextSeq(), at, groupId, fromNode, byNode));
        return call;
    }

    /**
     * A call its agent talked on at a node that left the cluster, going on at {@code byNode}: CONNECTED
     * to the same agent, recording a {@link CallEvent.CallTakenOver}; the answer is among the events
     * the departed node stored. A caller on hold stays on hold from the moment its hold began (its
     * {@code CallHeld} is among those events too), and the holds it had before count on, so the
     * call's time on hold adds up across the move.
     *
     * @param heldSince  when the caller's hold began; null when it talks
     * @param heldBefore the call's finished holds, added up
     */
    public static Call talkingTakenOver(CallId id, Instant receivedAt, TenantKey owner, long groupId, int priority, AgentKey agent,
                                        Instant heldSince, Duration heldBefore, int lastSeq, String fromNode, String byNode, Instant at) {
        Call call = takenOver(id, receivedAt, owner, groupId, priority, lastSeq, fromNode, byNode, at);
        call.phase = CallPhase.CONNECTED;
        call.agent = Objects.requireNonNull(agent, "agent");
        call.heldSince = heldSince;
        call.heldBefore = nonNegative(Objects.requireNonNull(heldBefore, "heldBefore"));
        return call;
    }

    public CallId id() {
        return id;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public CallPhase phase() {
        return phase;
    }

    public boolean is(CallPhase expected) {
        return phase == expected;
    }

    public boolean isEnded() {
        return phase == CallPhase.ENDED;
    }

    /** Answered by an agent or a number: a BYE ends it, a CANCEL comes too late. */
    public boolean isConnected() {
        return phase == CallPhase.CONNECTED;
    }

    /** Still waiting for an agent: in the queue, or with phones ringing for it. */
    public boolean isWaitingForAgent() {
        return phase == CallPhase.QUEUED || phase == CallPhase.OFFERING;
    }

    /** The tenant whose service number was dialled, once the call was routed. */
    public Optional<TenantKey> tenant() {
        return Optional.ofNullable(tenant);
    }

    /** The agents whose phones ring for the call now, in the order they were offered. */
    public List<AgentKey> offeredAgents() {
        return List.copyOf(offered);
    }

    /** The agent the caller talks to; empty before an answer, and after a transfer to a number. */
    public Optional<AgentKey> agent() {
        return Optional.ofNullable(agent);
    }

    /** Whether the agent is in the call: its phone rings for it or it talks on it (its lease). */
    public boolean involves(AgentKey someone) {
        return phase != CallPhase.ENDED && (someone.equals(agent) || offered.contains(someone)
                || (transfer != null && someone.equals(transfer.agent()))
                || (consultation != null && someone.equals(consultation.agent))
                || (thirdParty != null && someone.equals(thirdParty.agent)));
    }

    /** Where the transfer that rings now goes; empty when none rings. */
    public Optional<TransferTarget> transferRinging() {
        return Optional.ofNullable(transfer).map(PendingTransfer::target);
    }

    /** The number a transfer connected the caller to; then no agent talks on the other leg. */
    public Optional<String> transferredNumber() {
        return Optional.ofNullable(transferredNumber);
    }

    /** How many transfers connected so far: each gives the call a new other leg (and recording). */
    public int transfersConnected() {
        return transfersConnected;
    }

    /** Whether the caller is on hold: it hears music, its agent silence. */
    public boolean isOnHold() {
        return heldSince != null;
    }

    /** When the caller's current hold began; empty while it is not on hold. */
    public Optional<Instant> onHoldSince() {
        return Optional.ofNullable(heldSince);
    }

    /** The call's finished holds, added up (without one that lasts). */
    public Duration finishedHolds() {
        return heldBefore;
    }

    /** How long the caller has been on hold in all, up to {@code now} for a hold that lasts. */
    public Duration timeOnHold(Instant now) {
        return heldSince == null ? heldBefore : heldBefore.plus(nonNegative(Duration.between(heldSince, now)));
    }

    /** Whether an agent placed this call (click-to-dial, the API) rather than a caller dialling in. */
    public boolean isOutbound() {
        return outbound != null;
    }

    /** The number an outbound call dials; empty for a call that came in. */
    public Optional<String> dialledNumber() {
        return Optional.ofNullable(outbound).map(OutboundDial::number);
    }

    /** Whether the caller asked to be called back: it waits in the queue without its leg. */
    public boolean isCallback() {
        return callback != null;
    }

    /** The number a callback calls; empty for a caller on the line. */
    public Optional<String> callbackNumber() {
        return Optional.ofNullable(callback).map(PendingCallback::number);
    }

    /** How often the callback's number has been dialled; 0 for none yet or no callback. */
    public int callbackAttempts() {
        return callback == null ? 0 : callback.attempts;
    }

    /** When the caller asked for its callback; empty for no callback. */
    public Optional<Instant> callbackRequestedAt() {
        return Optional.ofNullable(callback).map(PendingCallback::requestedAt);
    }

    /**
     * From ROUTING, once: the caller chose to be called back on {@code number} and its leg ends; the
     * call keeps its place in the group's queue (QUEUED) and is offered as any caller is.
     */
    public void callbackRequested(long groupId, int priority, String number, Instant at) {
        TenantKey owner = routedTenant();
        if (callback != null) {
            throw new IllegalCallTransition(id, phase, "callback requested twice");
        }
        move(Set.of(CallPhase.ROUTING), CallPhase.QUEUED, "callback requested");
        callback = new PendingCallback(Objects.requireNonNull(number, "number"), at);
        events.add(new CallbackRequested(owner, id, nextSeq(), at, groupId, priority, number));
    }

    /**
     * From OFFERING, by an agent a callback was offered to: it accepted. Every other offer is
     * withdrawn, and the call goes the outbound way with the agent's leg up (DIALLING): the number
     * is dialled next, presenting {@code callerId}.
     *
     * @return the agents whose phones must stop ringing
     */
    public List<AgentKey> callbackTakenBy(AgentKey someone, String callerId, Instant at) {
        requireOffered(someone, "callback taken");
        if (callback == null) {
            throw new IllegalCallTransition(id, phase, "callback taken, but no callback was requested");
        }
        List<AgentKey> others = withdrawAll(someone, "callback taken by " + someone.extension(), at);
        phase = CallPhase.DIALLING;
        agent = someone;
        outbound = new OutboundDial(callback.number, Objects.requireNonNull(callerId, "callerId"));
        outbound.pickedUp = true;
        callback.attempts++;
        events.add(new CallbackTaken(routedTenant(), id, nextSeq(), at, someone, callback.number, callback.attempts));
        return others;
    }

    /**
     * From DIALLING, for a callback: the number did not answer this attempt. The agent is off the
     * call and the call is back in its place in the queue (QUEUED), to be tried again or given up.
     *
     * @param sipStatus the final response that decided it, 0 for none
     */
    public void callbackAttemptFailed(OutboundOutcome outcome, int sipStatus, String why, Instant at) {
        requireDialling("callback attempt failed");
        if (callback == null) {
            throw new IllegalCallTransition(id, phase, "callback attempt failed on an outbound call");
        }
        events.add(new CallbackAttemptFailed(tenant, id, nextSeq(), at, callback.attempts, Objects.requireNonNull(outcome, "outcome"),
                sipStatus, why));
        agent = null;
        outbound = null;
        phase = CallPhase.QUEUED;
    }

    /** From QUEUED, for a callback: the group gives up on it; the call ends {@link #CALLBACK_FAILED}. */
    public void callbackGivenUp(String why, Instant at) {
        require(Set.of(CallPhase.QUEUED), "callback given up");
        if (callback == null) {
            throw new IllegalCallTransition(id, phase, "callback given up, but none was requested");
        }
        phase = CallPhase.ENDED;
        events.add(new CallEnded(tenant, id, nextSeq(), at, CALLBACK_FAILED, "node: " + why));
    }

    /** Whether the outbound call's agent has picked up its phone (so the number is, or is about to be, dialled). */
    public boolean hasAgentPickedUp() {
        return outbound != null && outbound.pickedUp;
    }

    /**
     * The next number in the call's history, for what the adapter records beside the call's own
     * events (call-flow steps, transfers, recordings), so the whole history has one order.
     */
    public int nextSeq() {
        return ++seq;
    }

    /** The events recorded since the last call, oldest first; the caller stores them. */
    public List<CallEvent> takeEvents() {
        List<CallEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    /** From ROUTING, once: the dialled number belongs to this tenant. */
    public void routedTo(TenantKey owner) {
        require(Set.of(CallPhase.ROUTING), "routed");
        if (tenant != null) {
            throw new IllegalCallTransition(id, phase, "routed twice");
        }
        tenant = Objects.requireNonNull(owner, "owner");
    }

    /**
     * From ROUTING, before the call was routed anywhere: an outbound call for {@code someone} of
     * {@code owner} to {@code number}, presenting {@code callerId}. The agent's phone rings first (DIALLING).
     *
     * @param by "agent:" and the extension when the agent placed it itself, else "api:" and the login that asked
     */
    public void placedFor(TenantKey owner, AgentKey someone, String number, String callerId, String by, Instant at) {
        routedTo(owner);
        Objects.requireNonNull(someone, "someone");
        phase = CallPhase.DIALLING;
        agent = someone;
        outbound = new OutboundDial(Objects.requireNonNull(number, "number"), Objects.requireNonNull(callerId, "callerId"));
        events.add(new OutboundCallPlaced(owner, id, nextSeq(), at, someone, number, callerId, by));
    }

    /** From DIALLING, once: the agent answered its own phone. */
    public void agentPickedUp(Instant at) {
        requireDialling("picked up");
        if (outbound.pickedUp) {
            throw new IllegalCallTransition(id, phase, "picked up twice");
        }
        outbound.pickedUp = true;
        events.add(new AgentPickedUp(tenant, id, nextSeq(), at, agent));
    }

    /** From DIALLING after the agent picked up, once: the number rings through the trunk. */
    public void numberDialled(Instant at) {
        requireDialling("dialled");
        if (!outbound.pickedUp || outbound.dialled) {
            throw new IllegalCallTransition(id, phase, outbound.dialled ? "dialled twice" : "dialled before the agent picked up");
        }
        outbound.dialled = true;
        events.add(new NumberDialled(tenant, id, nextSeq(), at, outbound.number, outbound.callerId));
    }

    /** From DIALLING once the number was dialled: it answered, and the agent talks to it (CONNECTED). */
    public void numberAnswered(Instant at) {
        requireDialling("answered by the number");
        if (!outbound.dialled) {
            throw new IllegalCallTransition(id, phase, "answered by a number not dialled");
        }
        phase = CallPhase.CONNECTED;
        events.add(new NumberAnswered(tenant, id, nextSeq(), at, outbound.number));
    }

    /**
     * From DIALLING: the outbound call did not connect and is over.
     *
     * @param sipStatus the final response that decided it, 0 for none (a timer, a check, a hang-up)
     * @param endedBy   who ended it: "agent", "far end", "node", "api:…"
     */
    public void outboundFailed(OutboundOutcome outcome, int sipStatus, String why, String endedBy, Instant at) {
        requireDialling("failed");
        Objects.requireNonNull(outcome, "outcome");
        events.add(new OutboundCallFailed(tenant, id, nextSeq(), at, outcome, sipStatus, why));
        phase = CallPhase.ENDED;
        events.add(new CallEnded(tenant, id, nextSeq(), at, outcome.name(), endedBy));
    }

    private void requireDialling(String transition) {
        require(Set.of(CallPhase.DIALLING), transition);
    }

    /** From ROUTING: the flow put the caller into an ACD group's queue. */
    public void queued(long groupId, int priority, Instant at) {
        TenantKey owner = routedTenant();
        move(Set.of(CallPhase.ROUTING), CallPhase.QUEUED, "queued");
        this.priority = priority;
        events.add(new CallQueued(owner, id, nextSeq(), at, groupId, priority));
    }

    /** The priority the caller waits with: the one its flow queued it with, kept through transfers to other groups. */
    public int priority() {
        return priority;
    }

    /**
     * From CONNECTED, not on hold, with no transfer ringing, to a group target: the party the caller
     * talked to lets go, and the caller waits in the group's queue again with the priority it was
     * queued with first (QUEUED). Recorded as a Transferred, then a CallQueued in the new group; the
     * next answer counts as a new conversation (its own recording, {@link #transfersConnected()}).
     *
     * @return the agent who had the call, for its wrap-up; empty when a number had it
     */
    public Optional<AgentKey> transferredToGroup(TransferTarget target, long groupId, String by, Instant at) {
        require(Set.of(CallPhase.CONNECTED), "transferred to a group");
        if (!target.isGroup()) {
            throw new IllegalCallTransition(id, phase, "transferred to a group with target " + target);
        }
        whyNoTransferTo(target).ifPresent(why -> {
            throw new IllegalCallTransition(id, phase, "transferred to a group: " + why);
        });
        TenantKey owner = routedTenant();
        Optional<AgentKey> previous = Optional.ofNullable(agent);
        String from = agent != null ? "agent:" + agent.extension() : "number:" + transferredNumber;
        events.add(new Transferred(owner, id, nextSeq(), at, target, from, Objects.requireNonNull(by, "by")));
        transfersConnected++;
        agent = null;
        transferredNumber = null;
        phase = CallPhase.QUEUED;
        events.add(new CallQueued(owner, id, nextSeq(), at, groupId, priority));
        return previous;
    }

    /** From QUEUED: the queue node's exit (maximum wait, no agent logged in) takes the caller back into the flow. */
    public void leftQueue() {
        move(Set.of(CallPhase.QUEUED), CallPhase.ROUTING, "taken out of the queue");
    }

    /** From QUEUED: the distributor decided whom to offer the caller to; the offers follow. */
    public void routingDecided(RoutingDecision decision, Instant at) {
        require(Set.of(CallPhase.QUEUED), "routing decided");
        events.add(new RoutingDecided(routedTenant(), id, nextSeq(), at, Objects.requireNonNull(decision, "decision")));
    }

    /**
     * From QUEUED or OFFERING (ring-all rings several): the agent's phone rings for the call; the
     * agent had been free since {@code freeSince}.
     */
    public void offeredTo(AgentKey someone, String why, Instant freeSince, Instant at) {
        require(Set.of(CallPhase.QUEUED, CallPhase.OFFERING), "offered");
        TenantKey owner = routedTenant();
        if (offered.contains(someone)) {
            throw new IllegalCallTransition(id, phase, "offered twice to " + someone);
        }
        phase = CallPhase.OFFERING;
        offered.add(someone);
        Duration idle = Duration.between(freeSince, at);
        events.add(new CallOffered(owner, id, nextSeq(), at, someone, why, idle.isNegative() ? Duration.ZERO : idle));
    }

    /**
     * From OFFERING: the agent's phone stopped ringing without answering (no answer, busy,
     * refused). With no other phone ringing the caller is back at its old place in the queue.
     *
     * @return whether the caller is back in the queue
     */
    public boolean offerNotTaken(AgentKey someone, int sipStatus, Instant at) {
        requireOffered(someone, "not taken");
        offered.remove(someone);
        events.add(new OfferNotTaken(routedTenant(), id, nextSeq(), at, someone, sipStatus));
        return backInQueueWhenNoneRings();
    }

    /**
     * From OFFERING: the ACD stops the agent's phone ringing (the agent was forced away, or its
     * lease ended). With no other phone ringing the caller is back at its old place in the queue.
     *
     * @return whether the caller is back in the queue
     */
    public boolean offerWithdrawn(AgentKey someone, String why, Instant at) {
        requireOffered(someone, "withdrawn");
        offered.remove(someone);
        events.add(new OfferWithdrawn(routedTenant(), id, nextSeq(), at, someone, why));
        return backInQueueWhenNoneRings();
    }

    /**
     * From OFFERING, by an agent offered: it answered. Every other offer is withdrawn.
     *
     * @return the agents whose phones must stop ringing
     */
    public List<AgentKey> answeredBy(AgentKey someone, Instant at) {
        requireOffered(someone, "answered");
        List<AgentKey> others = withdrawAll(someone, "answered by " + someone.extension(), at);
        phase = CallPhase.CONNECTED;
        agent = someone;
        events.add(new CallAnswered(routedTenant(), id, nextSeq(), at, someone));
        return others;
    }

    /** From ROUTING: the node answered to record the caller's message. */
    public void voicemailStarted() {
        move(Set.of(CallPhase.ROUTING), CallPhase.VOICEMAIL, "sent to voicemail");
    }

    /** From VOICEMAIL: the message is over and the flow goes on. */
    public void voicemailLeft() {
        move(Set.of(CallPhase.VOICEMAIL), CallPhase.ROUTING, "back from voicemail");
    }

    /**
     * Why a blind transfer of this call to {@code target} cannot start now; empty when it may: the
     * call is connected, no other transfer rings and the target is not the agent it talks to.
     */
    public Optional<String> whyNoTransferTo(TransferTarget target) {
        if (phase != CallPhase.CONNECTED) {
            return Optional.of("the call is not connected");
        }
        if (transfer != null) {
            return Optional.of("a transfer of this call is already ringing");
        }
        if (consultation != null) {
            return Optional.of("a consultation is going on: complete or end it first");
        }
        if (thirdParty != null) {
            return Optional.of("a third party is in the call");
        }
        if (heldSince != null) {
            return Optional.of("the call is on hold: resume it first");
        }
        if (target.isAgent() && agent != null && agent.extension().equals(target.value())) {
            return Optional.of("agent " + target.value() + " already talks to the caller");
        }
        return Optional.empty();
    }

    /**
     * From ROUTING (the flow's transfer node; the call is TRANSFERRING then) or CONNECTED (a blind
     * transfer; the caller keeps its agent until the target answers): the target's phone rings.
     *
     * @param targetAgent the agent reserved for an agent target; null for a number
     * @param by          "flow" or "api:" and the login that asked
     */
    public void transferStarted(TransferTarget target, AgentKey targetAgent, String by, Instant at) {
        require(Set.of(CallPhase.ROUTING, CallPhase.CONNECTED), "transferred");
        Objects.requireNonNull(target, "target");
        if (transfer != null) {
            throw new IllegalCallTransition(id, phase, "transferred while another transfer rings");
        }
        if (heldSince != null) {
            throw new IllegalCallTransition(id, phase, "transferred while on hold");
        }
        if (target.isAgent() != (targetAgent != null)) {
            throw new IllegalCallTransition(id, phase, "transferred to " + target + " with agent " + targetAgent);
        }
        TenantKey owner = routedTenant();
        if (phase == CallPhase.ROUTING) {
            phase = CallPhase.TRANSFERRING;
        }
        transfer = new PendingTransfer(target, targetAgent, by);
        events.add(new TransferStarted(owner, id, nextSeq(), at, target, by));
    }

    /**
     * From any phase but ENDED: a transfer that could not even start (no trunk, target not ready,
     * one rings already). Nothing changes; the refusal is recorded as a TransferFailed event.
     */
    public void transferRefused(TransferTarget target, String why, Instant at) {
        if (phase == CallPhase.ENDED) {
            throw new IllegalCallTransition(id, phase, "transfer refused");
        }
        events.add(new TransferFailed(routedTenant(), id, nextSeq(), at, target, why));
    }

    /**
     * From TRANSFERRING or CONNECTED, with a transfer ringing: it did not connect (refused, no
     * answer in time, withdrawn). The caller stays where it was.
     *
     * @return whether the call is back in its flow, which takes the transfer node's failed exit
     */
    public boolean transferFailed(String why, Instant at) {
        requireTransfer("failed");
        TransferTarget target = transfer.target();
        transfer = null;
        events.add(new TransferFailed(routedTenant(), id, nextSeq(), at, target, why));
        if (phase == CallPhase.TRANSFERRING) {
            phase = CallPhase.ROUTING;
            return true;
        }
        return false;
    }

    /**
     * From TRANSFERRING or CONNECTED, with a transfer ringing: its target answered and talks to the
     * caller now; the agent who had the call (a blind transfer) lets go of it.
     *
     * @return the agent who had the call, for its wrap-up; empty after the flow's transfer or when a number had it
     */
    public Optional<AgentKey> transferConnected(Instant at) {
        requireTransfer("connected");
        PendingTransfer done = transfer;
        transfer = null;
        transfersConnected++;
        TenantKey owner = routedTenant();
        Optional<AgentKey> previous = Optional.ofNullable(agent);
        if (phase == CallPhase.TRANSFERRING) {
            events.add(new TransferConnected(owner, id, nextSeq(), at, done.target()));
        } else {
            String from = agent != null ? "agent:" + agent.extension() : "number:" + transferredNumber;
            events.add(new Transferred(owner, id, nextSeq(), at, done.target(), from, done.by()));
        }
        phase = CallPhase.CONNECTED;
        agent = done.agent();
        transferredNumber = done.target().isAgent() ? null : done.target().value();
        return previous;
    }

    /**
     * Why the call cannot be put on hold now; empty when it can: it is connected, not on hold
     * already, and no transfer rings (the transfer's answer would bridge a caller who hears music).
     */
    public Optional<String> whyNoHold() {
        if (phase != CallPhase.CONNECTED) {
            return Optional.of("the call is not connected");
        }
        if (consultation != null) {
            return Optional.of("a consultation is going on");
        }
        if (heldSince != null) {
            return Optional.of("the call is on hold already");
        }
        if (thirdParty != null) {
            return Optional.of("a third party is in the call");
        }
        if (transfer != null) {
            return Optional.of("a transfer of this call is ringing");
        }
        return Optional.empty();
    }

    /**
     * From CONNECTED, not on hold, with no transfer ringing: the caller hears music on hold, its
     * agent silence, until {@link #resumed}.
     *
     * @param by "agent:" and the extension, or "api:" and the login that asked
     */
    public void putOnHold(String by, Instant at) {
        require(Set.of(CallPhase.CONNECTED), "put on hold");
        whyNoHold().ifPresent(why -> {
            throw new IllegalCallTransition(id, phase, "put on hold: " + why);
        });
        heldSince = Objects.requireNonNull(at, "at");
        events.add(new CallHeld(routedTenant(), id, nextSeq(), at, Objects.requireNonNull(by, "by")));
    }

    /**
     * From CONNECTED on hold: the caller and its agent talk again.
     *
     * @return how long this hold lasted
     */
    public Duration resumed(String by, Instant at) {
        require(Set.of(CallPhase.CONNECTED), "resumed");
        if (heldSince == null) {
            throw new IllegalCallTransition(id, phase, "resumed while not on hold");
        }
        if (consultation != null) {
            throw new IllegalCallTransition(id, phase, "resumed during a consultation (swap or end it)");
        }
        Duration held = nonNegative(Duration.between(heldSince, at));
        heldBefore = heldBefore.plus(held);
        heldSince = null;
        events.add(new CallResumed(routedTenant(), id, nextSeq(), at, Objects.requireNonNull(by, "by"), held, heldBefore));
        return held;
    }

    /** Where the agent's consultation goes; empty when none. */
    public Optional<TransferTarget> consultationTarget() {
        return Optional.ofNullable(consultation).map(Consultation::target);
    }

    /** The agent consulted (reserved for it); empty when none, or the target is a number. */
    public Optional<AgentKey> consultedAgent() {
        return Optional.ofNullable(consultation).map(Consultation::agent);
    }

    /** Whether the consulted party answered (the consultation talks, or waits on hold after a swap). */
    public boolean isConsultationAnswered() {
        return consultation != null && consultation.answered;
    }

    /** Whether the agent talks to the consulted party now (the caller hears music); false while it talks to its caller. */
    public boolean isTalkingToConsulted() {
        return consultation != null && consultation.answered && consultation.withTarget;
    }

    /**
     * Why the agent cannot consult {@code target} now; empty when it may: the call is connected to
     * an agent, no transfer rings, no other consultation goes on, and the target is not the agent itself.
     */
    public Optional<String> whyNoConsultationWith(TransferTarget target) {
        if (phase != CallPhase.CONNECTED) {
            return Optional.of("the call is not connected");
        }
        if (agent == null) {
            return Optional.of("no agent talks on the call");
        }
        if (consultation != null) {
            return Optional.of("a consultation is going on already");
        }
        if (thirdParty != null) {
            return Optional.of("a third party is in the call");
        }
        if (transfer != null) {
            return Optional.of("a transfer of this call is ringing");
        }
        if (target.isAgent() && agent.extension().equals(target.value())) {
            return Optional.of("agent " + target.value() + " cannot consult itself");
        }
        return Optional.empty();
    }

    /**
     * From CONNECTED with an agent and no transfer or consultation: the caller goes on hold (if it
     * is not already) and the consulted party's phone rings. A group target has been resolved to
     * one of its free agents ({@code targetAgent}); a number has none.
     */
    public void consultationStarted(TransferTarget target, AgentKey targetAgent, String by, Instant at) {
        require(Set.of(CallPhase.CONNECTED), "consultation started");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(by, "by");
        whyNoConsultationWith(target).ifPresent(why -> {
            throw new IllegalCallTransition(id, phase, "consultation started: " + why);
        });
        if (target.isNumber() == (targetAgent != null)) {
            throw new IllegalCallTransition(id, phase, "consultation of " + target + " with agent " + targetAgent);
        }
        TenantKey owner = routedTenant();
        if (heldSince == null) {
            heldSince = at;
        }
        consultation = new Consultation(target, targetAgent);
        events.add(new ConsultationStarted(owner, id, nextSeq(), at, target, by));
    }

    /**
     * From any phase but ENDED: a consultation that could not even start (target unknown, not
     * ready, no trunk). Nothing changes; recorded as a ConsultationFailed, so the agent is told.
     */
    public void consultationRefused(TransferTarget target, String why, Instant at) {
        if (phase == CallPhase.ENDED) {
            throw new IllegalCallTransition(id, phase, "consultation refused");
        }
        events.add(new ConsultationFailed(routedTenant(), id, nextSeq(), at, target, why));
    }

    /** From a consultation that rings: the consulted party answered, and the agent talks to it. */
    public void consultationAnswered(Instant at) {
        requireConsultation("answered");
        if (consultation.answered) {
            throw new IllegalCallTransition(id, phase, "consultation answered twice");
        }
        consultation.answered = true;
        consultation.withTarget = true;
        events.add(new ConsultationAnswered(routedTenant(), id, nextSeq(), at, consultation.target));
    }

    /** From a consultation that rings: the consulted party did not take it. The caller stays on hold, with its agent. */
    public void consultationFailed(String why, Instant at) {
        requireConsultation("failed");
        if (consultation.answered) {
            throw new IllegalCallTransition(id, phase, "consultation failed after it was answered");
        }
        TransferTarget target = consultation.target;
        consultation = null;
        events.add(new ConsultationFailed(routedTenant(), id, nextSeq(), at, target, why));
    }

    /**
     * From an answered consultation: the agent switches to the other party, the one left hears
     * music (the caller's time on hold counts only while it is the one left).
     *
     * @return whether the agent talks to the consulted party now
     */
    public boolean consultationSwapped(String by, Instant at) {
        requireConsultation("swapped");
        if (!consultation.answered) {
            throw new IllegalCallTransition(id, phase, "swapped before the consulted party answered");
        }
        consultation.withTarget = !consultation.withTarget;
        if (consultation.withTarget) {
            heldSince = at;
        } else {
            heldBefore = timeOnHold(at);
            heldSince = null;
        }
        events.add(new ConsultationSwapped(routedTenant(), id, nextSeq(), at, consultation.withTarget ? "target" : "caller",
                Objects.requireNonNull(by, "by")));
        return consultation.withTarget;
    }

    /**
     * From any consultation: it is over without a transfer (the agent went back to its caller, the
     * consulted party hung up, or the ringing was withdrawn). The caller stays as it is — on hold
     * unless the agent had swapped back to it; the agent resumes it ({@link #resumed}).
     */
    public void consultationEnded(String by, Instant at) {
        requireConsultation("ended");
        TransferTarget target = consultation.target;
        consultation = null;
        events.add(new ConsultationEnded(routedTenant(), id, nextSeq(), at, target, Objects.requireNonNull(by, "by")));
    }

    /**
     * From an answered consultation: the caller talks to the consulted party, the agent lets go of
     * the call (a consultation transfer). Recorded as a {@code Transferred}; the caller's hold ends.
     *
     * @return the agent who had the call, for its wrap-up
     */
    public Optional<AgentKey> consultationCompleted(String by, Instant at) {
        requireConsultation("completed");
        if (!consultation.answered) {
            throw new IllegalCallTransition(id, phase, "completed before the consulted party answered");
        }
        Consultation done = consultation;
        consultation = null;
        heldBefore = timeOnHold(at);
        heldSince = null;
        Optional<AgentKey> previous = Optional.ofNullable(agent);
        events.add(new Transferred(routedTenant(), id, nextSeq(), at, done.target, "agent:" + agent.extension(),
                Objects.requireNonNull(by, "by")));
        transfersConnected++;
        agent = done.agent;
        transferredNumber = done.target.isNumber() ? done.target.value() : null;
        return previous;
    }

    /**
     * From an answered consultation: the consulted party joins caller and agent, all three hear each
     * other (a conference). The caller's hold ends; the consulted party is the call's third party now.
     */
    public void consultationConferenced(String by, Instant at) {
        requireConsultation("conferenced");
        if (!consultation.answered) {
            throw new IllegalCallTransition(id, phase, "conferenced before the consulted party answered");
        }
        thirdParty = consultation;
        consultation = null;
        heldBefore = timeOnHold(at);
        heldSince = null;
        events.add(new PartyJoined(routedTenant(), id, nextSeq(), at, thirdParty.party(), "consultation", Objects.requireNonNull(by, "by")));
    }

    /**
     * From CONNECTED with an agent, off hold, no consultation and no third party: the party the agent
     * added answered and hears caller and agent.
     *
     * @param targetAgent the agent reserved for an agent target; null for a number
     */
    public void partyJoined(TransferTarget target, AgentKey targetAgent, String by, Instant at) {
        require(Set.of(CallPhase.CONNECTED), "party joined");
        if (agent == null || consultation != null || heldSince != null || thirdParty != null) {
            throw new IllegalCallTransition(id, phase, "party joined: the call is not with its agent alone");
        }
        thirdParty = new Consultation(Objects.requireNonNull(target, "target"), targetAgent);
        thirdParty.answered = true;
        events.add(new PartyJoined(routedTenant(), id, nextSeq(), at, thirdParty.party(), "conference", Objects.requireNonNull(by, "by")));
    }

    /** The conference's third party; empty when none is in the call. */
    public Optional<TransferTarget> thirdParty() {
        return Optional.ofNullable(thirdParty).map(Consultation::target);
    }

    /**
     * From a conference: the third party left (hung up, or was put out); caller and agent talk on.
     *
     * @return the agent who was the third party, for its wrap-up; empty for a number
     */
    public Optional<AgentKey> partyLeft(String why, Instant at) {
        require(Set.of(CallPhase.CONNECTED), "party left");
        if (thirdParty == null) {
            throw new IllegalCallTransition(id, phase, "party left while no third party is in the call");
        }
        Consultation gone = thirdParty;
        thirdParty = null;
        events.add(new PartyLeft(routedTenant(), id, nextSeq(), at, gone.party(), Objects.requireNonNull(why, "why")));
        return Optional.ofNullable(gone.agent);
    }

    /**
     * From a conference: the call's agent leaves, the caller talks on with the third party — the
     * conference's way to complete a transfer (a {@code PartyLeft} for the agent and a
     * {@code Transferred} to the third party).
     *
     * @return the agent who had the call, for its wrap-up
     */
    public Optional<AgentKey> agentLeftConference(String by, Instant at) {
        require(Set.of(CallPhase.CONNECTED), "agent left the conference");
        if (thirdParty == null || agent == null) {
            throw new IllegalCallTransition(id, phase, "agent left a conference that is not going on");
        }
        Consultation next = thirdParty;
        thirdParty = null;
        AgentKey previous = agent;
        String from = "agent:" + previous.extension();
        events.add(new PartyLeft(routedTenant(), id, nextSeq(), at, from, Objects.requireNonNull(by, "by")));
        events.add(new Transferred(routedTenant(), id, nextSeq(), at, next.target, from, by));
        transfersConnected++;
        agent = next.agent;
        transferredNumber = next.target.isNumber() ? next.target.value() : null;
        return Optional.of(previous);
    }

    /** The supervisor in the call; empty when none. */
    public Optional<String> supervisor() {
        return Optional.ofNullable(supervisor);
    }

    /**
     * From CONNECTED without a supervisor: one joined in {@code mode} (LISTEN, WHISPER, BARGE).
     *
     * @param supervisor the login that asked
     */
    public void supervisionStarted(String mode, String supervisor, Instant at) {
        require(Set.of(CallPhase.CONNECTED), "supervision started");
        if (this.supervisor != null) {
            throw new IllegalCallTransition(id, phase, "supervision started while " + this.supervisor + " supervises");
        }
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
        this.supervisionMode = Objects.requireNonNull(mode, "mode");
        events.add(new SupervisionStarted(routedTenant(), id, nextSeq(), at, mode, supervisor));
    }

    /**
     * From a supervised call: the supervisor switches mode; the same mode again records nothing.
     *
     * @return whether the mode changed
     */
    public boolean supervisionModeChanged(String mode, String by, Instant at) {
        requireSupervision("mode changed");
        if (supervisionMode.equals(Objects.requireNonNull(mode, "mode"))) {
            return false;
        }
        supervisionMode = mode;
        events.add(new SupervisionModeChanged(routedTenant(), id, nextSeq(), at, mode, Objects.requireNonNull(by, "by")));
        return true;
    }

    /** From a supervised call: the supervisor left ({@code by}: "supervisor" when it hung up, else the login that asked). */
    public void supervisionEnded(String by, Instant at) {
        requireSupervision("ended");
        String gone = supervisor;
        supervisor = null;
        supervisionMode = null;
        events.add(new SupervisionEnded(routedTenant(), id, nextSeq(), at, gone, Objects.requireNonNull(by, "by")));
    }

    private void requireSupervision(String transition) {
        require(Set.of(CallPhase.CONNECTED), "supervision " + transition);
        if (supervisor == null) {
            throw new IllegalCallTransition(id, phase, "supervision " + transition + " while nobody supervises");
        }
    }

    private void requireConsultation(String transition) {
        require(Set.of(CallPhase.CONNECTED), "consultation " + transition);
        if (consultation == null) {
            throw new IllegalCallTransition(id, phase, "consultation " + transition + " while none goes on");
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /**
     * From any phase but CONNECTED and ENDED: the caller hung up before anyone answered. Phones
     * still ringing for it are withdrawn.
     *
     * @return the agents whose phones must stop ringing
     */
    public List<AgentKey> abandoned(Instant at) {
        if (phase == CallPhase.CONNECTED || phase == CallPhase.ENDED) {
            throw new IllegalCallTransition(id, phase, "abandoned");
        }
        List<AgentKey> ringing = withdrawAll(null, "caller hung up", at);
        phase = CallPhase.ENDED;
        if (tenant != null) {
            events.add(new CallAbandoned(tenant, id, nextSeq(), at));
        }
        return ringing;
    }

    /**
     * From any phase but ENDED: the call is over, with its outcome and who ended it. Phones still
     * ringing for it are withdrawn.
     *
     * @return the agents whose phones must stop ringing
     */
    public List<AgentKey> ended(String outcome, String endedBy, Instant at) {
        require(Set.of(CallPhase.ROUTING, CallPhase.QUEUED, CallPhase.OFFERING, CallPhase.VOICEMAIL, CallPhase.TRANSFERRING,
                CallPhase.DIALLING, CallPhase.CONNECTED), "ended");
        List<AgentKey> ringing = withdrawAll(null, "call ended by " + endedBy, at);
        // A call that ends on hold counts its last hold too; the record's total comes from timeOnHold.
        heldBefore = timeOnHold(at);
        heldSince = null;
        consultation = null;
        thirdParty = null;
        supervisor = null;
        supervisionMode = null;
        phase = CallPhase.ENDED;
        if (tenant != null) {
            events.add(new CallEnded(tenant, id, nextSeq(), at, outcome, endedBy));
        }
        return ringing;
    }

    /**
     * From any phase: the call is over without a record of its own (refused before it was routed,
     * or its end was recorded otherwise).
     *
     * @return false when it had ended already, so its clean-up runs once
     */
    public boolean end() {
        if (phase == CallPhase.ENDED) {
            return false;
        }
        offered.clear();
        phase = CallPhase.ENDED;
        return true;
    }

    private List<AgentKey> withdrawAll(AgentKey except, String why, Instant at) {
        List<AgentKey> withdrawn = new ArrayList<>();
        for (AgentKey other : offered) {
            if (!other.equals(except)) {
                withdrawn.add(other);
                events.add(new OfferWithdrawn(routedTenant(), id, nextSeq(), at, other, why));
            }
        }
        offered.clear();
        return withdrawn;
    }

    private boolean backInQueueWhenNoneRings() {
        if (offered.isEmpty()) {
            phase = CallPhase.QUEUED;
            return true;
        }
        return false;
    }

    /**
     * From OFFERING: the group's ring time ran out. Every phone still ringing ends as a no-answer
     * (408) and the caller is back at its old place in the queue.
     *
     * @return the agents whose phones must stop ringing
     */
    public List<AgentKey> ringTimeOver(Instant at) {
        require(Set.of(CallPhase.OFFERING), "out of ring time");
        List<AgentKey> unanswered = List.copyOf(offered);
        for (AgentKey someone : unanswered) {
            events.add(new OfferNotTaken(routedTenant(), id, nextSeq(), at, someone, OfferTerms.RANG_OUT));
        }
        offered.clear();
        phase = CallPhase.QUEUED;
        return unanswered;
    }

    private void requireTransfer(String transition) {
        require(Set.of(CallPhase.TRANSFERRING, CallPhase.CONNECTED), "transfer " + transition);
        if (transfer == null) {
            throw new IllegalCallTransition(id, phase, "transfer " + transition + " while none rings");
        }
    }

    private void requireOffered(AgentKey someone, String transition) {
        require(Set.of(CallPhase.OFFERING), transition);
        if (!offered.contains(someone)) {
            throw new IllegalCallTransition(id, phase, transition + " by " + someone + ", who was not offered it");
        }
    }

    private TenantKey routedTenant() {
        if (tenant == null) {
            throw new IllegalCallTransition(id, phase, "given to an agent before it was routed to a tenant");
        }
        return tenant;
    }

    private void require(Set<CallPhase> from, String transition) {
        if (!from.contains(phase)) {
            throw new IllegalCallTransition(id, phase, transition);
        }
    }

    private void move(Set<CallPhase> from, CallPhase to, String transition) {
        require(from, transition);
        phase = to;
    }

    @Override
    public String toString() {
        return "call " + id + " " + phase;
    }

    /** The outbound call's number, the caller ID it presents, and how far it got. */
    private static final class OutboundDial {
        private final String number;
        private final String callerId;
        private boolean pickedUp;
        private boolean dialled;

        private OutboundDial(String number, String callerId) {
            this.number = number;
            this.callerId = callerId;
        }

        String number() {
            return number;
        }
    }

    /** The callback's number, when the caller asked for it, and how often it was dialled. */
    private static final class PendingCallback {
        private final String number;
        private final Instant requestedAt;
        private int attempts;

        private PendingCallback(String number, Instant requestedAt) {
            this.number = number;
            this.requestedAt = requestedAt;
        }

        String number() {
            return number;
        }

        Instant requestedAt() {
            return requestedAt;
        }
    }

    private record PendingTransfer(TransferTarget target, AgentKey agent, String by) {
    }

    /** A consultation: its target, the agent reserved for it (none for a number), and how far it got. */
    private static final class Consultation {
        private final TransferTarget target;
        private final AgentKey agent;
        private boolean answered;
        /** The agent talks to the consulted party (the caller hears music); false after a swap back. */
        private boolean withTarget;

        private Consultation(TransferTarget target, AgentKey agent) {
            this.target = target;
            this.agent = agent;
        }

        TransferTarget target() {
            return target;
        }

        AgentKey agent() {
            return agent;
        }

        /** Who the party is in the call's events: the agent reached (also through a group), else the target. */
        String party() {
            return agent != null ? "agent:" + agent.extension() : target.toString();
        }
    }
}
