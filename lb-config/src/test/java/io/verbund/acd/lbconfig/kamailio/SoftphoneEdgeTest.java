package io.verbund.acd.lbconfig.kamailio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.verbund.acd.lbconfig.TestCertificate;
import io.verbund.acd.lbconfig.validation.ToolCheck;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The softphone edge's Kamailio script, run for real with a UDP socket of the test as the node: what
 * it lets through from a browser's WebSocket and what it refuses.
 */
class SoftphoneEdgeTest {

    private static final String PORTAL = "http://127.0.0.1:8080";

    @TempDir
    Path dir;

    private Process kamailio;
    private DatagramSocket node;
    private int webSocketPort;
    private int edgeSipPort;

    @BeforeEach
    void start() throws Exception {
        Path tool = ToolCheck.locate("kamailio").orElse(null);
        assumeTrue(tool != null, "kamailio is not installed");
        node = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int secureWebSocketPort;
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             DatagramSocket c = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            webSocketPort = a.getLocalPort();
            secureWebSocketPort = b.getLocalPort();
            edgeSipPort = c.getLocalPort();
        }
        Path tls = dir.resolve("tls.cfg");
        Files.writeString(tls, SoftphoneEdgeConfig.tlsCfg(TestCertificate.pem(dir.resolve("certificate"))));
        SoftphoneEdgeConfig.Edge edge = new SoftphoneEdgeConfig.Edge("127.0.0.1", webSocketPort, secureWebSocketPort, edgeSipPort,
                "127.0.0.1:" + node.getLocalPort(), List.of("127.0.0.1:" + node.getLocalPort()), "127.0.0.1:1", tls, List.of(PORTAL), dir.resolve("kamailio_ctl"));
        Path cfg = Files.writeString(dir.resolve("kamailio.cfg"), SoftphoneEdgeConfig.kamailioCfg(edge));
        Process check = new ProcessBuilder(tool.toString(), "-c", "-f", cfg.toString()).redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0).as("kamailio -c: %s", checked).isTrue();
        kamailio = new ProcessBuilder(tool.toString(), "-DD", "-E", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("kamailio.log").toFile()).start();
        await("kamailio listens on the WebSocket port").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(kamailio.isAlive()).as("kamailio runs: %s", Files.readString(dir.resolve("kamailio.log"))).isTrue();
            return listens(webSocketPort);
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (kamailio != null) {
            kamailio.destroy();
            kamailio.waitFor();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aBrowsersRegisterReachesTheNodeWithAPathBackToItsConnectionAndTheAnswerGoesBack() throws Exception {
        Browser browser = Browser.connect(webSocketPort, PORTAL);
        browser.send(register());

        DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
        node.setSoTimeout(5000);
        node.receive(packet);
        String atNode = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
        assertThat(atNode).startsWith("REGISTER sip:127.0.0.1 SIP/2.0");
        assertThat(header(atNode, "Path")).as(atNode).contains("sip:127.0.0.1:" + edgeSipPort).contains(";lr")
                .contains("received=").contains("transport%3Dws");

        byte[] ok = answer(atNode, "200 OK").getBytes(StandardCharsets.US_ASCII);
        node.send(new DatagramPacket(ok, ok.length, packet.getSocketAddress()));
        assertThat(browser.next()).startsWith("SIP/2.0 200 OK");
        browser.close();
    }

    @Test
    void aBrowserCannotStartACallAndAForeignPageCannotConnect() throws Exception {
        Browser browser = Browser.connect(webSocketPort, PORTAL);
        browser.send(invite());
        assertThat(browser.next()).startsWith("SIP/2.0 403 Calls are placed from the agent desktop");
        browser.close();

        assertThatThrownBy(() -> Browser.connect(webSocketPort, "https://evil.example.com"))
                .as("a page of another origin").hasStackTraceContaining("403");
    }

    @Test
    void onItsUdpSideOnlyTheNodeIsHeard() throws Exception {
        try (DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            byte[] request = ("OPTIONS sip:127.0.0.1:" + edgeSipPort + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + stranger.getLocalPort() + ";branch=z9hG4bK-stranger\r\n"
                    + "From: <sip:x@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: stranger-1\r\nCSeq: 1 OPTIONS\r\n"
                    + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            stranger.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), edgeSipPort));
            DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            stranger.setSoTimeout(5000);
            stranger.receive(answer);
            assertThat(new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII))
                    .startsWith("SIP/2.0 403 Only the node and browsers");
        }
    }

    private static String register() {
        return "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/WS k7q2x9.invalid;branch=z9hG4bK-reg-1\r\n"
                + "Max-Forwards: 69\r\n"
                + "To: <sip:1004@127.0.0.1>\r\n"
                + "From: <sip:1004@127.0.0.1>;tag=browser1\r\n"
                + "Call-ID: softphone-register-1\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:p4x8@k7q2x9.invalid;transport=ws>;expires=300\r\n"
                + "Supported: path,outbound\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String invite() {
        return "INVITE sip:+4930123456@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/WS k7q2x9.invalid;branch=z9hG4bK-inv-1\r\n"
                + "Max-Forwards: 69\r\n"
                + "To: <sip:+4930123456@127.0.0.1>\r\n"
                + "From: <sip:1004@127.0.0.1>;tag=browser2\r\n"
                + "Call-ID: softphone-invite-1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:p4x8@k7q2x9.invalid;transport=ws>\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** A response to {@code request} with its Via, From, To, Call-ID and CSeq, as the node would send it. */
    private static String answer(String request, String status) {
        StringBuilder response = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        for (String line : request.split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim() : "";
            if (List.of("Via", "v", "From", "f", "To", "t", "Call-ID", "i", "CSeq", "Path").contains(name)) {
                response.append(name.equals("To") ? line + ";tag=node1" : line).append("\r\n");
            }
        }
        return response.append("Content-Length: 0\r\n\r\n").toString();
    }

    private static String header(String message, String name) {
        return message.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1)).findFirst().orElse("");
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A browser's SIP WebSocket (subprotocol {@code sip}), opened from a page of {@code origin}. */
    private static final class Browser implements WebSocket.Listener {

        private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Browser connect(int port, String origin) {
            Browser browser = new Browser();
            browser.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("sip").header("Origin", origin)
                    .connectTimeout(Duration.ofSeconds(5)).buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), browser).join();
            return browser;
        }

        void send(String message) {
            socket.sendText(message, true).join();
        }

        String next() throws InterruptedException, SocketTimeoutException {
            String message = received.poll(5, TimeUnit.SECONDS);
            if (message == null) {
                throw new SocketTimeoutException("nothing from the edge within 5 s");
            }
            return message;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
