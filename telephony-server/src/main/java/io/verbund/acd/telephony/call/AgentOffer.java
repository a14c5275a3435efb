package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/** One agent's phone being offered a call: the INVITE to it and its dialog. Ring-all has several at once. */
record AgentOffer(AgentKey agent, long agentId, ClientTransaction invite, Dialog dialog, String agentCallId) {
}
