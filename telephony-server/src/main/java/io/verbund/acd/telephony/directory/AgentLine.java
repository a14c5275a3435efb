package io.verbund.acd.telephony.directory;

import io.verbund.acd.agent.AgentKey;

/** An enabled agent of a tenant and the SIP account its phone registers with: where a transfer to it rings. */
public record AgentLine(long agentId, AgentKey agent, String sipUsername) {
}
