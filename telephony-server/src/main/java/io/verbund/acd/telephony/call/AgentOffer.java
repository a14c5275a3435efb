package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.telephony.media.RtpLeg;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/**
 * One agent's phone being offered a call: the INVITE to it, its dialog and the RTP leg our offer
 * named (null when the caller's media is not anchored). Ring-all has several at once.
 */
record AgentOffer(AgentKey agent, long agentId, ClientTransaction invite, Dialog dialog, String agentCallId, RtpLeg media) {

    /** Frees the offer's RTP ports: another phone answered, or this one never will. */
    void releaseMedia() {
        if (media != null) {
            media.close();
        }
    }
}
