package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.telephony.media.srtp.SrtpMasterKey;
import io.verbund.acd.telephony.media.srtp.SrtpSession;
import io.verbund.acd.telephony.media.srtp.SrtpSuite;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SRTP legs in a real engine over loopback UDP, the phones' SRTP done by the test with its own sessions. */
class SrtpLegTest {

    private static final SrtpSuite SUITE = SrtpSuite.AES_CM_128_HMAC_SHA1_80;
    private static final Pattern CRYPTO = Pattern.compile("a=crypto:(\\d+) (\\S+) inline:(\\S+)\r\n");
    private MediaEngine engine;
    private final Phone callerPhone = new Phone();
    private final Phone agentPhone = new Phone();

    @BeforeEach
    void startEngine() {
        int base = TestPorts.base();
        engine = new MediaEngine(MediaConfig.defaults(InetAddress.getLoopbackAddress()).withPorts(base, base + 199)
                .withRtcpInterval(Duration.ofMillis(100)));
        engine.start();
    }

    @AfterEach
    void stopEngine() {
        engine.stop();
        callerPhone.close();
        agentPhone.close();
    }

    private static SessionDescription savp(int port, String... crypto) {
        StringBuilder text = new StringBuilder("v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n")
                .append("m=audio ").append(port).append(" RTP/SAVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n");
        for (String line : crypto) {
            text.append("a=crypto:").append(line).append("\r\n");
        }
        return SessionDescription.parse(text.toString());
    }

    private static SrtpMasterKey keyIn(SessionDescription description, int tag) {
        Matcher matcher = CRYPTO.matcher(description.toString());
        assertThat(matcher.find()).as("a crypto line in %s", description).isTrue();
        assertThat(Integer.parseInt(matcher.group(1))).isEqualTo(tag);
        assertThat(matcher.group(2)).isEqualTo(SUITE.name());
        return SrtpMasterKey.ofBase64(matcher.group(3));
    }

    private static byte[] protect(SrtpSession session, byte[] rtp) {
        byte[] packet = Arrays.copyOf(rtp, rtp.length + SrtpSuite.MAX_TAG_LENGTH);
        return Arrays.copyOf(packet, session.protectRtp(packet, rtp.length));
    }

    private static byte[] unprotect(SrtpSession session, byte[] srtp) {
        byte[] packet = srtp.clone();
        int length = session.unprotectRtp(packet, packet.length);
        assertThat(length).as("the packet opens with the leg's key").isPositive();
        return Arrays.copyOf(packet, length);
    }

    private static byte[] rtp(int payloadType, int sequence, long timestamp, byte[] payload) {
        return RtpPacket.build(false, payloadType, sequence, timestamp, 0x5EC, new int[0], 0, null, payload, 0);
    }

    @Test
    void anSrtpCallerHeardAsDigitsAndRelayedToAnSrtpPhoneWithForgeriesAndReplaysDroppedAndCounted() throws Exception {
        SrtpMasterKey callerKey = SrtpMasterKey.random();
        RtpLeg caller = engine.openLeg("srtp caller");
        SessionDescription answer = caller.answer(savp(callerPhone.port(), "4 " + SUITE.name() + " inline:" + callerKey.base64()));
        assertThat(answer.toString()).contains("RTP/SAVP");
        assertThat(caller.isSecure()).isTrue();
        SrtpSession callerSide = new SrtpSession(SUITE, callerKey, keyIn(answer, 4));
        LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
        caller.onDigits(digits::add);

        byte[] silence = callerPhone.receive();
        assertThat(silence).as("the leg's silence, SRTP").hasSize(12 + 160 + 10);
        assertThat(unprotect(callerSide, silence)).hasSize(172);

        // Key 5, start and end, encrypted: the detector sees it in clear.
        callerPhone.sendTo(caller, protect(callerSide, rtp(101, 100, 8000, new byte[] {5, 0x0A, 0, (byte) 160})));
        callerPhone.sendTo(caller, protect(callerSide, rtp(101, 101, 8000, new byte[] {5, (byte) 0x8A, 3, 32})));
        assertThat(digits.poll(3, TimeUnit.SECONDS)).isEqualTo('5');

        RtpLeg agent = engine.openLeg("srtp agent");
        agent.offerSrtp();
        SessionDescription offer = agent.offer(AudioCodec.PCMU);
        assertThat(offer.toString()).contains("m=audio " + agent.localPort() + " RTP/SAVP 0 8 101");
        SrtpMasterKey agentKey = SrtpMasterKey.random();
        agent.setRemote(savp(agentPhone.port(), "1 " + SUITE.name() + " inline:" + agentKey.base64()));
        SrtpSession agentSide = new SrtpSession(SUITE, agentKey, keyIn(offer, 1));
        engine.bridge(caller, agent, null);
        agentPhone.drain();

        byte[][] sent = new byte[10][160];
        for (int i = 0; i < sent.length; i++) {
            ThreadLocalRandom.current().nextBytes(sent[i]);
            callerPhone.sendTo(caller, protect(callerSide, rtp(0, 200 + i, 16000 + 160L * i, sent[i])));
        }
        for (int i = 0; i < sent.length; i++) {
            byte[] relayed = agentPhone.receive();
            assertThat(relayed).as("relayed packet %d", i).isNotNull().hasSize(182);
            assertThat(Arrays.copyOfRange(relayed, 12, 172)).as("not in clear on the phone's wire").isNotEqualTo(sent[i]);
            assertThat(Arrays.copyOfRange(unprotect(agentSide, relayed), 12, 172)).as("payload %d", i).isEqualTo(sent[i]);
        }

        byte[] replay = protect(callerSide, rtp(0, 210, 17600, sent[0]));
        byte[] forged = protect(callerSide, rtp(0, 211, 17760, sent[1]));
        forged[30] ^= 1;
        callerPhone.sendTo(caller, replay);
        assertThat(agentPhone.receive()).as("the first copy is relayed").isNotNull();
        callerPhone.sendTo(caller, replay);
        callerPhone.sendTo(caller, forged);

        assertThat(agentPhone.receiveFor(300)).as("neither the replay nor the forgery is relayed").isEmpty();
        assertThat(caller.stats().replayed()).isEqualTo(1);
        assertThat(caller.stats().authenticationFailures()).isEqualTo(1);
        assertThat(engine.srtpRejected()).isEqualTo(2);
        assertThatThrownBy(() -> caller.answer(Phone.sdpFor(callerPhone.port(), "0"))).as("no fall-back to clear RTP")
                .isInstanceOf(NoUsableCrypto.class);
        assertThat(caller.isSecure()).isTrue();
    }

    @Test
    void aLegWithoutSrtpOffersAndSendsRtpInClear() {
        RtpLeg leg = engine.openLeg("clear");
        assertThat(leg.offer(AudioCodec.PCMA).toString()).contains("RTP/AVP").doesNotContain("crypto");
        leg.setRemote(Phone.sdpFor(callerPhone.port(), "8"));

        byte[] packet = callerPhone.receive();
        assertThat(leg.isSecure()).isFalse();
        assertThat(packet).hasSize(172);
    }
}
