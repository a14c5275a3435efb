package io.verbund.acd.lbconfig.kamailio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.verbund.acd.lbconfig.LocalTopology;
import io.verbund.acd.lbconfig.TestCertificate;
import io.verbund.acd.lbconfig.output.GenerationSettings;
import io.verbund.acd.lbconfig.output.ReplicationPassword;
import io.verbund.acd.lbconfig.validation.ToolCheck;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Kamailio, run for real in front of two stand-in telephony nodes (UDP sockets that
 * answer Kamailio's OPTIONS probes and every request): an in-dialog request for a node that went
 * silent reaches the other node, first after the silent node's short timer, then (once probing marked
 * it down) at once; a request for anyone outside the node set goes where its Request-URI says.
 */
class InDialogFailoverTest {

    @TempDir
    Path dir;

    private Process kamailio;
    private int port;
    private StandInNode silent;
    private StandInNode live;

    @BeforeEach
    void start() throws Exception {
        Path tool = ToolCheck.locate("kamailio").orElse(null);
        assumeTrue(tool != null, "kamailio is not installed");
        silent = new StandInNode();
        live = new StandInNode();
        GenerationSettings settings = new GenerationSettings(dir, dir, dir, ReplicationPassword.generatedFor(Path.of("/nonexistent")),
                dir.resolve("tls"), TestCertificate.pem(dir.resolve("tls")));
        for (var file : new KamailioConfig().generate(LocalTopology.local(), settings)) {
            Files.createDirectories(dir.resolve(file.path()).getParent());
            Files.writeString(dir.resolve(file.path()), file.content());
        }
        int tlsPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             ServerSocket tlsProbe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
            tlsPort = tlsProbe.getLocalPort();
        }
        Path cfg = dir.resolve(KamailioConfig.CONFIG_PATH);
        Files.writeString(cfg, Files.readString(cfg).replaceAll("(?m)^listen=(udp|tcp):\\S+$", "listen=$1:127.0.0.1:" + port)
                .replaceAll("(?m)^listen=tls:\\S+$", "listen=tls:127.0.0.1:" + tlsPort));
        // local.yaml's node-a and node-b (SIP at 5060 + their offsets) are the stand-ins here.
        Path list = dir.resolve(KamailioConfig.DISPATCHER_PATH);
        Files.writeString(list, Files.readString(list).replace("sip:127.0.0.1:5160", "sip:127.0.0.1:" + silent.port())
                .replace("sip:127.0.0.1:5260", "sip:127.0.0.1:" + live.port()));
        kamailio = new ProcessBuilder(tool.toString(), "-DD", "-E", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("kamailio.log").toFile()).start();
        await("both stand-in nodes probed").atMost(Duration.ofSeconds(30))
                .until(() -> silent.received("OPTIONS") > 0 && live.received("OPTIONS") > 0);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (kamailio != null) {
            kamailio.destroy();
            kamailio.waitFor();
        }
        if (silent != null) {
            silent.close();
            live.close();
        }
    }

    @Test
    void aByeForANodeThatFellSilentReachesTheLiveNodeAfterTheShortTimerThenAtOnceOnceItIsMarkedDown() throws Exception {
        silent.fallSilent();

        try (DatagramSocket caller = socket()) {
            String first = exchange(caller, bye(caller, "sip:acd@127.0.0.1:" + silent.port(), "hangup-1"));
            assertThat(first).as("the caller's answer").startsWith("SIP/2.0 200 OK").contains("hangup-1");
            assertThat(silent.requests()).as("tried first: probing had not marked the node down yet")
                    .anyMatch(request -> request.startsWith("BYE ") && request.contains("hangup-1"));
            assertThat(live.requests()).as("then the live node, the Request-URI still naming the silent one")
                    .anyMatch(request -> request.startsWith("BYE sip:acd@127.0.0.1:" + silent.port() + " ") && request.contains("hangup-1"));

            // Once probing (or that failover) marked the node down, requests go to the live node straight away.
            AtomicInteger attempt = new AtomicInteger(1);
            await("a BYE that skips the silent node").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                String id = "hangup-" + attempt.incrementAndGet();
                assertThat(exchange(caller, bye(caller, "sip:acd@127.0.0.1:" + silent.port(), id))).startsWith("SIP/2.0 200 OK").contains(id);
                assertThat(live.requests()).anyMatch(request -> request.startsWith("BYE ") && request.contains(id));
                assertThat(silent.requests()).noneMatch(request -> request.contains(id));
            });
        }
    }

    @Test
    void aByeForTheCallerSideGoesWhereItsRequestUriSaysNotToANode() throws Exception {
        try (StandInNode phone = new StandInNode(); DatagramSocket node = socket()) {
            String answer = exchange(node, bye(node, "sip:+4930123@127.0.0.1:" + phone.port(), "node-hangup"));

            assertThat(answer).startsWith("SIP/2.0 200 OK");
            assertThat(phone.requests()).anyMatch(request -> request.startsWith("BYE ") && request.contains("node-hangup"));
            assertThat(silent.requests()).noneMatch(request -> request.contains("node-hangup"));
            assertThat(live.requests()).noneMatch(request -> request.contains("node-hangup"));
        }
    }

    /** An in-dialog BYE through Kamailio: its Route is Kamailio's Record-Route entry, its Request-URI the far end's Contact. */
    private String bye(DatagramSocket from, String target, String id) {
        int local = from.getLocalPort();
        return "BYE " + target + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK-" + id + "\r\n"
                + "Route: <sip:127.0.0.1:" + port + ";lr>\r\n"
                + "From: <sip:+4930123@127.0.0.1>;tag=caller-" + id + "\r\nTo: <sip:+4930500100@127.0.0.1>;tag=node-" + id + "\r\n"
                + "Call-ID: " + id + "@127.0.0.1\r\nCSeq: 2 BYE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }

    private static DatagramSocket socket() throws IOException {
        return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** Sends once (Kamailio's transaction retransmits onwards) and returns the final answer. */
    private String exchange(DatagramSocket socket, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
        socket.setSoTimeout((KamailioConfig.IN_DIALOG_TIMEOUT_MS + KamailioConfig.SURVIVOR_TIMEOUT_MS) * 2);
        while (true) {
            DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no final answer: " + Files.readString(dir.resolve("kamailio.log")));
            }
            String answer = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
            if (!answer.startsWith("SIP/2.0 1")) {
                return answer;
            }
        }
    }

    /** A telephony node as Kamailio sees it: answers every request 200 until it falls silent; keeps what it received. */
    private static final class StandInNode implements AutoCloseable {

        private static final Pattern HEADER = Pattern.compile("(?im)^(via|from|to|call-id|cseq):.*$");

        private final DatagramSocket socket = socket();
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private volatile boolean answering = true;
        private final Thread answerer = new Thread(this::answer, "stand-in node");

        StandInNode() throws IOException {
            answerer.setDaemon(true);
            answerer.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        void fallSilent() {
            answering = false;
        }

        List<String> requests() {
            return requests;
        }

        long received(String method) {
            return requests.stream().filter(request -> request.startsWith(method + " ")).count();
        }

        private void answer() {
            byte[] buffer = new byte[65536];
            try {
                while (true) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    String request = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
                    requests.add(request);
                    if (answering && !request.startsWith("SIP/") && !request.startsWith("ACK ")) {
                        byte[] ok = ok(request).getBytes(StandardCharsets.US_ASCII);
                        socket.send(new DatagramPacket(ok, ok.length, packet.getSocketAddress()));
                    }
                }
            } catch (SocketException closed) {
                // closed by the test
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** 200 OK with the request's Via, From, To, Call-ID and CSeq (every Via, in order, as RFC 3261 8.2.6.2 wants). */
        private static String ok(String request) {
            StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
            Matcher header = HEADER.matcher(request);
            while (header.find()) {
                ok.append(header.group().strip()).append("\r\n");
            }
            return ok.append("Content-Length: 0\r\n\r\n").toString();
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
