package io.verbund.acd.telephony.sip;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

/** The node's parser chain turns the stack's unchecked parser failures into ParseException (400). */
class UncheckedParserFailuresTest {

    @Test
    void aRackWithoutItsNumberIsAParseErrorNotANumberFormatException() {
        byte[] message = ("PRACK sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK-rack\r\n"
                + "From: <sip:b@127.0.0.1>;tag=1\r\nTo: <sip:a@127.0.0.1>;tag=2\r\nCall-ID: rack-1\r\nCSeq: 2 PRACK\r\n"
                + "RAck: x 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new UnsupportedVersionParsing().createMessageParser(null).parseSIPMessage(message, true, false, null))
                .isInstanceOf(ParseException.class).hasMessageContaining("NumberFormatException");
    }
}
