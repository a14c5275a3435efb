package io.verbund.acd.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

class RawHeadersRepeatedTest {

    private static final String HEAD = "INVITE sip:+4930500100@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-2\r\n"
            + "From: <sip:caller@127.0.0.1>;tag=1\r\nTo: <sip:callee@127.0.0.1>\r\nCall-ID: repeated-1\r\n"
            + "CSeq: 1 INVITE\r\nMax-Forwards: 70\r\n";

    @Test
    void aSecondContentLengthOrCallIdInFullOrCompactFormIsFound() {
        assertThat(RawHeaders.problem(bytes(HEAD + "Content-Length: 3\r\nl : 4\r\n\r\nv=0\r\n"))).isEqualTo("more than one content-length header");
        assertThat(RawHeaders.problem(bytes(HEAD + "i: other\r\nContent-Length: 0\r\n\r\n"))).isEqualTo("more than one call-id header");
        assertThat(RawHeaders.problem(bytes(HEAD + "MAX-FORWARDS\t: 69\r\nContent-Length: 0\r\n\r\n"))).isEqualTo("more than one max-forwards header");
    }

    @Test
    void repeatedListHeadersFoldedLinesAndTheBodyAreNotCounted() {
        String folded = HEAD.replace("CSeq: 1 INVITE\r\n", "CSeq: 1\r\n INVITE\r\n") + "Supported: timer\r\nSupported: replaces\r\n"
                + "Content-Length: 14\r\n\r\nCall-ID: x\r\nl:";

        assertThat(RawHeaders.problem(bytes(folded))).isNull();
        assertThat(RawHeaders.problem(bytes("garbage"))).isNull();
        assertThat(RawHeaders.problem(new byte[0])).isNull();
    }

    @Test
    void theNodesParserRefusesSuchAMessageSoTheStackAnswers400() {
        byte[] twoLengths = bytes(HEAD + "Content-Length: 3\r\nContent-Length: 5\r\n\r\nv=0\r\n");

        assertThatThrownBy(() -> new UnsupportedVersionParsing().createMessageParser(null).parseSIPMessage(twoLengths, true, false, null))
                .isInstanceOf(ParseException.class).hasMessageContaining("more than one content-length header");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
