package io.verbund.acd.telephony.call;

import io.verbund.acd.telephony.sip.SipEndpoint;
import io.verbund.acd.telephony.sip.SipResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.logging.Logger;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.message.Response;

/**
 * The caller's INVITE as the node answers it: early media (183 with our session description),
 * the answer (200 when an agent or the voicemail takes the call) and the node's own hang-up.
 */
@ApplicationScoped
public class CallerSignalling {

    private static final Logger LOG = Logger.getLogger(CallerSignalling.class.getName());

    private final SipEndpoint sip;

    @Inject
    public CallerSignalling(SipEndpoint sip) {
        this.sip = sip;
    }

    protected CallerSignalling() {
        this(null);
    }

    /** 183 Session Progress with our answer: the caller hears the flow before anyone answers. */
    boolean earlyMedia(AcdCall call, String sdp) {
        return respond(call, Response.SESSION_PROGRESS, sdp);
    }

    /** 200 OK with our session description (the answer, or our offer to an INVITE without one). */
    boolean answer(AcdCall call, String sdp) {
        return respond(call, Response.OK, sdp);
    }

    private boolean respond(AcdCall call, int status, String sdp) {
        try {
            Response response = sip.messages().createResponse(status, call.callerRequest);
            SipResponses.withOurTag(call.callerInvite, response);
            response.addHeader(sip.contact(SipEndpoint.transportOf(call.callerRequest)));
            if (sdp != null) {
                response.setContent(sdp.getBytes(StandardCharsets.US_ASCII), sip.headers().createContentTypeHeader("application", "sdp"));
            }
            call.callerInvite.sendResponse(response);
            if (sdp != null && call.callerMedia != null) {
                // The caller may send media from now (early media too: digits in the menu).
                call.callerMedia.peerMaySend();
            }
            return true;
        } catch (ParseException | SipException | InvalidArgumentException e) {
            LOG.warning("response " + status + " to the caller of " + call.callId + " not sent: " + e.getMessage());
            return false;
        }
    }
}
