package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.telephony.media.Bridge;
import io.verbund.acd.telephony.media.RtpLeg;
import javax.sip.Dialog;

/**
 * The party an agent consults, once it answered: its dialog and RTP leg, the agent and its id when
 * it is one (null and 0 for a number), and the bridge between it and the agent while they talk.
 */
final class ConsultedLeg {

    final String legCallId;
    final Dialog dialog;
    final RtpLeg media;
    final byte[] sdp;
    final AgentKey agent;
    final long agentId;
    /** The agent and the consulted party hear each other; null while the agent is back with its caller. */
    Bridge bridge;

    ConsultedLeg(String legCallId, Dialog dialog, RtpLeg media, byte[] sdp, AgentKey agent, long agentId) {
        this.legCallId = legCallId;
        this.dialog = dialog;
        this.media = media;
        this.sdp = sdp;
        this.agent = agent;
        this.agentId = agentId;
    }

    void unbridge() {
        if (bridge != null) {
            bridge.unbridge();
            bridge = null;
        }
    }
}
