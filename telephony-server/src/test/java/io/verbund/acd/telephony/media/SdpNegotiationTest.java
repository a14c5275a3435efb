package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.telephony.media.srtp.SdesCrypto;
import io.verbund.acd.telephony.media.srtp.SrtpMasterKey;
import io.verbund.acd.telephony.media.srtp.SrtpSuite;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SdpNegotiationTest {

    private static final SessionDescription.Origin ORIGIN = new SessionDescription.Origin("verbund", "42", 1, "10.0.0.1");
    private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
    private static final SrtpMasterKey KEY = SrtpMasterKey.random();
    private static final String CALLER_KEY = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";

    private static String offer(String connection, String media, String... attributes) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=alice 2890844526 2890844526 IN IP4 host.example\r\ns=-\r\n");
        if (connection != null) {
            sdp.append("c=IN IP4 ").append(connection).append("\r\n");
        }
        sdp.append("t=0 0\r\nm=").append(media).append("\r\n");
        for (String attribute : attributes) {
            sdp.append("a=").append(attribute).append("\r\n");
        }
        return sdp.toString();
    }

    @Test
    void answersPcmaOnlyOfferWithPcmaAndItsTelephoneEventType() {
        SessionDescription offer = SessionDescription.parse(offer("192.0.2.10", "audio 49170 RTP/AVP 8 101",
                "rtpmap:8 PCMA/8000", "rtpmap:101 telephone-event/8000", "fmtp:101 0-15", "ptime:20", "sendrecv"));

        AudioNegotiation.Answer answer = AudioNegotiation.answer(offer, ORIGIN, LOCAL, 20000, KEY);

        assertThat(answer.audio().codec()).isEqualTo(AudioCodec.PCMA);
        assertThat(answer.audio().codecPayloadType()).isEqualTo(8);
        assertThat(answer.audio().telephoneEventPayloadType()).isEqualTo(101);
        assertThat(answer.audio().remoteRtp()).isEqualTo(new InetSocketAddress("192.0.2.10", 49170));
        assertThat(answer.audio().remoteRtcp()).isEqualTo(new InetSocketAddress("192.0.2.10", 49171));
        assertThat(answer.audio().direction()).isEqualTo(MediaDirection.SENDRECV);
        String text = answer.description().toString();
        assertThat(text).contains("m=audio 20000 RTP/AVP 8 101\r\n", "a=rtpmap:8 PCMA/8000\r\n",
                "a=rtpmap:101 telephone-event/8000\r\n", "a=fmtp:101 0-16\r\n", "a=ptime:20\r\n", "a=sendrecv\r\n",
                "c=IN IP4 127.0.0.1\r\n");
    }

    @Test
    void choosesTheOfferersFirstG711Codec() {
        SessionDescription pcmuFirst = SessionDescription.parse(offer("192.0.2.10", "audio 4000 RTP/AVP 18 0 8"));
        SessionDescription pcmaFirst = SessionDescription.parse(offer("192.0.2.10", "audio 4000 RTP/AVP 18 8 0"));

        assertThat(AudioNegotiation.answer(pcmuFirst, ORIGIN, LOCAL, 20000, KEY).audio().codec()).isEqualTo(AudioCodec.PCMU);
        assertThat(AudioNegotiation.answer(pcmaFirst, ORIGIN, LOCAL, 20000, KEY).audio().codec()).isEqualTo(AudioCodec.PCMA);
        assertThat(AudioNegotiation.answer(pcmuFirst, ORIGIN, LOCAL, 20000, KEY).audio().hasTelephoneEvents()).isFalse();
        assertThat(AudioNegotiation.answer(pcmuFirst, ORIGIN, LOCAL, 20000, KEY).description().toString())
                .contains("m=audio 20000 RTP/AVP 0\r\n").doesNotContain("telephone-event");
    }

    @Test
    void echoesTelephoneEvent96() {
        SessionDescription offer = SessionDescription.parse(offer("192.0.2.10", "audio 4000 RTP/AVP 0 8 96",
                "rtpmap:96 telephone-event/8000", "fmtp:96 0-16"));

        AudioNegotiation.Answer answer = AudioNegotiation.answer(offer, ORIGIN, LOCAL, 20002, KEY);

        assertThat(answer.audio().telephoneEventPayloadType()).isEqualTo(96);
        assertThat(answer.description().toString()).contains("m=audio 20002 RTP/AVP 0 96\r\n", "a=fmtp:96 0-16\r\n");
    }

    @Test
    void refusesAConnectionAddressThatIsANameWithoutResolvingIt() {
        for (String name : new String[] {"localhost", "1.2.3.999", "media.example", "10.0.0"}) {
            SessionDescription offer = SessionDescription.parse(offer(name, "audio 49170 RTP/AVP 0"));

            assertThatThrownBy(() -> AudioNegotiation.answer(offer, ORIGIN, LOCAL, 20000, KEY)).as(name)
                    .isInstanceOf(MalformedSdp.class).hasMessageContaining("no IP address");
        }
        assertThat(AudioNegotiation.isAddressLiteral("2001:db8::1")).isTrue();
        assertThat(AudioNegotiation.isAddressLiteral("255.0.0.1")).isTrue();
    }

    @Test
    void refusesAnOfferWithNoCommonCodec() {
        SessionDescription offer = SessionDescription.parse(offer("192.0.2.10", "audio 4000 RTP/AVP 18 9 101",
                "rtpmap:18 G729/8000", "rtpmap:9 G722/8000", "rtpmap:101 telephone-event/8000"));

        assertThatThrownBy(() -> AudioNegotiation.answer(offer, ORIGIN, LOCAL, 20000, KEY))
                .isInstanceOf(NoCommonCodec.class).hasMessageContaining("no audio stream with PCMU or PCMA");
    }

    @Test
    void answersOldStyleHoldWithoutSending() {
        SessionDescription offer = SessionDescription.parse(offer("0.0.0.0", "audio 4000 RTP/AVP 0"));

        AudioNegotiation.Answer answer = AudioNegotiation.answer(offer, ORIGIN, LOCAL, 20000, KEY);

        assertThat(answer.audio().remoteRtp()).isNull();
        assertThat(answer.audio().sends()).isFalse();
        assertThat(answer.audio().direction()).isEqualTo(MediaDirection.RECVONLY);
    }

    @Test
    void answersSendonlyWithRecvonlyAndInactiveWithInactive() {
        SessionDescription sendonly = SessionDescription.parse(offer("192.0.2.10", "audio 4000 RTP/AVP 0", "sendonly"));
        SessionDescription inactive = SessionDescription.parse(offer("192.0.2.10", "audio 4000 RTP/AVP 0", "inactive"));

        AudioNegotiation.Answer held = AudioNegotiation.answer(sendonly, ORIGIN, LOCAL, 20000, KEY);

        assertThat(held.audio().direction()).isEqualTo(MediaDirection.RECVONLY);
        assertThat(held.audio().sends()).isFalse();
        assertThat(held.description().toString()).contains("a=recvonly\r\n");
        assertThat(AudioNegotiation.answer(inactive, ORIGIN, LOCAL, 20000, KEY).audio().direction()).isEqualTo(MediaDirection.INACTIVE);
    }

    @Test
    void keepsEveryMediaLineAndRefusesTheOnesNotTaken() {
        String text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
                + "m=audio 0 RTP/AVP 0\r\nc=IN IP4 192.0.2.1\r\n"
                + "m=video 5000 RTP/AVP 31\r\nc=IN IP4 192.0.2.1\r\n"
                + "m=audio 6000 RTP/AVP 8\r\nc=IN IP4 192.0.2.7\r\n";

        AudioNegotiation.Answer answer = AudioNegotiation.answer(SessionDescription.parse(text), ORIGIN, LOCAL, 20000, KEY);

        assertThat(answer.description().media()).extracting(MediaDescription::port).containsExactly(0, 0, 20000);
        assertThat(answer.description().media()).extracting(MediaDescription::media).containsExactly("audio", "video", "audio");
        assertThat(answer.audio().remoteRtp()).isEqualTo(new InetSocketAddress("192.0.2.7", 6000));
        assertThat(answer.audio().codec()).isEqualTo(AudioCodec.PCMA);
    }

    @Test
    void refusesAnOfferWhoseOnlyAudioIsRejected() {
        SessionDescription offer = SessionDescription.parse(offer("192.0.2.10", "audio 0 RTP/AVP 0"));

        assertThatThrownBy(() -> AudioNegotiation.answer(offer, ORIGIN, LOCAL, 20000, KEY)).isInstanceOf(NoCommonCodec.class);
    }

    @Test
    void mediaLevelConnectionAndRtcpAttributeWin() {
        SessionDescription offer = SessionDescription.parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n"
                + "m=audio 7000 RTP/AVP 0\nc=IN IP4 192.0.2.2/127\na=rtcp:7101\n");

        NegotiatedAudio audio = AudioNegotiation.answer(offer, ORIGIN, LOCAL, 20000, KEY).audio();

        assertThat(audio.remoteRtp()).isEqualTo(new InetSocketAddress("192.0.2.2", 7000));
        assertThat(audio.remoteRtcp()).isEqualTo(new InetSocketAddress("192.0.2.2", 7101));
    }

    @Test
    void ourOfferPutsThePreferredCodecFirstAndItsAnswerIsRead() {
        SessionDescription offer = AudioNegotiation.offer(ORIGIN, LOCAL, 20010, AudioCodec.PCMA, MediaDirection.SENDRECV, null);

        assertThat(offer.toString()).contains("m=audio 20010 RTP/AVP 8 0 101\r\n", "a=rtpmap:101 telephone-event/8000\r\n",
                "a=fmtp:101 0-16\r\n", "a=ptime:20\r\n");
        SessionDescription reparsed = SessionDescription.parse(offer.toString());
        assertThat(reparsed.media().get(0).formats()).containsExactly("8", "0", "101");

        NegotiatedAudio audio = AudioNegotiation.accept(SessionDescription.parse(offer("192.0.2.20", "audio 30000 RTP/AVP 0 101",
                "rtpmap:0 PCMU/8000", "rtpmap:101 telephone-event/8000")), null);
        assertThat(audio.codec()).isEqualTo(AudioCodec.PCMU);
        assertThat(audio.telephoneEventPayloadType()).isEqualTo(101);
        assertThat(audio.remoteRtp()).isEqualTo(new InetSocketAddress("192.0.2.20", 30000));
    }

    @Test
    void anAnswerRefusingTheAudioIsNoCommonCodec() {
        assertThatThrownBy(() -> AudioNegotiation.accept(SessionDescription.parse(offer("192.0.2.20", "audio 0 RTP/AVP 0")), null))
                .isInstanceOf(NoCommonCodec.class).hasMessageContaining("port 0");
    }

    @Test
    void anSrtpOfferIsAnsweredWithTheFirstUsableCryptoLineItsTagAndSuiteAndOurOwnKey() {
        SessionDescription offer = SessionDescription.parse(offer("192.0.2.10", "audio 49170 RTP/SAVP 0 101",
                "rtpmap:101 telephone-event/8000",
                "crypto:1 AES_CM_256_HMAC_SHA1_80 inline:" + CALLER_KEY,
                "crypto:2 AES_CM_128_HMAC_SHA1_32 inline:" + CALLER_KEY + "|2^31",
                "crypto:3 AES_CM_128_HMAC_SHA1_80 inline:" + CALLER_KEY));

        AudioNegotiation.Answer answer = AudioNegotiation.answer(offer, ORIGIN, LOCAL, 20000, KEY);

        assertThat(answer.audio().secure()).isTrue();
        assertThat(answer.audio().srtp().suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(answer.audio().srtp().remoteKey()).isEqualTo(SrtpMasterKey.ofBase64(CALLER_KEY));
        assertThat(answer.audio().srtp().localKey()).isEqualTo(KEY);
        String text = answer.description().toString();
        assertThat(text).contains("m=audio 20000 RTP/SAVP 0 101\r\n", "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY.base64() + "\r\n")
                .doesNotContain(CALLER_KEY).containsOnlyOnce("a=crypto:");
        assertThat(answer.audio().toString()).as("the negotiated media goes into log lines").doesNotContain(KEY.base64(), CALLER_KEY);
    }

    @Test
    void anSrtpOfferWithNothingUsableIsRefused() {
        for (String crypto : new String[] {"1 F8_128_HMAC_SHA1_80 inline:" + CALLER_KEY, "1 AES_CM_128_HMAC_SHA1_80 inline:" + CALLER_KEY + "|2^31|1:4",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + CALLER_KEY + " UNENCRYPTED_SRTP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + CALLER_KEY + " KDR=1",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + CALLER_KEY + "|2^10", "1 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ=",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + CALLER_KEY + ";inline:" + CALLER_KEY, "x AES_CM_128_HMAC_SHA1_80 inline:" + CALLER_KEY}) {
            SessionDescription offer = SessionDescription.parse(offer("192.0.2.10", "audio 49170 RTP/SAVP 0", "crypto:" + crypto));
            assertThatThrownBy(() -> AudioNegotiation.answer(offer, ORIGIN, LOCAL, 20000, KEY)).as(crypto)
                    .isInstanceOf(NoUsableCrypto.class).hasMessageNotContaining(CALLER_KEY);
        }
        SessionDescription none = SessionDescription.parse(offer("192.0.2.10", "audio 49170 RTP/SAVP 0"));
        assertThatThrownBy(() -> AudioNegotiation.answer(none, ORIGIN, LOCAL, 20000, KEY)).isInstanceOf(NoUsableCrypto.class);
    }

    @Test
    void cryptoLinesOnPlainRtpAreAnsweredInClear() {
        SessionDescription offer = SessionDescription.parse(offer("192.0.2.10", "audio 49170 RTP/AVP 0",
                "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + CALLER_KEY));

        AudioNegotiation.Answer answer = AudioNegotiation.answer(offer, ORIGIN, LOCAL, 20000, KEY);

        assertThat(answer.audio().secure()).isFalse();
        assertThat(answer.description().toString()).contains("RTP/AVP").doesNotContain("crypto");
    }

    @Test
    void ourSrtpOfferCarriesOneCryptoLineAndTakesOnlyAnAnswerWithItsTag() {
        SdesCrypto ours = new SdesCrypto(AudioNegotiation.OFFERED_CRYPTO_TAG, SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
        SessionDescription offer = AudioNegotiation.offer(ORIGIN, LOCAL, 20010, AudioCodec.PCMU, MediaDirection.SENDRECV, ours);

        assertThat(offer.toString()).contains("m=audio 20010 RTP/SAVP 0 8 101\r\n", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY.base64() + "\r\n");
        NegotiatedAudio audio = AudioNegotiation.accept(SessionDescription.parse(offer("192.0.2.20", "audio 30000 RTP/SAVP 0",
                "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + CALLER_KEY)), ours);
        assertThat(audio.srtp().remoteKey()).isEqualTo(SrtpMasterKey.ofBase64(CALLER_KEY));
        assertThat(audio.srtp().localKey()).isEqualTo(KEY);
        assertThatThrownBy(() -> AudioNegotiation.accept(SessionDescription.parse(offer("192.0.2.20", "audio 30000 RTP/SAVP 0",
                "crypto:2 AES_CM_128_HMAC_SHA1_80 inline:" + CALLER_KEY)), ours)).as("another tag").isInstanceOf(NoUsableCrypto.class);
        assertThatThrownBy(() -> AudioNegotiation.accept(SessionDescription.parse(offer("192.0.2.20", "audio 30000 RTP/AVP 0")), ours))
                .as("answered in clear").isInstanceOf(NoUsableCrypto.class);
        assertThatThrownBy(() -> AudioNegotiation.accept(SessionDescription.parse(offer("192.0.2.20", "audio 30000 RTP/SAVP 0",
                "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + CALLER_KEY)), null)).as("SRTP to an offer in clear").isInstanceOf(NoUsableCrypto.class);
    }

    @Test
    void malformedDescriptionsAreNamed() {
        assertThatThrownBy(() -> SessionDescription.parse("")).isInstanceOf(MalformedSdp.class);
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\ns=-\r\n")).isInstanceOf(MalformedSdp.class).hasMessageContaining("o=");
        assertThatThrownBy(() -> SessionDescription.parse(offer("192.0.2.1", "audio port RTP/AVP 0")))
                .isInstanceOf(MalformedSdp.class).hasMessageContaining("m= port");
        assertThatThrownBy(() -> SessionDescription.parse(offer("192.0.2.1", "audio 4000 RTP/AVP zero")))
                .isInstanceOf(MalformedSdp.class).hasMessageContaining("payload type");
        assertThatThrownBy(() -> SessionDescription.parse(offer("192.0.2.1", "audio 4000 RTP/AVP 0", "rtpmap:x PCMU/8000")))
                .isInstanceOf(MalformedSdp.class);
    }
}
