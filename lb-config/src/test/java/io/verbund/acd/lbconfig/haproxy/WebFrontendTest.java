package io.verbund.acd.lbconfig.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.verbund.acd.lbconfig.LocalTopology;
import io.verbund.acd.lbconfig.TestCertificate;
import io.verbund.acd.lbconfig.output.GenerationSettings;
import io.verbund.acd.lbconfig.output.ReplicationPassword;
import io.verbund.acd.lbconfig.validation.ToolCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated web frontends run for real in front of a stand-in node: TLS ends at haproxy with the
 * certificate it is given, answers carry HSTS, the node is told the scheme (a client's own
 * X-Forwarded-Proto replaced), and plain HTTP only redirects to HTTPS, method kept.
 */
class WebFrontendTest {

    @TempDir
    Path dir;

    private Process haproxy;
    private HttpServer node;

    @AfterEach
    void stop() throws InterruptedException {
        if (haproxy != null) {
            haproxy.destroy();
            if (!haproxy.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                haproxy.destroyForcibly();
            }
        }
        if (node != null) {
            node.stop(0);
        }
    }

    @Test
    void endsTlsAddsHstsTellsTheNodeTheSchemeAndRedirectsPlainHttp() throws Exception {
        Path executable = ToolCheck.locate("haproxy")
                .orElseThrow(() -> new AssertionError("haproxy is not installed: apt-get install haproxy"));
        AtomicReference<String> forwardedProto = new AtomicReference<>();
        node = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        node.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/api/v1/health")) {
                forwardedProto.set(String.join(",", exchange.getRequestHeaders().getOrDefault("X-Forwarded-Proto", java.util.List.of())));
            }
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            if (!exchange.getRequestURI().getPath().equals("/api/v1/health")) {
                // The node sees plain HTTP behind haproxy, so its session cookie comes without Secure.
                exchange.getResponseHeaders().add("Set-Cookie", "VERBUND_SESSION=abc.node-a; path=/; HttpOnly; SameSite=Strict");
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        node.start();
        int http = FakeMariaDb.freePort();
        int https = FakeMariaDb.freePort();
        Path certificate = TestCertificate.pem(dir.resolve("tls"));
        String yaml = LocalTopology.yaml()
                .replace("http: 8080", "http: " + http)
                .replace("https: 8443", "https: " + https)
                .replace("dbMaster: 3306", "dbMaster: " + FakeMariaDb.freePort())
                .replace("dbRealtime: 3307", "dbRealtime: " + FakeMariaDb.freePort())
                .replace("dbReporting: 3308", "dbReporting: " + FakeMariaDb.freePort())
                .replace("haproxyStats: 8404", "haproxyStats: " + FakeMariaDb.freePort() + "\n  haproxyPeers: " + FakeMariaDb.freePort())
                .replace("portOffset: 100", "portOffset: " + (node.getAddress().getPort() - 8080))
                .replace("portOffset: 200", "portOffset: " + (FakeMariaDb.freePort() - 8080));
        GenerationSettings settings = new GenerationSettings(dir.resolve("out"), Files.createDirectories(dir.resolve("run")),
                dir.resolve("data"), ReplicationPassword.generatedFor(dir.resolve("out")), GenerationSettings.DEFAULT_TLS_DIR, certificate);
        String cfg = new HaproxyConfig().generate(LocalTopology.parse(yaml), settings).get(0).content()
                .replace("log /dev/log local0", "log stderr local0");
        Path config = Files.writeString(dir.resolve("haproxy.cfg"), cfg);
        haproxy = new ProcessBuilder(executable.toString(), "-W", "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(dir.resolve("tls/certificate.pem")))
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest secure = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + https + "/api/v1/agents?x=1"))
                .header("X-Forwarded-Proto", "http").timeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> answer = Awaitility.await("haproxy forwards to the healthy node").atMost(Duration.ofSeconds(20))
                .ignoreExceptions().until(() -> client.send(secure, HttpResponse.BodyHandlers.ofString()), response -> response.statusCode() == 200);

        assertThat(answer.headers().allValues("strict-transport-security")).containsExactly("max-age=31536000");
        assertThat(forwardedProto.get()).isEqualTo("https");
        assertThat(answer.headers().allValues("set-cookie")).filteredOn(cookie -> cookie.startsWith("SERVERID=")).singleElement().asString()
                .startsWith("SERVERID=node-a").containsIgnoringCase("; secure").containsIgnoringCase("httponly");
        assertThat(answer.headers().allValues("set-cookie")).filteredOn(cookie -> cookie.startsWith("VERBUND_SESSION=")).singleElement()
                .asString().as("the node's own cookie, marked Secure by haproxy").endsWith("; Secure").contains("HttpOnly");

        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/admin/users?q=a"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(308);
        assertThat(plain.headers().firstValue("location")).contains("https://127.0.0.1:" + https + "/admin/users?q=a");
        assertThat(plain.headers().firstValue("strict-transport-security")).isEmpty();
    }

    private static SSLContext trusting(Path certificatePem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("haproxy", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificatePem))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

}
