package io.verbund.acd.telephony.call;

import io.verbund.acd.telephony.sip.SipEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * The requests the B2BUA sends on its own legs, to agents' phones and to the trunk alike: the
 * INVITE (from the caller's number, with our session description), and the ACK, CANCEL and BYE
 * that follow it.
 */
@ApplicationScoped
public class OutboundRequests {

    private static final Logger LOG = Logger.getLogger(OutboundRequests.class.getName());

    private final SipEndpoint sip;

    @Inject
    public OutboundRequests(SipEndpoint sip) {
        this.sip = sip;
    }

    protected OutboundRequests() {
        this(null);
    }

    /** An INVITE to {@code destination}, presenting the caller's number; {@code sdp} null for none. */
    Request invite(AcdCall call, SipDestination destination, SipURI to, byte[] sdp) throws ParseException, InvalidArgumentException {
        return invite(call.caller, destination, to, sdp);
    }

    /** An INVITE to {@code destination} from {@code presented} (null: anonymous), as an outbound call presents the tenant's caller ID. */
    Request invite(String presented, SipDestination destination, SipURI to, byte[] sdp) throws ParseException, InvalidArgumentException {
        String transport = destination.transport();
        SipURI fromUri = sip.addresses().createSipURI(presented == null ? "anonymous" : presented, sip.host());
        FromHeader from = sip.headers().createFromHeader(sip.addresses().createAddress(fromUri), UUID.randomUUID().toString().substring(0, 12));
        ToHeader toHeader = sip.headers().createToHeader(sip.addresses().createAddress(to), null);
        ViaHeader via = sip.headers().createViaHeader(sip.host(), sip.portFor(transport), transport, null);
        Request invite = sip.messages().createRequest(destination.requestUri(), Request.INVITE, sip.provider().getNewCallId(),
                sip.headers().createCSeqHeader(1L, Request.INVITE), from, toHeader, List.of(via), sip.headers().createMaxForwardsHeader(70));
        for (SipURI hop : destination.route()) {
            // Loose routes (RFC 3261 16.12): the stack sends to the first, the Request-URI stays the phone's.
            invite.addHeader(sip.headers().createRouteHeader(sip.addresses().createAddress(hop)));
        }
        invite.addHeader(sip.contact(transport));
        if (sdp != null) {
            invite.setContent(sdp, sip.headers().createContentTypeHeader("application", "sdp"));
        }
        return invite;
    }

    void ack(AcdCall call, Dialog dialog, long cseq) {
        try {
            dialog.sendAck(dialog.createAck(cseq));
        } catch (SipException | InvalidArgumentException e) {
            LOG.warning("ACK failed for call " + call.callId + ": " + e.getMessage());
        }
    }

    void cancel(ClientTransaction invite) {
        try {
            sip.provider().getNewClientTransaction(invite.createCancel()).sendRequest();
        } catch (SipException e) {
            LOG.fine("CANCEL not sent: " + e.getMessage());
        }
    }

    void bye(Dialog dialog) {
        if (dialog == null) {
            return;
        }
        try {
            dialog.sendRequest(sip.provider().getNewClientTransaction(dialog.createRequest(Request.BYE)));
        } catch (SipException e) {
            LOG.fine("BYE not sent: " + e.getMessage());
        }
    }
}
