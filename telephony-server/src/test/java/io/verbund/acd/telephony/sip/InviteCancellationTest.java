package io.verbund.acd.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.text.ParseException;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

class InviteCancellationTest {

    private static final String INVITE = "INVITE sip:+4930500100@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-invite-1\r\n"
            + "From: <sip:+49301234567@127.0.0.1>;tag=caller-1\r\n"
            + "To: <sip:+4930500100@127.0.0.1>\r\n"
            + "Call-ID: call-1@127.0.0.1\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@127.0.0.1:5070>\r\n"
            + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    private static final String CANCEL = INVITE.replaceFirst("^INVITE", "CANCEL").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL")
            .replace("Contact: <sip:caller@127.0.0.1:5070>\r\n", "");

    @Test
    void theCallersOwnCancelCancelsItsInvite() throws ParseException {
        assertThat(InviteCancellation.cancels(request(CANCEL), request(INVITE))).isTrue();
    }

    @Test
    void aCancelThatCopiedTheToTagOfA180StillCancels() throws ParseException {
        // Some callers (SIPp among them) do; RFC 3261 9.2 does not compare the To header.
        String withToTag = CANCEL.replace("To: <sip:+4930500100@127.0.0.1>", "To: <sip:+4930500100@127.0.0.1>;tag=node-1");

        assertThat(InviteCancellation.cancels(request(withToTag), request(INVITE))).isTrue();
    }

    @Test
    void aCancelKnowingOnlyTheCallIdCancelsNothing() throws ParseException {
        Request invite = request(INVITE);

        assertThat(InviteCancellation.cancels(request(CANCEL.replace("tag=caller-1", "tag=forged")), invite)).as("other From tag").isFalse();
        assertThat(InviteCancellation.cancels(request(CANCEL.replace(";tag=caller-1", "")), invite)).as("no From tag").isFalse();
        assertThat(InviteCancellation.cancels(request(CANCEL.replace("branch=z9hG4bK-invite-1", "branch=z9hG4bK-forged")), invite))
                .as("other branch").isFalse();
        assertThat(InviteCancellation.cancels(request(CANCEL.replace("CSeq: 1 CANCEL", "CSeq: 2 CANCEL")), invite)).as("other CSeq").isFalse();
        assertThat(InviteCancellation.cancels(request(CANCEL.replace("call-1@", "call-2@")), invite)).as("other Call-ID").isFalse();
    }

    @Test
    void onlyACancelCancels() throws ParseException {
        String bye = CANCEL.replaceFirst("^CANCEL", "BYE").replace("CSeq: 1 CANCEL", "CSeq: 1 BYE");

        assertThat(InviteCancellation.cancels(request(bye), request(INVITE))).isFalse();
        assertThat(InviteCancellation.cancels(request(CANCEL), null)).isFalse();
    }

    static Request request(String text) throws ParseException {
        return new MessageFactoryImpl().createRequest(text);
    }
}
