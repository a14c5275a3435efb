package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.verbund.acd.launcher.DemoNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media through the real node: SIPp callers with RTP and RFC 4733 DTMF in the demo's Menu and
 * Closed flows, a recorded call whose two channels are compared byte for byte with what both SIPp
 * sides sent, a voicemail that lands in storage-service, and the pacing of what a queued caller
 * hears, counted on the test's own socket.
 */
class MediaCallIT {

    private static final String HOTLINE = "+4930500100";
    private static final String MENU = "+4930500200";
    private static final String CLOSED = "+4930500300";
    private static final int PCMA = 8;
    private static final int INJECTED_FRAMES = 5;

    @TempDir
    Path sippFolder;

    private static DemoNode node;
    private static ApiClient admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startNode() {
        node = TestNodes.demoNode();
        admin = ApiClient.as(URI.create(node.portalUrl()), "admin@demo", "demo-admin");
    }

    @AfterEach
    void logEveryoneOut() throws Exception {
        Sipp.stopAll();
        for (int extension : new int[] {1001, 1006}) {
            admin.put("api/v1/agents/" + extension + "/state", "{\"state\":\"LOGGED_OUT\"}");
        }
    }

    @Test
    void inTheMenuKeyOneReachesSalesAndKeyTwoSupport() throws Exception {
        assertThat(menuCallWithKey("1", 1006, 5801)).isEqualTo("Sales");
        assertThat(menuCallWithKey("2", 1001, 5802)).isEqualTo("Support");
    }

    @Test
    void aCallerWhoPressesNothingTwiceIsQueuedForSupport() throws Exception {
        assertThat(menuCallWithKey(null, 1001, 5803)).isEqualTo("Support");
    }

    @Test
    void theRecordingOfABridgedCallHoldsExactlyWhatBothSidesSent() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        RtpCapture callerAudio = RtpCapture.noise(1, 150);
        RtpCapture agentAudio = RtpCapture.noise(2, 150);
        Path agentScenario = template("agent-talks.xml", Map.of("@PCAP@", agentAudio.write(sippFolder.resolve("agent.pcap"), PCMA).toString()));
        Path callerScenario = template("caller-talks.xml", Map.of("@PCAP@", callerAudio.write(sippFolder.resolve("caller.pcap"), PCMA).toString(),
                "@TALK_MS@", "4000"));
        sipp.registerAgent(1001, "demo-1001", 5804);
        Process phone = sipp.start(agentScenario, 5804, List.of("-m", "1", "-mp", "16200", "-timeout", "90s"));
        ready(1001);
        long before = lastRecordId();

        Sipp.Result caller = sipp.run(callerScenario, 5805, List.of("-s", HOTLINE, "-m", "1", "-mp", "16100", "-timeout", "90s"));

        assertThat(caller.exit()).as("caller: %s%n%s", caller.command(), sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
        String file = awaitColumn(before, "recording_file");
        byte[] wav = awaitCompleteFile("recordings", file);
        Channels recording = Channels.of(wav, 2);
        assertThat(recording.formatTag).as("A-law, as both phones spoke it").isEqualTo(6);
        assertThat(RtpCapture.indexOf(recording.channel(0), callerAudio.audio()))
                .as("the caller's 3 s of audio, byte for byte, in the left channel").isNotNegative();
        assertThat(RtpCapture.indexOf(recording.channel(1), agentAudio.audio()))
                .as("the agent's 3 s of audio, byte for byte, in the right channel").isNotNegative();
        double seconds = recording.frames() / 8000.0;
        assertThat(seconds).as("the recording lasts as long as the connected call (about 4 s)").isBetween(3.0, 6.0);
        String callId = awaitColumn(before, "r.call_id");
        HttpResponse<byte[]> viaPortal = http.send(HttpRequest.newBuilder(URI.create(node.portalUrl()).resolve("api/v1/calls/" + callId + "/recording"))
                .header("Authorization", basic("supervisor@demo", "demo-supervisor")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(viaPortal.statusCode()).as("the supervisor fetches the call's recording from the portal").isEqualTo(200);
        assertThat(viaPortal.body()).as("the same bytes as storage-service holds").isEqualTo(wav);
    }

    /**
     * Issue 16, RTP bleed: someone spraying the node's whole RTP range during a live call, from an
     * address that is not the call's, with audio and RFC 4733 key presses. The bridged call must not
     * carry, record or answer any of it, the node must count it, and the call carries on byte for byte.
     */
    @Test
    void rtpFromAForeignPortDuringALiveCallIsNeitherHeardNorAnsweredAndCounted() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        RtpCapture callerAudio = RtpCapture.noise(11, 150);
        RtpCapture agentAudio = RtpCapture.noise(12, 150);
        RtpCapture injected = RtpCapture.noise(13, INJECTED_FRAMES);
        Path agentScenario = template("agent-talks.xml", Map.of("@PCAP@", agentAudio.write(sippFolder.resolve("agent.pcap"), PCMA).toString()));
        Path callerScenario = template("caller-talks.xml", Map.of("@PCAP@", callerAudio.write(sippFolder.resolve("caller.pcap"), PCMA).toString(),
                "@TALK_MS@", "5000"));
        ApiClient sysadmin = ApiClient.as(URI.create(node.portalUrl()), "sysadmin", "system-admin");
        long lockedBefore = sysadmin.get("telephony/media").json().getJsonNumber("peersLocked").longValue();
        long foreignBefore = sysadmin.get("telephony/media").json().getJsonNumber("foreignPackets").longValue();
        double foreignMeterBefore = NodeMetrics.scrape(node).count("verbund_rtp_foreign_packets_total");
        sipp.registerAgent(1001, "demo-1001", 5808);
        Process phone = sipp.start(agentScenario, 5808, List.of("-m", "1", "-mp", "16400", "-timeout", "90s"));
        ready(1001);
        long before = lastRecordId();

        Process caller = sipp.start(callerScenario, 5809, List.of("-s", HOTLINE, "-m", "1", "-mp", "16500", "-timeout", "90s"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(sysadmin.get("telephony/media").json().getJsonNumber("peersLocked").longValue() - lockedBefore)
                        .as("both legs of the bridged call locked to their phones").isGreaterThanOrEqualTo(2));
        String[] range = node.ports().rtp().split("-");
        int lowest = Integer.parseInt(range[0]);
        int highest = Integer.parseInt(range[1]);
        byte[] audio = injected.audio();
        try (DatagramChannel attacker = DatagramChannel.open()) {
            attacker.bind(new InetSocketAddress("127.0.0.1", 0));
            // Sprayed over the whole range, as an attacker would: five audio packets and a key press at every RTP port.
            for (int round = 0; round < INJECTED_FRAMES; round++) {
                for (int port = lowest; port <= highest; port += 2) {
                    InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
                    attacker.send(rtp(PCMA, 3000 + round, 48_000 + 160L * round, 0x0BAD0000,
                            Arrays.copyOfRange(audio, round * 160, (round + 1) * 160)), target);
                    if (round == 0) {
                        // Key 5, start and end: a digit the flow or the agent would take.
                        attacker.send(rtp(101, 4000, 96_000, 0x0BAD0001, new byte[] {5, 0x0A, 0, (byte) 160}), target);
                        attacker.send(rtp(101, 4001, 96_000, 0x0BAD0001, new byte[] {5, (byte) 0x8A, 3, 32}), target);
                    }
                }
            }
            // The bridged call's two legs got INJECTED_FRAMES + 2 each.
            long expected = 2L * (INJECTED_FRAMES + 2);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(sysadmin.get("telephony/media").json().getJsonNumber("foreignPackets").longValue() - foreignBefore)
                            .as("foreign packets the node dropped: %s", sysadmin.get("telephony/media").json()).isGreaterThanOrEqualTo(expected));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(NodeMetrics.scrape(node).value("verbund_rtp_foreign_packets_total")
                            .orElseThrow(() -> new AssertionError("verbund_rtp_foreign_packets_total missing on " + NodeMetrics.address(node)))
                            - foreignMeterBefore).as("and counted on the node's /metrics").isGreaterThanOrEqualTo(expected));
            attacker.configureBlocking(false);
            ByteBuffer answer = ByteBuffer.allocate(2048);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                    .until(() -> attacker.receive(answer.clear()) == null);
        }

        assertThat(Sipp.await(caller, 60).exit()).as("caller: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
        String file = awaitColumn(before, "recording_file");
        Channels recording = Channels.of(awaitCompleteFile("recordings", file), 2);
        assertThat(RtpCapture.indexOf(recording.channel(0), callerAudio.audio())).as("the caller's audio, byte for byte, despite the spray").isNotNegative();
        assertThat(RtpCapture.indexOf(recording.channel(1), agentAudio.audio())).as("the agent's audio, byte for byte").isNotNegative();
        for (int i = 0; i < INJECTED_FRAMES; i++) {
            byte[] frame = Arrays.copyOfRange(audio, i * 160, (i + 1) * 160);
            assertThat(RtpCapture.indexOf(recording.channel(0), frame)).as("injected frame %d not heard from the caller's side", i).isNegative();
            assertThat(RtpCapture.indexOf(recording.channel(1), frame)).as("injected frame %d not heard from the agent's side", i).isNegative();
        }
    }

    private static ByteBuffer rtp(int payloadType, int sequence, long timestamp, int ssrc, byte[] payload) {
        ByteBuffer packet = ByteBuffer.allocate(12 + payload.length);
        packet.put((byte) 0x80).put((byte) payloadType).putShort((short) sequence).putInt((int) timestamp).putInt(ssrc).put(payload);
        return packet.flip();
    }

    @Test
    void theClosedFlowTakesAVoicemailThatAppearsInStorage() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        RtpCapture message = RtpCapture.noise(3, 100);
        Path scenario = template("caller-talks.xml", Map.of("@PCAP@", message.write(sippFolder.resolve("message.pcap"), PCMA).toString(),
                "@TALK_MS@", "3000"));
        long before = lastRecordId();

        Sipp.Result caller = sipp.run(scenario, 5806, List.of("-s", CLOSED, "-m", "1", "-mp", "16300", "-timeout", "90s"));

        assertThat(caller.exit()).as("caller: %s%n%s", caller.command(), sipp.errorLogs()).isZero();
        String file = awaitColumn(before, "voicemail_file");
        Channels voicemail = Channels.of(awaitCompleteFile("voicemail", file), 1);
        assertThat(RtpCapture.indexOf(voicemail.channel(0), message.audio())).as("the caller's 2 s message, byte for byte").isNotNegative();
        assertThat(outcome(before)).isEqualTo("VOICEMAIL");
    }

    /**
     * SRTP (SDES) end to end: a caller over SIP/TLS offers RTP/SAVP with a crypto line; the node
     * answers with its own key, the welcome prompt reaches the caller encrypted (the bytes on the
     * wire are not the prompt, decrypted with the node's key they are), the caller's SRTP is taken
     * (the leg locks to it), and a forged and a replayed packet are dropped and counted.
     */
    @Test
    void aCallerOfferingSrtpOverTlsHearsThePromptEncryptedAndForgedOrReplayedPacketsAreDropped() throws Exception {
        ApiClient sysadmin = ApiClient.as(URI.create(node.portalUrl()), "sysadmin", "system-admin");
        long lockedBefore = sysadmin.get("telephony/media").json().getJsonNumber("peersLocked").longValue();
        long rejectedBefore = sysadmin.get("telephony/media").json().getJsonNumber("srtpRejected").longValue();
        byte[] callerKey = new byte[30];
        new java.security.SecureRandom().nextBytes(callerKey);
        SipTransport.trust(node.wildfly().certificate().trustingOnlyThis());
        try (DatagramChannel rtp = DatagramChannel.open();
             SipTransport.Connection sip = SipTransport.TLS.connect(new InetSocketAddress("127.0.0.1", node.ports().sipTls()))) {
            rtp.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) rtp.getLocalAddress()).getPort();
            String id = "srtp-" + System.nanoTime();
            String target = "sip:" + HOTLINE + "@127.0.0.1:" + node.ports().sipTls();
            String via = "Via: SIP/2.0/TLS " + sip.local() + ";branch=z9hG4bK-" + id + "\r\n";
            String dialog = "From: <sip:+49301234567@127.0.0.1>;tag=" + id + "\r\nTo: <" + target + ">\r\nCall-ID: " + id + "\r\n";
            String sdp = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + port + " RTP/SAVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                    + "a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:" + Base64.getEncoder().encodeToString(callerKey) + "\r\n";
            sip.send(("INVITE " + target + " SIP/2.0\r\n" + via + dialog + "CSeq: 1 INVITE\r\nContact: <sip:caller@" + sip.local()
                    + ";transport=tls>\r\nMax-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp)
                    .getBytes(StandardCharsets.US_ASCII));

            String early = sip.response(id, status -> status == 183 || status >= 200, Duration.ofSeconds(20)).orElseThrow();
            assertThat(SipTransport.status(early)).as(early).isEqualTo(183);
            java.util.regex.Matcher crypto = java.util.regex.Pattern.compile("a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:([A-Za-z0-9+/=]+)\r\n").matcher(early);
            java.util.regex.Matcher media = java.util.regex.Pattern.compile("m=audio (\\d+) RTP/SAVP 0").matcher(early);
            assertThat(crypto.find()).as("answered with our tag and suite: %s", early).isTrue();
            assertThat(media.find()).as(early).isTrue();
            byte[] nodeKey = Base64.getDecoder().decode(crypto.group(1));
            assertThat(nodeKey).as("the node's own key").hasSize(30).isNotEqualTo(callerKey);
            InetSocketAddress nodeRtp = new InetSocketAddress("127.0.0.1", Integer.parseInt(media.group(1)));

            // What the caller hears: four seconds of the node's packets, as they came and decrypted.
            SrtpPeer fromNode = new SrtpPeer(nodeKey);
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            ByteArrayOutputStream heard = new ByteArrayOutputStream();
            rtp.socket().setSoTimeout(1000);
            java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[2048], 2048);
            long deadline = System.nanoTime() + 4_000_000_000L;
            int packets = 0;
            while (System.nanoTime() < deadline) {
                rtp.socket().receive(packet);
                byte[] received = Arrays.copyOf(packet.getData(), packet.getLength());
                assertThat(received.length).as("12 bytes of header, 160 of audio, an 80-bit tag").isEqualTo(182);
                wire.write(received, 12, 160);
                byte[] clear = fromNode.unprotect(received);
                assertThat(clear).as("packet %d opens with the node's key", packets).isNotNull();
                heard.write(clear, 12, 160);
                packets++;
            }
            byte[] welcome = promptStart("welcome");
            assertThat(packets).as("packets in 4 s").isGreaterThan(150);
            assertThat(RtpCapture.indexOf(heard.toByteArray(), welcome)).as("decrypted, the caller hears the welcome prompt").isNotNegative();
            assertThat(RtpCapture.indexOf(wire.toByteArray(), Arrays.copyOf(welcome, 160))).as("no prompt audio in clear on the wire").isNegative();

            // What the caller sends: SRTP under its own key. The leg locks to it only once a packet authenticates.
            SrtpPeer toNode = new SrtpPeer(callerKey);
            byte[] silence = new byte[160];
            Arrays.fill(silence, (byte) 0xFF);
            byte[] last = null;
            for (int i = 0; i < 5; i++) {
                ByteBuffer clear = rtp(0, 9000 + i, 160L * i, 0x5EC0E7, silence);
                last = toNode.protect(Arrays.copyOf(clear.array(), clear.limit()));
                rtp.send(ByteBuffer.wrap(last), nodeRtp);
            }
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(sysadmin.get("telephony/media").json().getJsonNumber("peersLocked").longValue() - lockedBefore)
                            .as("the caller's leg took its SRTP").isGreaterThanOrEqualTo(1));
            byte[] forged = toNode.protect(Arrays.copyOf(rtp(0, 9005, 800, 0x5EC0E7, silence).array(), 172));
            forged[40] ^= 0x01;
            rtp.send(ByteBuffer.wrap(forged), nodeRtp);
            rtp.send(ByteBuffer.wrap(last), nodeRtp);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(sysadmin.get("telephony/media").json().getJsonNumber("srtpRejected").longValue() - rejectedBefore)
                            .as("the altered and the replayed packet").isEqualTo(2));

            sip.send(("CANCEL " + target + " SIP/2.0\r\n" + via + dialog + "CSeq: 1 CANCEL\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String cancelled = sip.response(id, status -> status == 487, Duration.ofSeconds(10)).orElseThrow();
            java.util.regex.Matcher to = java.util.regex.Pattern.compile("(?m)^To: ([^\r\n]*)").matcher(cancelled);
            assertThat(to.find()).as(cancelled).isTrue();
            sip.send(("ACK " + target + " SIP/2.0\r\n" + via + "From: <sip:+49301234567@127.0.0.1>;tag=" + id + "\r\nTo: " + to.group(1)
                    + "\r\nCall-ID: " + id + "\r\nCSeq: 1 ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aWaitingCallerHearsTheWelcomeTheNoticeItsPlaceAndMusicAtAPacketEvery20Milliseconds() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        try (DatagramChannel rtp = DatagramChannel.open()) {
            rtp.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) rtp.getLocalAddress()).getPort();
            Process caller = sipp.start(Sipp.scenario("caller-listens.xml"), 5807,
                    List.of("-s", HOTLINE, "-m", "1", "-d", "25000", "-key", "rtpport", Integer.toString(port), "-timeout", "60s"));

            rtp.configureBlocking(false);
            ByteBuffer packet = ByteBuffer.allocate(2048);
            ByteArrayOutputStream heard = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + 25_000_000_000L;
            // What the caller hears first: the welcome prompt, then the queue. Sixteen seconds of it (the estimated wait may come before the music,
            // once the node has seen a call of the group handled).
            while (heard.size() < 16 * 8000 && System.nanoTime() < deadline) {
                if (rtp.receive(packet.clear()) != null) {
                    packet.flip();
                    heard.write(packet.array(), 12, packet.remaining() - 12);
                } else {
                    Thread.sleep(1);
                }
            }
            byte[] audio = heard.toByteArray();
            int welcome = RtpCapture.indexOf(audio, promptStart("welcome"));
            int notice = RtpCapture.indexOf(audio, promptStart("recording-notice"));
            int place = RtpCapture.indexOf(audio, promptStart("you-are-caller-number"));
            int first = RtpCapture.indexOf(audio, promptStart("number-1"));
            int music = RtpCapture.indexOf(audio, promptStart("music-on-hold"));
            assertThat(welcome).as("the caller hears the demo tenant's (German) welcome prompt, byte for byte").isNotNegative();
            assertThat(notice).as("then, Support recording, the recording notice").isGreaterThan(welcome);
            assertThat(place).as("then its place in the queue").isGreaterThan(notice);
            assertThat(first).as("\"number one\": it is alone in the queue").isGreaterThan(place);
            assertThat(music).as("then music on hold").isGreaterThan(first);
            List<long[]> seen = new ArrayList<>();
            while (rtp.receive(packet.clear()) != null) {
                // Drain what queued up meanwhile.
            }
            long start = System.nanoTime();
            while (System.nanoTime() - start < 3_000_000_000L) {
                if (rtp.receive(packet.clear()) != null) {
                    packet.flip();
                    seen.add(new long[] {System.nanoTime(), packet.getShort(2) & 0xFFFF, packet.getInt(4) & 0xFFFFFFFFL, packet.remaining()});
                } else {
                    Thread.onSpinWait();
                }
            }
            assertThat(seen.size()).as("packets in 3 s at 50 a second").isBetween(140, 160);
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i)[1]).as("sequence numbers run on").isEqualTo((seen.get(i - 1)[1] + 1) & 0xFFFF);
                assertThat(seen.get(i)[2] - seen.get(i - 1)[2]).as("timestamps advance by 160 samples").isEqualTo(160);
                assertThat(seen.get(i)[3]).as("12 bytes of header and 160 of audio").isEqualTo(172);
            }
            ApiClient telephony = ApiClient.as(URI.create(node.portalUrl()), "sysadmin", "system-admin");
            ApiClient.Answer figures = telephony.get("telephony/media");
            assertThat(figures.status()).as(figures.toString()).isEqualTo(200);
            assertThat(figures.json().getInt("openLegs")).as("the waiting caller's leg").isGreaterThanOrEqualTo(1);
            assertThat(figures.json().getJsonObject("sendIntervalDeviationMillis").getJsonNumber("p99")).isNotNull();
            assertThat(admin.get("telephony/media").status()).as("a tenant admin does not see the node's figures").isEqualTo(403);
            assertThat(Sipp.await(caller, 30).exit()).as(sipp.errorLogs()).isZero();
        }
    }

    /** The first 200 ms of a system prompt as the node sends it to a PCMU caller. */
    static byte[] promptStart(String name) throws IOException {
        byte[] samples = Channels.of(Files.readAllBytes(TestNodes.repository()
                .resolve("telephony-server/src/main/resources/prompts/de/" + name + ".wav")), 1).channel(0);
        return Arrays.copyOf(samples, 1600);
    }

    /** One caller in the Menu, pressing {@code key} (or nothing), answered by the agent; the group it was queued in. */
    private String menuCallWithKey(String key, int extension, int port) throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        String scenario = Files.readString(Sipp.scenario("caller-menu.xml"));
        if (key == null) {
            scenario = scenario.replaceAll("(?s)<!--DTMF-->.*<!--/DTMF-->", "");
        } else {
            scenario = scenario.replace("@DTMF_PCAP@", "/usr/share/sip-tester/dtmf_2833_" + key + ".pcap").replace("@DELAY_MS@", "1000");
        }
        Path file = sippFolder.resolve("caller-menu-" + port + ".xml");
        Files.writeString(file, scenario);
        sipp.registerAgent(extension, "demo-" + extension, port);
        Process phone = sipp.start(Sipp.scenario("agent-answer.xml"), port, List.of("-m", "1", "-d", "200", "-mp", "17000", "-timeout", "90s"));
        ready(extension);
        long before = lastRecordId();

        Sipp.Result caller = sipp.run(file, port + 100, List.of("-s", MENU, "-m", "1", "-d", "500", "-mp", "17100", "-timeout", "90s"));

        assertThat(caller.exit()).as("caller: %s%n%s", caller.command(), sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
        return awaitColumn(before, "(SELECT g.name FROM acd_group g WHERE g.id = r.group_id)");
    }

    private void ready(int extension) {
        ApiClient.Answer answer = admin.put("api/v1/agents/" + extension + "/state", "{\"state\":\"READY\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private Path template(String name, Map<String, String> values) throws IOException {
        return Sipp.template(name, values, sippFolder);
    }

    /** The file once storage-service says it is complete (the recorder finishes it after the call). */
    private byte[] awaitCompleteFile(String category, String name) throws Exception {
        URI uri = URI.create(node.portalUrl()).resolve("/storage/api/v1/tenants/demo/files/" + category + "/" + name);
        Instant deadline = Instant.now().plusSeconds(20);
        HttpResponse<byte[]> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = http.send(HttpRequest.newBuilder(uri).header("Authorization", basic("admin@demo", "demo-admin")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (last.statusCode() == 200 && "true".equals(last.headers().firstValue("X-File-Complete").orElse(""))) {
                return last.body();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(category + "/" + name + " not complete in storage within 20 s; last answer "
                + (last == null ? "none" : last.statusCode() + " " + last.headers().map()));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static long lastRecordId() throws Exception {
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM call_record");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String outcome(long afterId) throws Exception {
        return awaitColumn(afterId, "r.outcome");
    }

    /** A column of the first finished call record after {@code afterId}, once it is written. */
    private static String awaitColumn(long afterId, String column) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                    "SELECT " + column + " FROM call_record r WHERE r.id > ? AND r.outcome IS NOT NULL ORDER BY r.id LIMIT 1")) {
                query.setLong(1, afterId);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next() && rows.getString(1) != null) {
                        return rows.getString(1);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no finished call record with " + column + " after id " + afterId + " within 20 s");
    }

    /** The samples of an 8-bit WAV, read here rather than with the recorder's own reader. */
    record Channels(int formatTag, int channels, byte[] data) {

        static Channels of(byte[] wav, int expectedChannels) {
            ByteBuffer file = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
            int position = 12;
            int tag = -1;
            int channels = -1;
            while (position + 8 <= wav.length) {
                String id = new String(wav, position, 4, StandardCharsets.US_ASCII);
                int size = file.getInt(position + 4);
                if (id.equals("fmt ")) {
                    tag = file.getShort(position + 8);
                    channels = file.getShort(position + 10);
                    assertThat(file.getInt(position + 12)).as("sample rate").isEqualTo(8000);
                    assertThat(file.getShort(position + 22)).as("bits per sample").isEqualTo((short) 8);
                } else if (id.equals("data")) {
                    assertThat(channels).as("channels").isEqualTo(expectedChannels);
                    int length = Math.min(size, wav.length - position - 8);
                    byte[] data = new byte[length];
                    System.arraycopy(wav, position + 8, data, 0, length);
                    return new Channels(tag, channels, data);
                }
                position += 8 + size + (size & 1);
            }
            throw new AssertionError("no data chunk in the WAV");
        }

        int frames() {
            return data.length / channels;
        }

        byte[] channel(int index) {
            byte[] samples = new byte[frames()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = data[i * channels + index];
            }
            return samples;
        }
    }
}
