package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.runtime.callcontrol.TransferTarget;
import io.verbund.acd.telephony.media.RtpLeg;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/**
 * The outbound leg of a transfer while it rings: the INVITE to the target (a number through the
 * trunk, or another agent's phone), its dialog and the RTP leg our offer named. {@code fromFlow}
 * tells a call flow's transfer node (the caller is not connected yet) from a blind transfer of a
 * connected call through the API. An agent target was reserved like the distributor reserves one,
 * so it is offered no other call meanwhile.
 */
final class TransferLeg {

    final TransferTarget target;
    final boolean fromFlow;
    /** The flow turn the transfer node was reached in; a flow transfer's outcome must still belong to it. */
    final int flowTurn;
    final String by;
    final ClientTransaction invite;
    final Dialog dialog;
    final String legCallId;
    final RtpLeg media;
    /** The target agent and its id; null and 0 for a number. */
    final AgentKey agent;
    final long agentId;
    ScheduledFuture<?> ringTimer;
    /** A provisional response came: the far end exists and rings. */
    boolean ringing;

    TransferLeg(TransferTarget target, boolean fromFlow, int flowTurn, String by, ClientTransaction invite, Dialog dialog,
                String legCallId, RtpLeg media, AgentKey agent, long agentId) {
        this.target = target;
        this.fromFlow = fromFlow;
        this.flowTurn = flowTurn;
        this.by = by;
        this.invite = invite;
        this.dialog = dialog;
        this.legCallId = legCallId;
        this.media = media;
        this.agent = agent;
        this.agentId = agentId;
    }

    void cancelRingTimer() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
            ringTimer = null;
        }
    }
}
