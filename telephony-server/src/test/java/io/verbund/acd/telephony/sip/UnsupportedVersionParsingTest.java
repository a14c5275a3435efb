package io.verbund.acd.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

class UnsupportedVersionParsingTest {

    private static final String OPTIONS = "OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
            + "From: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: options-1\r\n"
            + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 4\r\n\r\nbody";

    @Test
    void aRequestOfAnotherSipVersionIsParsedAndKeepsItsVersionForThe505() throws ParseException {
        SIPMessage parsed = parse(OPTIONS.replace("sip:127.0.0.1 SIP/2.0", "sip:127.0.0.1 SIP/3.0"));

        assertThat(parsed).isInstanceOf(SIPRequest.class);
        assertThat(UnsupportedVersionParsing.unsupportedVersion((SIPRequest) parsed)).contains("SIP/3.0");
        assertThat(parsed.getCallId().getCallId()).isEqualTo("options-1");
        assertThat(parsed.getRawContent()).asString(StandardCharsets.US_ASCII).isEqualTo("body");
    }

    @Test
    void aSip20RequestIsLeftAsItIs() throws ParseException {
        SIPMessage parsed = parse("\r\n" + OPTIONS.replace("SIP/2.0\r\nVia", "sip/2.0\r\nVia"));

        assertThat(UnsupportedVersionParsing.unsupportedVersion((SIPRequest) parsed)).isEmpty();
        assertThat(UnsupportedVersionParsing.unsupportedVersion((SIPRequest) parse(OPTIONS))).isEmpty();
    }

    @Test
    void aResponseOrALastTokenThatIsNoVersionIsNotTouched() {
        assertThat(UnsupportedVersionParsing.otherVersion(bytes("SIP/3.0 200 OK\r\n"))).isNull();
        assertThat(UnsupportedVersionParsing.otherVersion(bytes("OPTIONS sip:127.0.0.1 HTTP/1.1\r\n"))).isNull();
        assertThat(UnsupportedVersionParsing.otherVersion(bytes("OPTIONS sip:127.0.0.1 SIP/3\r\n"))).isNull();
        assertThat(UnsupportedVersionParsing.otherVersion(bytes("OPTIONS sip:127.0.0.1 SIP/12345678901234.0\r\n"))).isNull();
        assertThat(UnsupportedVersionParsing.otherVersion(bytes("\r\n\r\n"))).isNull();
        assertThat(UnsupportedVersionParsing.otherVersion(bytes("OPTIONS sip:127.0.0.1 SIP/2.1\r\n"))).containsExactly(22, 29);
    }

    @Test
    void responsesStillParse() throws ParseException {
        String ok = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>;tag=2\r\nCall-ID: options-1\r\n"
                + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

        assertThat(parse(ok)).isInstanceOf(SIPResponse.class);
    }

    private static SIPMessage parse(String text) throws ParseException {
        return new UnsupportedVersionParsing().createMessageParser(null).parseSIPMessage(bytes(text), true, false, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
