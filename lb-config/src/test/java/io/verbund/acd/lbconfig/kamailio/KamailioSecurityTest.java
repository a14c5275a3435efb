package io.verbund.acd.lbconfig.kamailio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.verbund.acd.lbconfig.LocalTopology;
import io.verbund.acd.lbconfig.TestCertificate;
import io.verbund.acd.lbconfig.output.GenerationSettings;
import io.verbund.acd.lbconfig.output.ReplicationPassword;
import io.verbund.acd.lbconfig.topology.Topology;
import io.verbund.acd.lbconfig.validation.ToolCheck;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.KeyStore;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Kamailio in front of the cluster, started for real: who may start calls (the
 * topology's trunk sources and the cluster's own hosts) and the flood limit for everyone else, over
 * UDP and over SIP over TLS, which ends here with TLS 1.2 or later and the certificate it was given.
 */
class KamailioSecurityTest {

    /** The README topology moved off loopback, with two carrier sources: 127.0.0.1 is then a stranger. */
    private static final String WITH_TRUNKS = LocalTopology.yaml()
            .replace("virtualIp: 127.0.0.1", "virtualIp: 10.0.0.100")
            .replace("{name: node-a, host: 127.0.0.1", "{name: node-a, host: 10.0.0.11")
            .replace("{name: node-b, host: 127.0.0.1", "{name: node-b, host: 10.0.0.12")
            .replace("{name: lb1, host: 127.0.0.1}", "{name: lb1, host: 10.0.0.1}")
            .replace("{name: lb2, host: 127.0.0.1}", "{name: lb2, host: 10.0.0.2}")
            + "sipSecurity:\n  trunkSources: [192.0.2.0/24, 198.51.100.7]\n  floodRequests: 10\n";

    @TempDir
    Path dir;

    private Process kamailio;
    private int port;
    private int tlsPort;
    private Path certificate;

    @AfterEach
    void stop() throws InterruptedException {
        if (kamailio != null) {
            kamailio.destroy();
            kamailio.waitFor();
        }
    }

    @Test
    void theTrunkSourcesAndTheClustersHostsAreTrustedEachAsASubnet() {
        String cfg = config(LocalTopology.parse(WITH_TRUNKS));

        assertThat(cfg).contains("is_in_subnet(\"$si\", \"192.0.2.0/24,198.51.100.7/32,10.0.0.100/32,10.0.0.11/32,10.0.0.12/32,10.0.0.1/32,10.0.0.2/32\")",
                "loadmodule \"pike.so\"", "modparam(\"pike\", \"reqs_density_per_unit\", 10)", "modparam(\"pike\", \"sampling_time_unit\", 2)",
                "if (is_method(\"INVITE\") && $var(trunk) == 0) {", "sl_send_reply(\"403\", \"Not a trunk source\");");
        assertThat(config(LocalTopology.local())).as("the default: the cluster's own hosts only, 40 requests per 2 s")
                .contains("is_in_subnet(\"$si\", \"127.0.0.1/32\")", "modparam(\"pike\", \"reqs_density_per_unit\", 40)");
    }

    @Test
    void anInviteFromAnywhereButTheTrunkGets403AndAFloodFromThereIsDropped() throws Exception {
        start(LocalTopology.parse(WITH_TRUNKS));

        try (DatagramSocket socket = socket()) {
            assertThat(exchange(socket, invite(socket, "call-1"))).startsWith("SIP/2.0 403 Not a trunk source");
            int answered = 0;
            for (int i = 0; i < 60; i++) {
                send(socket, options(socket, "flood-" + i));
            }
            while (receive(socket, 500) != null) {
                answered++;
            }
            assertThat(answered).as("answers to 60 requests in a burst, 10 allowed per 2 s").isBetween(1, 30);
        }
    }

    @Test
    void theClustersOwnHostsAreNotFloodLimited() throws Exception {
        start(LocalTopology.local());

        try (DatagramSocket socket = socket()) {
            for (int i = 0; i < 60; i++) {
                send(socket, options(socket, "burst-" + i));
            }
            int answered = 0;
            while (receive(socket, 500) != null) {
                answered++;
            }
            assertThat(answered).as("127.0.0.1 is the cluster's host here: every keep-alive answered").isEqualTo(60);
        }
    }

    @Test
    void sipOverTlsPresentsTheGivenCertificateAndAnswersOnTls12OrLater() throws Exception {
        start(LocalTopology.local());

        try (SSLSocket tls = tls()) {
            assertThat(tls.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(tls.getSession().getPeerCertificates()[0]).isEqualTo(TestCertificate.x509(certificate));
            assertThat(exchange(tls, request("OPTIONS", "sip:127.0.0.1:" + tlsPort, "TLS", tls.getLocalPort(), "tls-keepalive")))
                    .startsWith("SIP/2.0 200 OK");
        }
    }

    @Test
    void aTls11ClientIsRefusedWithAProtocolVersionAlert() throws Exception {
        start(LocalTopology.local());

        // The client side allows TLS 1.1 (security level 0), so the refusal is the server's.
        Process client = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + tlsPort, "-tls1_1",
                "-cipher", "DEFAULT:@SECLEVEL=0").redirectErrorStream(true).start();
        client.getOutputStream().close();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(client.exitValue()).as(output).isNotZero();
        assertThat(output).contains("alert protocol version");
    }

    @Test
    void overTlsToAnInviteFromAnywhereButTheTrunkGets403AndAFloodIsDropped() throws Exception {
        start(LocalTopology.parse(WITH_TRUNKS));

        try (SSLSocket tls = tls()) {
            assertThat(exchange(tls, request("INVITE", "sip:+4930500100@127.0.0.1:" + tlsPort, "TLS", tls.getLocalPort(), "tls-call")))
                    .startsWith("SIP/2.0 403 Not a trunk source");
            for (int i = 0; i < 60; i++) {
                tls.getOutputStream().write(request("OPTIONS", "sip:127.0.0.1:" + tlsPort, "TLS", tls.getLocalPort(), "tls-flood-" + i)
                        .getBytes(StandardCharsets.US_ASCII));
            }
            tls.getOutputStream().flush();
            int answered = 0;
            while (read(tls, 500) != null) {
                answered++;
            }
            assertThat(answered).as("answers over TLS to 60 requests in a burst, 10 allowed per 2 s").isBetween(1, 30);
        }
    }

    private static String config(Topology topology) {
        GenerationSettings settings = new GenerationSettings(Path.of("/etc/verbund/generated"), Path.of("/run/verbund"),
                Path.of("/var/lib/verbund/mariadb"), ReplicationPassword.generatedFor(Path.of("/nonexistent")));
        return new KamailioConfig().generate(topology, settings).stream()
                .filter(file -> file.path().toString().equals(KamailioConfig.CONFIG_PATH)).findFirst().orElseThrow().content();
    }

    /** Kamailio with the generated script and dispatcher list, on a free loopback port; answers before the test goes on. */
    private void start(Topology topology) throws Exception {
        Path tool = ToolCheck.locate("kamailio").orElse(null);
        assumeTrue(tool != null, "kamailio is not installed");
        certificate = TestCertificate.pem(dir.resolve("tls"));
        GenerationSettings settings = new GenerationSettings(dir, dir, dir, ReplicationPassword.generatedFor(Path.of("/nonexistent")),
                dir.resolve("tls"), certificate);
        for (var file : new KamailioConfig().generate(topology, settings)) {
            Files.createDirectories(dir.resolve(file.path()).getParent());
            Files.writeString(dir.resolve(file.path()), file.content());
        }
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             ServerSocket tlsProbe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
            tlsPort = tlsProbe.getLocalPort();
        }
        Path cfg = dir.resolve(KamailioConfig.CONFIG_PATH);
        Files.writeString(cfg, Files.readString(cfg).replaceAll("(?m)^listen=(udp|tcp):\\S+$", "listen=$1:127.0.0.1:" + port)
                .replaceAll("(?m)^listen=tls:\\S+$", "listen=tls:127.0.0.1:" + tlsPort));
        kamailio = new ProcessBuilder(tool.toString(), "-DD", "-E", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("kamailio.log").toFile()).start();
        // The keep-alive of the dispatcher itself: answered once Kamailio runs (also by pike's count, hence one try a second).
        try (DatagramSocket socket = socket()) {
            for (int attempt = 0; attempt < 30; attempt++) {
                send(socket, options(socket, "up-" + attempt));
                if (receive(socket, 1000) != null) {
                    return;
                }
            }
        }
        throw new AssertionError("kamailio did not answer: " + Files.readString(dir.resolve("kamailio.log")));
    }

    private static DatagramSocket socket() throws IOException {
        return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private String options(DatagramSocket socket, String id) {
        return request("OPTIONS", "sip:127.0.0.1:" + port, "UDP", socket.getLocalPort(), id);
    }

    private String invite(DatagramSocket socket, String id) {
        return request("INVITE", "sip:+4930500100@127.0.0.1:" + port, "UDP", socket.getLocalPort(), id);
    }

    private static String request(String method, String uri, String transport, int localPort, String id) {
        String contact = "sip:probe@127.0.0.1:" + localPort + ("TLS".equals(transport) ? ";transport=tls" : "");
        return method + " " + uri + " SIP/2.0\r\nVia: SIP/2.0/" + transport + " 127.0.0.1:" + localPort + ";branch=z9hG4bK-" + id + "\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=" + id + "\r\nTo: <" + uri + ">\r\nCall-ID: " + id + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\nContact: <" + contact + ">\r\nMax-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** A TLS connection to Kamailio that trusts only the test certificate and checks the address in it, as a phone does. */
    private SSLSocket tls() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("kamailio", TestCertificate.x509(certificate));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", tlsPort);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static String exchange(SSLSocket socket, String message) throws IOException {
        socket.getOutputStream().write(message.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        List<String> seen = new ArrayList<>();
        String answer;
        while ((answer = read(socket, 3000)) != null) {
            if (!answer.startsWith("SIP/2.0 1")) {
                return answer;
            }
            seen.add(answer);
        }
        throw new AssertionError("no final answer over TLS; provisional: " + seen);
    }

    /** One SIP message from the stream (all of Kamailio's answers here have no body), or null after {@code millis} of silence. */
    private static String read(SSLSocket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        StringBuilder message = new StringBuilder();
        try {
            int c;
            while ((c = socket.getInputStream().read()) >= 0) {
                message.append((char) c);
                if (message.length() >= 4 && message.lastIndexOf("\r\n\r\n") == message.length() - 4) {
                    return message.toString();
                }
            }
            return message.isEmpty() ? null : message.toString();
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private void send(DatagramSocket socket, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    }

    private String exchange(DatagramSocket socket, String message) throws IOException {
        send(socket, message);
        List<String> seen = new ArrayList<>();
        String answer;
        while ((answer = receive(socket, 3000)) != null) {
            if (!answer.startsWith("SIP/2.0 1")) {
                return answer;
            }
            seen.add(answer);
        }
        throw new AssertionError("no final answer; provisional: " + seen);
    }

    private static String receive(DatagramSocket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
        try {
            socket.receive(packet);
            return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException e) {
            return null;
        }
    }
}
