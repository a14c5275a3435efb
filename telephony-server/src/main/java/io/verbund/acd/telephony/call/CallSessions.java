package io.verbund.acd.telephony.call;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The calls this node holds, found by the caller leg's or the agent leg's Call-ID. */
@ApplicationScoped
public class CallSessions {

    private final Map<String, AcdCall> byCallerCallId = new ConcurrentHashMap<>();
    private final Map<String, AcdCall> byAgentCallId = new ConcurrentHashMap<>();

    void add(AcdCall call) {
        byCallerCallId.put(call.callId, call);
    }

    void linkAgentLeg(String agentCallId, AcdCall call) {
        byAgentCallId.put(agentCallId, call);
    }

    void unlinkAgentLeg(String agentCallId) {
        byAgentCallId.remove(agentCallId);
    }

    void remove(AcdCall call) {
        byCallerCallId.remove(call.callId);
        call.offers.forEach(offer -> byAgentCallId.remove(offer.agentCallId()));
        if (call.agentCallId != null) {
            byAgentCallId.remove(call.agentCallId);
        }
    }

    Optional<AcdCall> byCaller(String callId) {
        return Optional.ofNullable(byCallerCallId.get(callId));
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
