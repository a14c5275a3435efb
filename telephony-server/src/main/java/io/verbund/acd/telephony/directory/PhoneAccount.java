package io.verbund.acd.telephony.directory;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.SipCredentials;

/** An agent phone's SIP account: who it is and what it must prove when it registers. */
public record PhoneAccount(AgentKey agent, long agentId, SipCredentials credentials) {

    @Override
    public String toString() {
        return "PhoneAccount[" + agent + "]";
    }
}
