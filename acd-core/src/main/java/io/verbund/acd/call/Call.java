package io.verbund.acd.call;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One caller's call from the INVITE to its end, as the ACD decides about it. Its phase changes only
 * through the transitions named here, each allowed from the phases listed in its doc and refused
 * otherwise ({@link IllegalCallTransition}), so no adapter can, say, connect a call nobody offered
 * or queue one that ended. {@link #end()} is the one transition allowed from every phase, once.
 *
 * <p>Not thread-safe: the node holding the call changes it under the call's own monitor.
 */
public final class Call {

    private final CallId id;
    private final Instant receivedAt;
    private CallPhase phase = CallPhase.ROUTING;

    public Call(CallId id, Instant receivedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
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

    /** From ROUTING: the flow put the caller into an ACD group's queue. */
    public void queued() {
        move(Set.of(CallPhase.ROUTING), CallPhase.QUEUED, "queued");
    }

    /** From QUEUED: the queue node's exit (maximum wait, no agent logged in) takes the caller back into the flow. */
    public void leftQueue() {
        move(Set.of(CallPhase.QUEUED), CallPhase.ROUTING, "taken out of the queue");
    }

    /** From QUEUED: the distributor reserved agents and their phones ring. */
    public void offered() {
        move(Set.of(CallPhase.QUEUED), CallPhase.OFFERING, "offered");
    }

    /** From OFFERING: no phone took the call; the caller is back at its old place in the queue. */
    public void backInQueue() {
        move(Set.of(CallPhase.OFFERING), CallPhase.QUEUED, "put back into the queue");
    }

    /** From OFFERING: an agent's phone answered; every other offer is withdrawn. */
    public void answered() {
        move(Set.of(CallPhase.OFFERING), CallPhase.CONNECTED, "answered");
    }

    /** From ROUTING: the node answered to record the caller's message. */
    public void voicemailStarted() {
        move(Set.of(CallPhase.ROUTING), CallPhase.VOICEMAIL, "sent to voicemail");
    }

    /** From VOICEMAIL: the message is over and the flow goes on. */
    public void voicemailLeft() {
        move(Set.of(CallPhase.VOICEMAIL), CallPhase.ROUTING, "back from voicemail");
    }

    /** From ROUTING: the flow's transfer node rings a number. */
    public void transferRinging() {
        move(Set.of(CallPhase.ROUTING), CallPhase.TRANSFERRING, "transferred by the flow");
    }

    /** From TRANSFERRING: the number did not answer; the flow takes its failed exit. */
    public void transferFailed() {
        move(Set.of(CallPhase.TRANSFERRING), CallPhase.ROUTING, "back from a failed transfer");
    }

    /** From TRANSFERRING or CONNECTED: the transfer target answered and talks to the caller now. */
    public void transferred() {
        move(Set.of(CallPhase.TRANSFERRING, CallPhase.CONNECTED), CallPhase.CONNECTED, "connected to a transfer target");
    }

    /**
     * From any phase: the call is over (hung up, abandoned, refused, lost).
     *
     * @return false when it had ended already, so its clean-up runs once
     */
    public boolean end() {
        if (phase == CallPhase.ENDED) {
            return false;
        }
        phase = CallPhase.ENDED;
        return true;
    }

    private void move(Set<CallPhase> from, CallPhase to, String transition) {
        if (!from.contains(phase)) {
            throw new IllegalCallTransition(id, phase, transition);
        }
        phase = to;
    }

    @Override
    public String toString() {
        return "call " + id + " " + phase;
    }
}
