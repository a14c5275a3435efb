package io.verbund.acd.telephony.sip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.header.ReasonHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Final and provisional responses with a reason a person can read, sent without throwing. */
@ApplicationScoped
public class SipResponses {

    private static final Logger LOG = Logger.getLogger(SipResponses.class.getName());

    private final SipEndpoint sip;

    @Inject
    public SipResponses(SipEndpoint sip) {
        this.sip = sip;
    }

    protected SipResponses() {
        this(null);
    }

    /** Sends {@code status}; the text goes into the reason phrase and a Warning-like Reason header. */
    public void send(ServerTransaction transaction, int status, String why) {
        send(transaction, status, why, -1);
    }

    public void send(ServerTransaction transaction, int status, String why, int retryAfterSeconds) {
        try {
            Response response = response(transaction.getRequest(), status, why, retryAfterSeconds);
            withOurTag(transaction, response);
            transaction.sendResponse(response);
        } catch (java.text.ParseException | javax.sip.SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.log(Level.FINE, "response " + status + " not sent", e);
        }
    }

    /** A {@link RequestScreening} refusal, with the header that says what would be taken. */
    public void refuse(ServerTransaction transaction, RequestScreening.Refusal refusal) {
        try {
            Response response = response(transaction.getRequest(), refusal.status(), refusal.why(), -1);
            if (refusal.headerName() != null) {
                // One header per value: the factory refuses a list in createHeader.
                for (String value : refusal.headerValue().split(", ")) {
                    response.addHeader(sip.headers().createHeader(refusal.headerName(), value));
                }
            }
            transaction.sendResponse(response);
        } catch (java.text.ParseException | javax.sip.SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.log(Level.FINE, "response " + refusal.status() + " not sent", e);
        }
    }

    /** Without a transaction: for a request the stack cannot make one for, such as one lacking a required header. */
    public void sendStateless(Request request, int status, String why) {
        try {
            sip.provider().sendResponse(response(request, status, why, -1));
        } catch (java.text.ParseException | javax.sip.SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.log(Level.FINE, "response " + status + " not sent", e);
        }
    }

    /**
     * Every response to a request carries the To tag our first tagged response to it gave (RFC 3261
     * 8.2.6.2): a 487 or 486 after our 180 names the same early dialog, so the caller's ACK matches.
     */
    public static void withOurTag(ServerTransaction transaction, Response response) throws java.text.ParseException {
        Dialog dialog = transaction.getDialog();
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (dialog != null && dialog.getLocalTag() != null && to != null && to.getTag() == null && response.getStatusCode() > 100) {
            to.setTag(dialog.getLocalTag());
        }
    }

    private Response response(Request request, int status, String why, int retryAfterSeconds)
            throws java.text.ParseException, javax.sip.InvalidArgumentException {
        Response response = sip.messages().createResponse(status, request);
        if (why != null) {
            response.setReasonPhrase(response.getReasonPhrase() + " (" + why + ")");
            ReasonHeader reason = sip.headers().createReasonHeader("SIP", status, why);
            response.addHeader(reason);
        }
        if (retryAfterSeconds >= 0) {
            response.addHeader(sip.headers().createRetryAfterHeader(retryAfterSeconds));
        }
        return response;
    }
}
