package io.verbund.acd.telephony.sip;

import java.util.Objects;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * Whether a CANCEL cancels a given pending INVITE (RFC 3261 9.2): the same Call-ID, From tag, CSeq
 * number and top Via branch. The stack pairs a CANCEL with an INVITE transaction by the Via branch
 * and sent-by alone (17.2.3); this adds the rest, so that nothing short of the caller's own request
 * (whose Call-ID agents, supervisors, API tokens and webhooks all see) ends a waiting call.
 */
public final class InviteCancellation {

    private InviteCancellation() {
    }

    /** True when {@code cancel} names exactly the transaction of {@code invite}. */
    public static boolean cancels(Request cancel, Request invite) {
        if (cancel == null || invite == null || !Request.CANCEL.equals(cancel.getMethod())) {
            return false;
        }
        return Objects.equals(callId(cancel), callId(invite))
                && tagOf(cancel) != null && Objects.equals(tagOf(cancel), tagOf(invite))
                && cseq(cancel) >= 0 && cseq(cancel) == cseq(invite)
                && branch(cancel) != null && branch(cancel).equalsIgnoreCase(Objects.requireNonNullElse(branch(invite), ""));
    }

    private static String callId(Request request) {
        CallIdHeader header = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return header == null ? null : header.getCallId();
    }

    private static String tagOf(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        return from == null ? null : from.getTag();
    }

    private static long cseq(Request request) {
        CSeqHeader header = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        return header == null ? -1 : header.getSeqNumber();
    }

    private static String branch(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null ? null : via.getBranch();
    }
}
