package io.verbund.acd.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RawHeadersViaCommentTest {

    private static final String REST = "From: <sip:caller@127.0.0.1>;tag=1\r\nTo: <sip:callee@127.0.0.1>\r\nCall-ID: via-1\r\n"
            + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    @Test
    void aCommentInAViaInFullOrCompactFormOrOnAFoldedLineIsFound() {
        assertThat(RawHeaders.problem(bytes("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 1.2.3.4 (\\\r\n" + REST))).isEqualTo(RawHeaders.VIA_COMMENT);
        assertThat(RawHeaders.problem(bytes("OPTIONS sip:a@b SIP/2.0\r\nv : SIP/2.0/UDP 1.2.3.4;branch=z9hG4bK-1 (x)\r\n" + REST))).isEqualTo(RawHeaders.VIA_COMMENT);
        assertThat(RawHeaders.problem(bytes("OPTIONS sip:a@b SIP/2.0\r\nVIA: SIP/2.0/UDP 1.2.3.4;branch=z9hG4bK-1\r\n (x\\\r\n" + REST))).isEqualTo(RawHeaders.VIA_COMMENT);
    }

    @Test
    void parenthesesElsewhereAndPlainViasAreLeftAlone() {
        assertThat(RawHeaders.problem(bytes("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 1.2.3.4;branch=z9hG4bK-1\r\n"
                + "User-Agent: phone (v1)\r\n" + REST + "(body)"))).isNull();
        assertThat(RawHeaders.problem(bytes("OPTIONS sip:(a)@b SIP/2.0\r\n" + REST))).isNull();
        assertThat(RawHeaders.problem(new byte[0])).isNull();
    }

    /** Without the check JAIN-SIP's Via parser appends to a buffer until the heap is gone. */
    @Test
    void theNodesParserRefusesItQuicklySoTheStackAnswers400() {
        byte[] trap = bytes("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 1.2.3.4 (\\\r\n" + REST);

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> new UnsupportedVersionParsing().createMessageParser(null).parseSIPMessage(trap, true, false, null))
                        .isInstanceOf(ParseException.class).hasMessageContaining("comment in Via"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
