package io.verbund.acd.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

class RequestScreeningTest {

    @Test
    void anUnknownMethodGets501AndAKnownOneTheNodeDoesNotTake405WithAllow() throws ParseException {
        assertThat(RequestScreening.refusal(request("NEWMETHOD", "sip:+4930500100@127.0.0.1", "", "")))
                .hasValueSatisfying(refusal -> assertThat(refusal.status()).isEqualTo(501));
        assertThat(RequestScreening.refusal(request("SUBSCRIBE", "sip:+4930500100@127.0.0.1", "Event: presence\r\n", "")))
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.status()).isEqualTo(405);
                    assertThat(refusal.headerName()).isEqualTo("Allow");
                    assertThat(refusal.headerValue()).isEqualTo("INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO");
                });
    }

    @Test
    void aRequestUriOfAnotherSchemeGets416() throws ParseException {
        assertThat(RequestScreening.refusal(request("INVITE", "nobody:+4930500100@127.0.0.1", "", "")))
                .hasValueSatisfying(refusal -> assertThat(refusal.status()).isEqualTo(416));
        assertThat(RequestScreening.refusal(request("OPTIONS", "SIPS:127.0.0.1", "", ""))).isEmpty();
    }

    @Test
    void aRequiredExtensionGets420NamingEveryTagButNotOnCancel() throws ParseException {
        String require = "Require: nothingwecanhandle, timer\r\nRequire: timer\r\nProxy-Require: forproxies\r\n";

        assertThat(RequestScreening.refusal(request("OPTIONS", "sip:127.0.0.1", require, "")))
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.status()).isEqualTo(420);
                    assertThat(refusal.headerName()).isEqualTo("Unsupported");
                    assertThat(refusal.headerValue()).isEqualTo("nothingwecanhandle, timer");
                });
        assertThat(RequestScreening.refusal(request("CANCEL", "sip:127.0.0.1", require, ""))).isEmpty();
        assertThat(RequestScreening.refusal(request("OPTIONS", "sip:127.0.0.1", "Proxy-Require: forproxies\r\n", ""))).isEmpty();
    }

    @Test
    void anInviteWithACallIdLongerThanTheRecordsKeepGets400() throws ParseException {
        assertThat(RequestScreening.refusal(request("INVITE", "sip:+4930500100@127.0.0.1", "", "", "x".repeat(256))))
                .hasValueSatisfying(refusal -> assertThat(refusal.status()).isEqualTo(400));
        assertThat(RequestScreening.refusal(request("INVITE", "sip:+4930500100@127.0.0.1", "", "", "x".repeat(255)))).isEmpty();
    }

    @Test
    void anInviteBodyOtherThanAPlainSessionDescriptionGets415WithAccept() throws ParseException {
        String sdp = "v=0\r\n";

        assertThat(RequestScreening.refusal(request("INVITE", "sip:+4930500100@127.0.0.1", "Content-Type: text/plain\r\n", sdp)))
                .hasValueSatisfying(refusal -> {
                    assertThat(refusal.status()).isEqualTo(415);
                    assertThat(refusal.headerValue()).isEqualTo("application/sdp");
                });
        assertThat(RequestScreening.refusal(request("INVITE", "sip:+4930500100@127.0.0.1",
                "Content-Type: application/sdp\r\nContent-Encoding: gzip\r\n", sdp)))
                .hasValueSatisfying(refusal -> assertThat(refusal.headerName()).isEqualTo("Accept-Encoding"));
        assertThat(RequestScreening.refusal(request("INVITE", "sip:+4930500100@127.0.0.1", "Content-Type: Application/SDP\r\n", sdp)))
                .isEmpty();
        assertThat(RequestScreening.refusal(request("INVITE", "sip:+4930500100@127.0.0.1", "", ""))).as("no offer").isEmpty();
    }

    private static SIPRequest request(String method, String uri, String headers, String body) throws ParseException {
        return request(method, uri, headers, body, "screening-1");
    }

    private static SIPRequest request(String method, String uri, String headers, String body, String callId) throws ParseException {
        String text = method + " " + uri + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
                + "From: <sip:caller@127.0.0.1>;tag=1\r\nTo: <sip:callee@127.0.0.1>\r\nCall-ID: " + callId + "\r\n"
                + "CSeq: 1 " + method + "\r\nMax-Forwards: 70\r\n" + headers
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        return (SIPRequest) new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
    }
}
