package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.G711;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine over real UDP sockets on loopback, the phones played by plain DatagramSockets. */
class MediaEngineTest {

    private static final String WITH_EVENTS_101 = "rtpmap:101 telephone-event/8000";
    private MediaEngine engine;
    private final List<Phone> phones = new ArrayList<>();

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
        phones.forEach(Phone::close);
    }

    @Test
    void aLegGoingOnWithAnotherNodesSessionKeepsItsOriginAndCountsTheVersionOn() {
        SessionDescription.Origin departed = new SessionDescription.Origin("verbund", "8127364518273", 3, "10.0.0.7");
        RtpLeg leg = engine.openLeg("taken over");
        leg.continueSession(departed);

        SessionDescription reOffer = leg.offer(io.verbund.acd.audio.AudioCodec.PCMU);
        SessionDescription later = leg.offer(io.verbund.acd.audio.AudioCodec.PCMU);

        assertThat(reOffer.origin()).isEqualTo(new SessionDescription.Origin("verbund", "8127364518273", 4, "10.0.0.7"));
        assertThat(reOffer.toString()).contains("o=verbund 8127364518273 4 IN IP4 10.0.0.7\r\n");
        assertThat(later.origin().version()).isEqualTo(5);
        assertThat(leg.origin()).contains(later.origin());
    }

    @Test
    void aFreshLegStartsASessionOfItsOwn() {
        RtpLeg leg = engine.openLeg("fresh");
        assertThat(leg.origin()).isEmpty();

        SessionDescription offer = leg.offer(io.verbund.acd.audio.AudioCodec.PCMU);

        assertThat(offer.origin().version()).isEqualTo(1);
        assertThat(offer.origin().sessionId()).isNotEqualTo("8127364518273");
    }

    private Phone phone() {
        Phone phone = new Phone();
        phones.add(phone);
        return phone;
    }

    private static RtpPacket parse(byte[] datagram) {
        RtpPacket packet = new RtpPacket();
        assertThat(packet.read(datagram, datagram.length)).as("a well-formed RTP packet").isTrue();
        return packet;
    }

    private static byte[] payload(byte[] datagram) {
        RtpPacket packet = parse(datagram);
        return Arrays.copyOfRange(datagram, packet.payloadOffset(), packet.payloadOffset() + packet.payloadLength());
    }

    private static byte[] rtp(int payloadType, int sequence, long timestamp, int ssrc, byte[] payload) {
        return RtpPacket.build(false, payloadType, sequence, timestamp, ssrc, new int[0], 0, null, payload, 0);
    }

    private static byte[] event(int payloadType, int sequence, long timestamp, int event, boolean end, int duration) {
        return rtp(payloadType, sequence, timestamp, 77, new byte[]{(byte) event, (byte) ((end ? 0x80 : 0) | 10),
                (byte) (duration >> 8), (byte) duration});
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static void assertContinuous(List<byte[]> packets, int ssrc) {
        for (int i = 1; i < packets.size(); i++) {
            RtpPacket previous = parse(packets.get(i - 1));
            int previousSequence = previous.sequence();
            long previousTimestamp = previous.timestamp();
            RtpPacket packet = parse(packets.get(i));
            assertThat(packet.ssrc()).isEqualTo(ssrc);
            assertThat(packet.sequence()).as("sequence after %d", previousSequence).isEqualTo((previousSequence + 1) & 0xFFFF);
            assertThat(packet.timestamp()).as("timestamp of packet %d", i).isEqualTo((previousTimestamp + 160) & 0xFFFFFFFFL);
        }
    }

    @Test
    void sendsMusicOnHoldEvery20MsWithContinuousSequenceAndTimestamp() {
        Phone phone = phone();
        RtpLeg leg = engine.openLeg("moh");
        leg.answer(phone.sdp("0"));
        leg.loop(new Tone(7));

        List<byte[]> second = phone.receiveFor(1000);

        assertThat(second.size()).as("packets in a second").isBetween(40, 60);
        assertContinuous(second, leg.ssrc());
        assertThat(second).allSatisfy(packet -> assertThat(packet).hasSize(172));
        assertThat(second.stream().map(MediaEngineTest::payload).filter(p -> p[0] == 1).count()).as("loops").isGreaterThanOrEqualTo(5);
        SendJitter.Snapshot jitter = engine.sendJitter();
        assertThat(jitter.intervals()).isGreaterThan(30);
        assertThat(jitter.p50Millis()).isLessThan(20);
    }

    @Test
    void playsOnceWithAMarkerThenRunsOnFinishedAndSendsSilence() throws Exception {
        Phone phone = phone();
        RtpLeg leg = engine.openLeg("prompt");
        leg.answer(phone.sdp("8"));
        phone.drain();
        CountDownLatch finished = new CountDownLatch(1);

        leg.play(new Tone(5), finished::countDown);

        assertThat(finished.await(2, TimeUnit.SECONDS)).isTrue();
        List<byte[]> packets = phone.receiveFor(200);
        int first = 0;
        while (payload(packets.get(first))[0] != 101) {
            first++;
        }
        for (int frame = 0; frame < 5; frame++) {
            assertThat(payload(packets.get(first + frame))).as("frame %d", frame).containsOnly((byte) (101 + frame));
        }
        assertThat(parse(packets.get(first)).marker()).isTrue();
        assertThat(parse(packets.get(first + 1)).marker()).isFalse();
        assertThat(payload(packets.get(first + 5))).containsOnly(AudioCodec.PCMA.silence());
        assertThat(parse(packets.get(first)).payloadType()).isEqualTo(8);
        assertContinuous(packets, leg.ssrc());
        assertThat(leg.isPlaying()).isFalse();
    }

    @Test
    void detectsEachRfc4733DigitOnceThroughRepeatsReorderingAndALostEnd() throws Exception {
        Phone phone = phone();
        RtpLeg leg = engine.openLeg("dtmf");
        leg.answer(phone.sdp("0 101", WITH_EVENTS_101));
        LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
        leg.onDigits(digits::add);

        // '1': start, two updates, the end three times
        phone.sendTo(leg, event(101, 1, 1000, 1, false, 160));
        phone.sendTo(leg, event(101, 2, 1000, 1, false, 320));
        phone.sendTo(leg, event(101, 3, 1000, 1, false, 480));
        for (int s = 4; s <= 6; s++) {
            phone.sendTo(leg, event(101, s, 1000, 1, true, 640));
        }
        // '2': an update overtaken by the first end
        phone.sendTo(leg, event(101, 7, 2000, 2, false, 160));
        phone.sendTo(leg, event(101, 9, 2000, 2, true, 480));
        phone.sendTo(leg, event(101, 8, 2000, 2, false, 320));
        phone.sendTo(leg, event(101, 10, 2000, 2, true, 480));
        phone.sendTo(leg, event(101, 11, 2000, 2, true, 480));
        // '3': every end packet lost
        phone.sendTo(leg, event(101, 12, 3000, 3, false, 160));
        phone.sendTo(leg, event(101, 13, 3000, 3, false, 320));

        assertThat(digits.poll(2, TimeUnit.SECONDS)).isEqualTo('1');
        assertThat(digits.poll(2, TimeUnit.SECONDS)).isEqualTo('2');
        assertThat(digits.poll(2, TimeUnit.SECONDS)).isEqualTo('3');
        assertThat(digits.poll(400, TimeUnit.MILLISECONDS)).isNull();
        assertThat(leg.stats().digits()).isEqualTo(3);
    }

    @Test
    void injectedSipInfoDigitsReachTheListener() throws Exception {
        RtpLeg leg = engine.openLeg("info");
        LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
        leg.onDigits(digits::add);

        SipInfoDtmf.parse("application/dtmf-relay", "Signal=5\r\nDuration=160").ifPresent(leg::injectDigit);
        leg.injectDigit('#');

        assertThat(digits.poll(2, TimeUnit.SECONDS)).isEqualTo('5');
        assertThat(digits.poll(2, TimeUnit.SECONDS)).isEqualTo('#');
        assertThatThrownBy(() -> leg.injectDigit('x')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendsToWhereThePeersPacketsComeFromOnceTheyArrive() throws Exception {
        Phone advertised = phone();
        Phone behindNat = phone();
        RtpLeg leg = engine.openLeg("nat");
        leg.answer(advertised.sdp("0"));
        assertThat(advertised.receive()).as("RTP to the SDP address first").isNotNull();

        leg.peerMaySend();
        for (int sequence = 1; sequence <= 3; sequence++) {
            behindNat.sendTo(leg, rtp(0, sequence, 160L * sequence, 99, new byte[160]));
        }

        assertThat(behindNat.receive()).as("RTP to the packets' source").isNotNull();
        advertised.drain();
        assertThat(advertised.receiveFor(200)).isEmpty();
        assertThat(leg.remoteTarget()).hasValueSatisfying(target -> assertThat(target.getPort()).isEqualTo(behindNat.port()));
    }

    @Test
    void rtpFromAForeignSourceDuringABridgedCallIsNeitherRelayedNorTappedNorAnsweredButCounted() throws Exception {
        Phone callerPhone = phone();
        Phone agentPhone = phone();
        Phone attacker = phone();
        RtpLeg caller = engine.openLeg("call-2 caller");
        caller.answer(callerPhone.sdp("0 101", WITH_EVENTS_101));
        caller.peerMaySend();
        RtpLeg agent = engine.openLeg("call-2 agent");
        agent.offer(AudioCodec.PCMU);
        agent.setRemote(agentPhone.sdp("0 101", WITH_EVENTS_101));
        RecordingTap tap = new RecordingTap();
        engine.bridge(caller, agent, tap);
        List<String> digits = Collections.synchronizedList(new ArrayList<>());
        caller.onDigits(digit -> digits.add(String.valueOf(digit)));
        byte[] real = new byte[160];
        Arrays.fill(real, (byte) 0x11);
        callerPhone.sendTo(caller, rtp(0, 1, 160, 4242, real));
        await("the caller's first packet relayed", () -> tap.fromCaller.size() == 1);
        assertThat(caller.lockedSource()).hasValueSatisfying(source -> assertThat(source.getPort()).isEqualTo(callerPhone.port()));
        long foreignBefore = engine.foreignPackets();
        agentPhone.drain();

        byte[] injected = new byte[160];
        Arrays.fill(injected, (byte) 0x66);
        for (int i = 0; i < 10; i++) {
            attacker.sendTo(caller, rtp(0, 2 + i, 320 + 160L * i, 4242, injected));
        }
        attacker.sendTo(caller, event(101, 20, 5000, 5, false, 160));
        attacker.sendTo(caller, event(101, 21, 5000, 5, true, 800));
        attacker.sendTo(caller.localPort() + 1, new byte[]{(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 9});
        attacker.sendTo(caller, rtp(96, 30, 9000, 4242, injected));

        await("the foreign packets counted", () -> caller.stats().foreign() == 14);
        assertThat(engine.foreignPackets() - foreignBefore).isEqualTo(14);
        assertThat(caller.stats().unexpected()).as("a foreign packet of any payload type is foreign").isZero();
        assertThat(agentPhone.receiveFor(200)).as("nothing relayed to the agent").isEmpty();
        assertThat(attacker.receiveFor(200)).as("nothing answered to the attacker").isEmpty();
        assertThat(tap.fromCaller).as("nothing recorded").hasSize(1);
        assertThat(digits).as("no digit heard").isEmpty();
        assertThat(caller.stats().receiverReports()).isZero();

        byte[] more = new byte[160];
        Arrays.fill(more, (byte) 0x22);
        callerPhone.sendTo(caller, rtp(0, 2, 320, 4242, more));
        assertThat(payload(agentPhone.receive())).as("the real caller still gets through").isEqualTo(more);
    }

    @Test
    void countsSilenceFromThePeersLastPacketButNotBeforeItsFirstNorWhileItMayNotSend() throws Exception {
        Phone phone = phone();
        RtpLeg leg = engine.openLeg("silence");
        leg.answer(phone.sdp("0"));
        assertThat(leg.silentFor(System.nanoTime() + Duration.ofMinutes(5).toNanos())).as("nothing received yet: not stopped").isEmpty();

        phone.sendTo(leg, rtp(0, 1, 160, 99, new byte[160]));
        await("the packet taken", () -> leg.stats().packetsReceived() == 1);
        long heard = System.nanoTime();

        assertThat(leg.silentFor(heard + Duration.ofSeconds(60).toNanos())).hasValueSatisfying(silence ->
                assertThat(silence).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(61)));
        leg.answer(phone.sdp("0", "inactive"));
        assertThat(leg.silentFor(heard + Duration.ofSeconds(60).toNanos())).as("held: the peer sends nothing").isEmpty();
    }

    @Test
    void sendsNothingWhileThePeerHoldsTheCall() {
        Phone phone = phone();
        RtpLeg leg = engine.openLeg("hold");
        leg.answer(phone.sdp("0"));
        assertThat(phone.receive()).isNotNull();

        SessionDescription answer = leg.answer(phone.sdp("0", "sendonly"));
        phone.drain();

        assertThat(answer.toString()).contains("a=recvonly");
        assertThat(phone.receiveFor(200)).isEmpty();
        leg.answer(phone.sdp("0", "sendrecv"));
        assertThat(phone.receive()).as("resumed").isNotNull();
    }

    @Test
    void relaysPayloadsBitExactReStampedIntoEachLegsOwnStreamAndTapsThem() throws Exception {
        Phone callerPhone = phone();
        Phone agentPhone = phone();
        RtpLeg caller = engine.openLeg("call-1 caller");
        caller.answer(callerPhone.sdp("0 101", WITH_EVENTS_101));
        RtpLeg agent = engine.openLeg("call-1 agent");
        agent.offer(AudioCodec.PCMU);
        agent.setRemote(agentPhone.sdp("0 101", WITH_EVENTS_101));
        caller.loop(new Tone(3));
        List<byte[]> silence = new ArrayList<>();
        silence.add(agentPhone.receive());
        assertThat(silence.get(0)).as("the agent leg's silence").isNotNull();
        RecordingTap tap = new RecordingTap();

        engine.bridge(caller, agent, tap);
        Thread.sleep(60);
        silence.addAll(agentPhone.receiveFor(30));
        RtpPacket lastSilence = parse(silence.get(silence.size() - 1));
        int lastSequence = lastSilence.sequence();
        long lastTimestamp = lastSilence.timestamp();
        callerPhone.drain();

        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] audio = new byte[160];
            ThreadLocalRandom.current().nextBytes(audio);
            sent.add(audio);
            callerPhone.sendTo(caller, rtp(0, 50000 + i, 900_000 + 160L * i, 4242, audio));
            Thread.sleep(2);
        }
        List<byte[]> relayed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            relayed.add(agentPhone.receive());
        }

        for (int i = 0; i < 20; i++) {
            assertThat(payload(relayed.get(i))).as("payload %d", i).isEqualTo(sent.get(i));
        }
        RtpPacket first = parse(relayed.get(0));
        assertThat(first.sequence()).isEqualTo((lastSequence + 1) & 0xFFFF);
        assertThat(first.ssrc()).isEqualTo(agent.ssrc());
        assertThat(first.marker()).isTrue();
        assertThat((first.timestamp() - lastTimestamp) & 0xFFFFFFFFL).isBetween(160L, 8000L);
        assertContinuous(relayed, agent.ssrc());
        assertThat(caller.isPlaying()).as("bridging stopped the music").isFalse();
        assertThat(callerPhone.receiveFor(100)).as("nothing to the caller while the agent is silent").isEmpty();
        await("the tap", () -> tap.fromCaller.size() == 20);
        for (int i = 0; i < 20; i++) {
            assertThat(tap.fromCaller.get(i)).isEqualTo(sent.get(i));
        }

        byte[] back = new byte[160];
        ThreadLocalRandom.current().nextBytes(back);
        agentPhone.sendTo(agent, rtp(0, 7, 70, 5151, back));
        byte[] atCaller = callerPhone.receive();
        assertThat(payload(atCaller)).isEqualTo(back);
        assertThat(parse(atCaller).ssrc()).isEqualTo(caller.ssrc());
        await("the tap from the agent", () -> tap.fromAgent.size() == 1);
        assertThat(tap.fromAgent.get(0)).isEqualTo(back);
    }

    @Test
    void transcodesBetweenMuLawAndALaw() throws Exception {
        Phone callerPhone = phone();
        Phone agentPhone = phone();
        RtpLeg caller = engine.openLeg("caller");
        caller.answer(callerPhone.sdp("0"));
        RtpLeg agent = engine.openLeg("agent");
        agent.offer(AudioCodec.PCMA);
        agent.setRemote(agentPhone.sdp("8"));
        RecordingTap tap = new RecordingTap();
        engine.bridge(caller, agent, tap);
        Thread.sleep(60);
        agentPhone.drain();
        callerPhone.drain();
        byte[] ulaw = new byte[160];
        for (int i = 0; i < 160; i++) {
            ulaw[i] = (byte) (i * 3);
        }

        callerPhone.sendTo(caller, rtp(0, 1, 160, 1, ulaw));
        byte[] atAgent = agentPhone.receive();
        agentPhone.sendTo(agent, rtp(8, 1, 160, 2, payload(atAgent)));
        byte[] atCaller = callerPhone.receive();

        assertThat(parse(atAgent).payloadType()).isEqualTo(8);
        byte[] alaw = payload(atAgent);
        for (int i = 0; i < 160; i++) {
            assertThat(alaw[i]).isEqualTo(G711.ulawToAlaw(ulaw[i]));
        }
        assertThat(parse(atCaller).payloadType()).isZero();
        byte[] roundTrip = payload(atCaller);
        for (int i = 0; i < 160; i++) {
            assertThat(roundTrip[i]).isEqualTo(G711.alawToUlaw(alaw[i]));
        }
        await("the tap", () -> tap.fromCaller.size() == 1 && tap.fromAgent.size() == 1);
        assertThat(tap.fromCaller.get(0)).as("the tap hears what crossed the wire").isEqualTo(ulaw);
        assertThat(tap.fromAgent.get(0)).isEqualTo(alaw);
    }

    @Test
    void forwardsTelephoneEventsWithTheOtherLegsPayloadType() throws Exception {
        Phone callerPhone = phone();
        Phone agentPhone = phone();
        RtpLeg caller = engine.openLeg("caller");
        caller.answer(callerPhone.sdp("0 96", "rtpmap:96 telephone-event/8000"));
        RtpLeg agent = engine.openLeg("agent");
        agent.offer(AudioCodec.PCMU);
        agent.setRemote(agentPhone.sdp("0 101", WITH_EVENTS_101));
        LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
        caller.onDigits(digits::add);
        engine.bridge(caller, agent, null);
        Thread.sleep(60);
        agentPhone.drain();

        byte[] end = event(96, 300, 8000, 7, true, 800);
        callerPhone.sendTo(caller, end);

        byte[] forwarded = agentPhone.receive();
        assertThat(parse(forwarded).payloadType()).isEqualTo(101);
        assertThat(payload(forwarded)).isEqualTo(payload(end));
        assertThat(digits.poll(2, TimeUnit.SECONDS)).isEqualTo('7');
    }

    @Test
    void unbridgingReturnsBothLegsToSilenceAndClosesTheTap() throws Exception {
        Phone callerPhone = phone();
        Phone agentPhone = phone();
        RtpLeg caller = engine.openLeg("caller");
        caller.answer(callerPhone.sdp("0"));
        RtpLeg agent = engine.openLeg("agent");
        agent.offer(AudioCodec.PCMU);
        agent.setRemote(agentPhone.sdp("0"));
        AtomicBoolean finished = new AtomicBoolean();
        caller.play(new Tone(100), () -> finished.set(true));
        RecordingTap tap = new RecordingTap();
        Bridge bridge = engine.bridge(caller, agent, tap);
        assertThatThrownBy(() -> caller.play(new Tone(1), null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> engine.bridge(caller, agent, null)).isInstanceOf(IllegalStateException.class);

        bridge.unbridge();
        callerPhone.drain();

        List<byte[]> after = callerPhone.receiveFor(200);
        assertThat(after.size()).isGreaterThan(5);
        assertThat(after).allSatisfy(packet -> assertThat(payload(packet)).containsOnly(AudioCodec.PCMU.silence()));
        assertThat(agentPhone.receive()).isNotNull();
        await("the tap closed", () -> tap.closed);
        assertThat(finished).isFalse();
        assertThat(caller.isBridged() || agent.isBridged()).isFalse();
    }

    @Test
    void countsMalformedAndStrayDatagramsAndKeepsReceiving() throws Exception {
        Phone phone = phone();
        RtpLeg leg = engine.openLeg("garbage");
        leg.answer(phone.sdp("0"));

        phone.sendTo(leg, new byte[]{1, 2, 3});
        phone.sendTo(leg, new byte[40]);
        byte[] badPadding = rtp(0, 1, 160, 5, new byte[160]);
        badPadding[0] |= 0x20;
        badPadding[badPadding.length - 1] = (byte) 250;
        phone.sendTo(leg, badPadding);
        phone.sendTo(leg, rtp(13, 2, 320, 5, new byte[1]));
        phone.sendTo(leg, rtp(0, 3, 480, 5, new byte[160]));

        await("the valid packet", () -> leg.stats().packetsReceived() == 1);
        LegStats stats = leg.stats();
        assertThat(stats.malformed()).isEqualTo(3);
        assertThat(stats.unexpected()).isEqualTo(1);
        phone.sendTo(leg, rtp(0, 4, 640, 5, new byte[160]));
        await("the next packet", () -> leg.stats().packetsReceived() == 2);
    }

    @Test
    void countsLostLateDuplicateAndReorderedPackets() throws Exception {
        Phone phone = phone();
        RtpLeg leg = engine.openLeg("lossy");
        leg.answer(phone.sdp("0"));
        for (int sequence : new int[]{65533, 65534, 0, 65535, 1, 3, 4, 4}) {
            phone.sendTo(leg, rtp(0, sequence, 160L * sequence, 9, new byte[160]));
        }

        await("the gap given up", () -> leg.stats().lost() == 1);
        phone.sendTo(leg, rtp(0, 2, 320, 9, new byte[160]));
        await("the late packet", () -> leg.stats().late() == 1);

        LegStats stats = leg.stats();
        assertThat(stats.packetsReceived()).isEqualTo(9);
        assertThat(stats.duplicates()).isEqualTo(1);
        assertThat(stats.lost()).isZero();
    }

    @Test
    void aNewSsrcStartsTheStreamAgain() throws Exception {
        Phone phone = phone();
        RtpLeg leg = engine.openLeg("ssrc");
        leg.answer(phone.sdp("0"));
        phone.sendTo(leg, rtp(0, 100, 0, 1, new byte[160]));
        phone.sendTo(leg, rtp(0, 9000, 0, 2, new byte[160]));
        phone.sendTo(leg, rtp(0, 9001, 160, 2, new byte[160]));

        await("three packets", () -> leg.stats().packetsReceived() == 3);
        Thread.sleep(100);
        assertThat(leg.stats().ssrcChanges()).isEqualTo(1);
        assertThat(leg.stats().lost()).isZero();
    }

    @Test
    void countsRtcpReportsAndSendsItsOwn() throws Exception {
        Phone phone = phone();
        Phone rtcp = phone();
        RtpLeg leg = engine.openLeg("rtcp");
        leg.answer(phone.sdp("0", "rtcp:" + rtcp.port()));
        byte[] receiverReport = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 9};
        byte[] senderReport = new byte[28];
        senderReport[0] = (byte) 0x80;
        senderReport[1] = (byte) 200;
        senderReport[3] = 6;

        rtcp.sendTo(leg.localPort() + 1, receiverReport);
        rtcp.sendTo(leg.localPort() + 1, senderReport);
        rtcp.sendTo(leg.localPort() + 1, new byte[]{0, 0});

        await("the reports", () -> leg.stats().receiverReports() == 1 && leg.stats().senderReports() == 1);
        byte[] report = rtcp.receive();
        assertThat(report).isNotNull();
        assertThat(report[0] & 0xC0).isEqualTo(0x80);
        assertThat(report[1] & 0xFF).isEqualTo(200);
        int firstLength = 4 * ((((report[2] & 0xFF) << 8) | (report[3] & 0xFF)) + 1);
        assertThat(report[firstLength + 1] & 0xFF).as("SDES after the SR").isEqualTo(202);
        assertThat(leg.stats().malformed()).isEqualTo(1);
    }

    @Test
    void closingReleasesThePortsAndReportsTheFigures() throws Exception {
        Phone phone = phone();
        RtpLeg leg = engine.openLeg("closing");
        leg.answer(phone.sdp("0"));
        phone.receive();
        phone.sendTo(leg, rtp(0, 1, 160, 3, new byte[160]));
        await("a packet", () -> leg.stats().packetsReceived() == 1);
        assertThat(engine.portsInUse()).isEqualTo(1);

        LegStats stats = leg.close();

        assertThat(stats.packetsSent()).isPositive();
        assertThat(stats.packetsReceived()).isEqualTo(1);
        assertThat(stats.label()).isEqualTo("closing");
        await("the ports released", () -> engine.portsInUse() == 0);
        assertThat(engine.openLegCount()).isZero();
        phone.drain();
        assertThat(phone.receiveFor(100)).isEmpty();
        assertThatThrownBy(() -> leg.play(new Tone(1), null)).isInstanceOf(IllegalStateException.class);
    }

    /** A recording's tap that keeps copies of what it was given. */
    private static final class RecordingTap implements BridgeTap {
        final List<byte[]> fromCaller = Collections.synchronizedList(new ArrayList<>());
        final List<byte[]> fromAgent = Collections.synchronizedList(new ArrayList<>());
        volatile boolean closed;

        @Override
        public void fromCaller(byte[] payload, int offset, int length, long rtpTimestamp, long receivedNanos) {
            fromCaller.add(Arrays.copyOfRange(payload, offset, offset + length));
        }

        @Override
        public void fromAgent(byte[] payload, int offset, int length, long rtpTimestamp, long receivedNanos) {
            fromAgent.add(Arrays.copyOfRange(payload, offset, offset + length));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
