package io.verbund.acd.telephony.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The calls this node holds, found by the caller leg's or the agent leg's Call-ID. */
@ApplicationScoped
public class CallSessions {

    private final Map<String, AcdCall> byCallerCallId = new ConcurrentHashMap<>();
    private final Map<String, AcdCall> byAgentCallId = new ConcurrentHashMap<>();
    /** A callback's number leg, which has a Call-ID of its own for each attempt, found like the caller's leg. */
    private final Map<String, AcdCall> byNumberCallId = new ConcurrentHashMap<>();
    private final CallerDialogs dialogs;

    @Inject
    public CallSessions(CallerDialogs dialogs) {
        this.dialogs = dialogs;
    }

    protected CallSessions() {
        this(null);
    }

    void add(AcdCall call) {
        byCallerCallId.put(call.callId, call);
    }

    void linkAgentLeg(String agentCallId, AcdCall call) {
        byAgentCallId.put(agentCallId, call);
    }

    void unlinkAgentLeg(String agentCallId) {
        byAgentCallId.remove(agentCallId);
    }

    /** The callback's attempt dials its number on this leg: its responses, BYE and re-INVITE find the call as a caller's do. */
    void linkNumberLeg(String numberCallId, AcdCall call) {
        byNumberCallId.put(numberCallId, call);
    }

    void unlinkNumberLeg(String numberCallId) {
        byNumberCallId.remove(numberCallId);
    }

    void remove(AcdCall call) {
        byCallerCallId.remove(call.callId);
        // Over on this node: no survivor must take it over.
        dialogs.released(call);
        if (call.numberCallId != null) {
            byNumberCallId.remove(call.numberCallId);
        }
        call.offers.forEach(offer -> byAgentCallId.remove(offer.agentCallId()));
        if (call.agentCallId != null) {
            byAgentCallId.remove(call.agentCallId);
        }
    }

    /** Agents' phones ring for the caller: a replicated waiting caller's dialog gets their INVITEs. */
    void ringing(AcdCall call) {
        dialogs.ringing(call);
    }

    /** The caller talks to its agent now: its dialogs and the agent's leg are replicated for a survivor. */
    void talking(AcdCall call) {
        dialogs.talking(call);
    }

    /** Something changed the connected call: only a plain two-party talk stays replicated. */
    void changed(AcdCall call) {
        dialogs.follow(call);
    }

    /** A re-INVITE changed one of the call's sessions: a replicated call's dialogs are written again. */
    void renewed(AcdCall call) {
        dialogs.renewed(call);
    }

    Optional<AcdCall> byCaller(String callId) {
        AcdCall call = byCallerCallId.get(callId);
        return Optional.ofNullable(call != null ? call : byNumberCallId.get(callId));
    }

    Optional<AcdCall> byAgent(String callId) {
        return Optional.ofNullable(byAgentCallId.get(callId));
    }

    Collection<AcdCall> all() {
        return byCallerCallId.values();
    }

    public int active() {
        return byCallerCallId.size();
    }
}
