package io.verbund.acd.telephony.call;

import io.verbund.acd.telephony.sip.SipEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Waiting and talking callers whose node is gone and who hang up in the meantime. Kamailio sends an in-dialog
 * request for a telephony node that is down or silent to a live one (before the cluster notices the
 * node left, which takes seconds, and a survivor re-INVITEs its callers: {@link CallTakeovers}). A BYE
 * here in the dialog of a waiting caller another node held ({@link CallerDialogs}: Call-ID, the
 * caller's tag and that node's tag) ends the call as a caller's hang-up ends it on its own node: the
 * record ends ABANDONED, moved to this node with the takeover's numbering of events, and its queue
 * entry and replicated dialog go, so no survivor re-INVITEs a caller that left. A BYE for a takeover
 * of this node whose re-INVITE is still unanswered (the stack has no dialog for it yet) ends that
 * call the same way; the re-INVITE's late answer then changes nothing. A BYE of a caller who talked to
 * an agent through the gone node ends that call here too: the agent's phone gets a BYE in its dialog
 * with that node, the record ends ANSWERED here and the agent goes to its wrap-up, so neither phone
 * is left in a call nobody carries.
 * <p>
 * The tags are the proof, as for any BYE (the Call-ID alone is seen by agents, API tokens and
 * webhooks). A node that was only slow, not gone, still holds the call: the BYE reaches it too if the
 * caller's retransmissions do, and it ends the call on its side as well.
 */
@ApplicationScoped
public class StrandedCallers {

    private static final Logger LOG = Logger.getLogger(StrandedCallers.class.getName());

    private final SipEndpoint sip;
    private final CallerDialogs dialogs;
    private final CallSessions sessions;
    private final CallTakeovers takeovers;
    private final DepartedNodeCalls departed;
    private final InboundCalls inbound;
    private final Clock clock;
    private final String node;

    @Inject
    public StrandedCallers(SipEndpoint sip, CallerDialogs dialogs, CallSessions sessions, CallTakeovers takeovers,
                           DepartedNodeCalls departed, InboundCalls inbound, Clock clock,
                           @ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node) {
        this.sip = sip;
        this.dialogs = dialogs;
        this.sessions = sessions;
        this.takeovers = takeovers;
        this.departed = departed;
        this.inbound = inbound;
        this.clock = clock;
        this.node = node;
    }

    protected StrandedCallers() {
        this(null, null, null, null, null, null, null, null);
    }

    /**
     * A BYE the stack matched to no dialog of this node: whether it was a stranded caller's hang-up,
     * which ended its call here (then it gets 200, else 481). Not on a SIP thread: it may read the database.
     */
    public boolean hungUp(Request bye) {
        String callId = ((CallIdHeader) bye.getHeader(CallIdHeader.NAME)).getCallId();
        String callerTag = ((FromHeader) bye.getHeader(FromHeader.NAME)).getTag();
        String nodeTag = ((ToHeader) bye.getHeader(ToHeader.NAME)).getTag();
        if (callerTag == null || nodeTag == null) {
            return false;
        }
        return departed.betweenSweeps(() -> hungUp(callId, callerTag, nodeTag));
    }

    private boolean hungUp(String callId, String callerTag, String nodeTag) {
        Optional<AcdCall> takingOver = sessions.byCaller(callId);
        if (takingOver.isPresent()) {
            AcdCall call = takingOver.get();
            if (call.callerDialog == null || !nodeTag.equals(call.callerDialog.getLocalTag())
                    || !callerTag.equals(callerTagOf(call.callerRequest))) {
                return false;
            }
            inbound.callerHungUp(call);
            LOG.warning("caller " + callId + " hung up while its takeover's re-INVITE was unanswered: call ended");
            return call.state.isEnded();
        }
        Optional<CallerDialog> stranded = dialogs.of(callId).filter(dialog -> !dialog.node().equals(node))
                .filter(dialog -> dialog.localTag().equals(nodeTag));
        if (stranded.isEmpty()) {
            return false;
        }
        CallerDialog dialog = stranded.get();
        try {
            if (!callerTag.equals(callerTagOf(sip.messages().createRequest(dialog.invite())))) {
                return false;
            }
            if (dialog.isTalking()) {
                return talkingHungUp(dialog);
            }
            AcdCall call = takeovers.adopt(dialog, clock.instant());
            inbound.callerHungUp(call);
            if (!call.state.isEnded()) {
                return false;
            }
        } catch (ParseException | SQLException | RuntimeException e) {
            // The takeover deals with the call once the cluster notices its node left (its re-INVITE then fails).
            LOG.log(Level.WARNING, "hang-up of caller " + callId + " of " + dialog.node() + " not taken here: " + e.getMessage(), e);
            return false;
        }
        LOG.warning("caller " + callId + " of " + dialog.node() + " hung up here, its node not answering: call ended");
        return true;
    }

    /**
     * A talking caller hung up: its call moves here only to end as a caller's hang-up ends it, its
     * agent's phone hung up in its dialog with the departed node, the agent in its wrap-up here.
     * When the call could not move (the agent was no longer on it) it has ended FAILED: nothing of it
     * goes on either, so the BYE is answered all the same.
     */
    private boolean talkingHungUp(CallerDialog dialog) {
        Optional<AcdCall> adopted = takeovers.adoptTalking(dialog, clock.instant());
        if (adopted.isEmpty()) {
            return true;
        }
        AcdCall call = adopted.get();
        takeovers.hangUpAgentPhone(call, dialog.agentLeg());
        inbound.callerHungUp(call);
        LOG.warning("caller " + dialog.callId() + " of " + dialog.node() + " hung up here while talking to agent "
                + dialog.agentLeg().extension() + ", its node not answering: call ended, the agent's phone hung up");
        return call.state.isEnded();
    }

    private static String callerTagOf(Request invite) {
        return Objects.requireNonNullElse(((FromHeader) invite.getHeader(FromHeader.NAME)).getTag(), "");
    }
}
