package io.verbund.acd.telephony.call;

import io.verbund.acd.telephony.media.Bridge;
import io.verbund.acd.telephony.media.Playable;
import io.verbund.acd.telephony.media.RtpLeg;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/**
 * The legs of an outbound call while it is being set up: first the INVITE to the agent's own
 * phone, then, once the agent picked up, the INVITE to the number through the trunk. One ring timer
 * at a time: the agent's phone's, then the number's. Guarded by the call's monitor.
 */
final class OutboundDial {

    final ClientTransaction agentInvite;
    final Dialog agentDialog;
    final String agentCallId;
    /** The agent phone's RTP until it answered; then the call's {@code agentMedia}. */
    final RtpLeg agentMedia;
    /** What the agent hears while the number rings and its trunk sends no early media: the tenant's country's ring tone. */
    final Playable ringback;
    boolean agentRinging;
    /** The number's early media relayed to the agent (a 183 with a session description); null while there is none. */
    Bridge earlyMedia;
    ClientTransaction numberInvite;
    Dialog numberDialog;
    ScheduledFuture<?> ringTimer;

    OutboundDial(ClientTransaction agentInvite, Dialog agentDialog, String agentCallId, RtpLeg agentMedia, Playable ringback) {
        this.ringback = ringback;
        this.agentInvite = agentInvite;
        this.agentDialog = agentDialog;
        this.agentCallId = agentCallId;
        this.agentMedia = agentMedia;
    }

    /** Whether the number's INVITE is out and has had no final response. */
    boolean numberRinging() {
        return numberInvite != null;
    }

    /** Ends the relay of the number's early media, if there is one. */
    void endEarlyMedia() {
        if (earlyMedia != null) {
            earlyMedia.unbridge();
            earlyMedia = null;
        }
    }

    void cancelRingTimer() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
            ringTimer = null;
        }
    }
}
