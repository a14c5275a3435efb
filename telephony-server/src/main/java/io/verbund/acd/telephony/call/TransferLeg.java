package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.call.TransferTarget;
import io.verbund.acd.telephony.media.RtpLeg;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/**
 * The outbound leg of a transfer while it rings: the INVITE to the target (a number through the
 * trunk, or another agent's phone), its dialog and the RTP leg our offer named. A call flow's
 * transfer node (the caller is not connected yet) gives the flow's failed exit; a blind transfer of a
 * connected call through the API has none, nor has an agent's consultation. An agent target was reserved like the distributor reserves one,
 * so it is offered no other call meanwhile.
 */
final class TransferLeg {

    final TransferTarget target;
    /** The flow's failed exit for a flow's transfer; null for a blind one. */
    final Runnable failedExit;
    final ClientTransaction invite;
    final Dialog dialog;
    final String legCallId;
    final RtpLeg media;
    /** The target agent and its id; null and 0 for a number. */
    final AgentKey agent;
    final long agentId;
    /** An agent's consultation: once answered the agent talks to it, the caller stays on hold. */
    final boolean consultation;
    ScheduledFuture<?> ringTimer;
    /** A provisional response came: the far end exists and rings. */
    boolean ringing;

    TransferLeg(TransferTarget target, Runnable failedExit, ClientTransaction invite, Dialog dialog,
                String legCallId, RtpLeg media, AgentKey agent, long agentId, boolean consultation) {
        this.consultation = consultation;
        this.target = target;
        this.failedExit = failedExit;
        this.invite = invite;
        this.dialog = dialog;
        this.legCallId = legCallId;
        this.media = media;
        this.agent = agent;
        this.agentId = agentId;
    }

    boolean fromFlow() {
        return failedExit != null;
    }

    void cancelRingTimer() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
            ringTimer = null;
        }
    }
}
