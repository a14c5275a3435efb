package io.verbund.acd.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import io.verbund.acd.telephony.media.SipInfoDtmf;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * Fuzzes what the node does with the bytes of one SIP message before the call path sees it: the
 * parser chain the stack is given ({@link UnsupportedVersionParsing} in front of
 * {@link MissingCallIdParsing} and JAIN-SIP's own parser), then the listener's own checks of the
 * parsed request. Properties: only {@link ParseException} may come out of parsing; the checks and
 * the encoding of what parsed never throw. (Not: that an encoding parses again. The fuzzer showed
 * JAIN-SIP encodes some odd Request-URIs it accepted, e.g. {@code sit:a%c...}, into text it then
 * refuses; the node never parses its own encodings, so that stays the stack's quirk, see the
 * crash input kept in the corpus.)
 * Corpus: src/test/resources/io/verbund/acd/telephony/sip/SipParsingFuzzTestInputs/.
 */
class SipParsingFuzzTest {

    private static final MessageParser PARSER = new UnsupportedVersionParsing().createMessageParser(null);

    @FuzzTest(maxDuration = "120s", maxExecutions = 150_000)
    void parsingAndScreeningAMessage(byte[] bytes) {
        SIPMessage message;
        try {
            message = PARSER.parseSIPMessage(bytes, true, false, null);
        } catch (ParseException refused) {
            return;
        }
        if (!(message instanceof SIPRequest request)) {
            return;
        }
        UnsupportedVersionParsing.unsupportedVersion(request);
        MissingCallIdParsing.arrivedWithoutCallId(request);
        if (request.getCSeq() != null && request.getRequestURI() != null && request.getTopmostVia() != null) {
            RequestScreening.refusal(request);
        }
        if (request.getContentTypeHeader() != null) {
            // What the adapter does with an INFO's body.
            SipInfoDtmf.parse(request.getContentTypeHeader().getContentType() + "/" + request.getContentTypeHeader().getContentSubType(),
                    new String(request.getRawContent() == null ? new byte[0] : request.getRawContent(), StandardCharsets.UTF_8));
        }
        assertThat(request.getMethod()).isNotNull();
        assertThat(request.encode()).isNotNull();
    }
}
