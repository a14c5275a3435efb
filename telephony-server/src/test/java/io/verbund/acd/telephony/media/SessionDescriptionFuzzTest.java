package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;

/**
 * Fuzzes the SDP reader the call path gives every offer and answer, and the offer/answer on top of
 * it. Properties: {@link SessionDescription#parse} fails only with {@link MalformedSdp}; an offer
 * it read is answered or refused with {@link NoCommonCodec} or {@link MalformedSdp} (a connection
 * address that is no IP address: the first run found that one was resolved as a host name); a description it read reads again
 * from its own text with the same media sections.
 * Corpus: src/test/resources/io/verbund/acd/telephony/media/SessionDescriptionFuzzTestInputs/.
 */
class SessionDescriptionFuzzTest {

    private static final SessionDescription.Origin ORIGIN = new SessionDescription.Origin("verbund", "1", 1, "127.0.0.1");

    @FuzzTest(maxDuration = "120s", maxExecutions = 60_000)
    void readingAndAnsweringAnOffer(String text) throws Exception {
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(text);
        } catch (MalformedSdp refused) {
            return;
        }
        SessionDescription again = SessionDescription.parse(offer.toString());
        assertThat(again.media()).as("read back from %s", offer).hasSameSizeAs(offer.media());
        try {
            AudioNegotiation.Answer answer = AudioNegotiation.answer(offer, ORIGIN, InetAddress.getLoopbackAddress(), 40000, io.verbund.acd.telephony.media.srtp.SrtpMasterKey.random());
            assertThat(SessionDescription.parse(answer.description().toString()).media()).isNotEmpty();
        } catch (NoCommonCodec | MalformedSdp refused) {
            // 488 or 400 on the SIP side
        }
    }
}
