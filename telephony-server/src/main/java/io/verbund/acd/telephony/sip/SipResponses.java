package io.verbund.acd.telephony.sip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ServerTransaction;
import javax.sip.header.ReasonHeader;
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
            Response response = sip.messages().createResponse(status, transaction.getRequest());
            if (why != null) {
                response.setReasonPhrase(response.getReasonPhrase() + " (" + why + ")");
                ReasonHeader reason = sip.headers().createReasonHeader("SIP", status, why);
                response.addHeader(reason);
            }
            if (retryAfterSeconds >= 0) {
                response.addHeader(sip.headers().createRetryAfterHeader(retryAfterSeconds));
            }
            transaction.sendResponse(response);
        } catch (java.text.ParseException | javax.sip.SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.log(Level.FINE, "response " + status + " not sent", e);
        }
    }
}
