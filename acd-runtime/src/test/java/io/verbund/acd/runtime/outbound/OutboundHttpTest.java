package io.verbund.acd.runtime.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real client against a real server on loopback: the guard sits where connections are made. */
class OutboundHttpTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> host = new AtomicReference<>();
    private OutboundHttp http;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            host.set(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = "{\"vip\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            byte[] body = new byte[100_000];
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try {
                for (int i = 0; i < 40; i++) {
                    exchange.getResponseBody().write(' ');
                    exchange.getResponseBody().flush();
                    TimeUnit.MILLISECONDS.sleep(100); // the server's pace, not the test's waiting
                }
            } catch (InterruptedException | java.io.IOException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop();
        }
        server.stop(0);
    }

    @Test
    void loopbackIsRefusedBeforeAnyRequestIsSent() {
        http = started(OutboundTargets.publicOnly(), InetAddress::getAllByName);

        assertThatThrownBy(() -> http.get(url("127.0.0.1", "/"), Map.of(), Duration.ofSeconds(2), 1024).get())
                .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(RefusedTarget.class);
        assertThat(requests).hasValue(0);
    }

    @Test
    void aNameThatRebindsToLoopbackIsRefusedAtConnectTime() {
        http = started(OutboundTargets.publicOnly(), name -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});

        assertThatThrownBy(() -> http.get(url("crm.example", "/"), Map.of(), Duration.ofSeconds(2), 1024).get())
                .hasRootCauseInstanceOf(RefusedTarget.class);
        assertThat(requests).hasValue(0);
    }

    @Test
    void anAllowedAddressIsReachedUnderItsNameWithTheHostHeaderOfTheUrl() throws Exception {
        http = started(allowed("127.0.0.1"),
                name -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});

        OutboundAnswer answer = http.get(url("crm.example", "/"), Map.of("Accept", "application/json"), Duration.ofSeconds(2), 1024)
                .get(5, TimeUnit.SECONDS);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("{\"vip\":true}");
        assertThat(host.get()).isEqualTo("crm.example:" + server.getAddress().getPort());
    }

    @Test
    void anAddressOpenedOnItsPortIsReachedAndOnAnotherPortIsRefusedBeforeAnyRequest() throws Exception {
        int port = server.getAddress().getPort();
        http = started(allowed("127.0.0.1:" + port), name -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});

        assertThat(http.get(url("crm.example", "/"), Map.of(), Duration.ofSeconds(2), 1024).get(5, TimeUnit.SECONDS).status())
                .isEqualTo(200);
        assertThat(requests).hasValue(1);
        http.stop();

        http = started(allowed("127.0.0.1:" + (port == 65_535 ? port - 1 : port + 1)),
                name -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});
        assertThatThrownBy(() -> http.get(url("crm.example", "/"), Map.of(), Duration.ofSeconds(2), 1024).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(RefusedTarget.class)
                .rootCause().hasMessageContaining("on other ports than " + port);
        assertThat(requests).as("the server never heard of the refused request").hasValue(1);
    }

    @Test
    void aBodyPastTheLimitFailsTheRequest() {
        http = started(allowed("127.0.0.1"), InetAddress::getAllByName);

        assertThatThrownBy(() -> http.get(url("127.0.0.1", "/big"), Map.of(), Duration.ofSeconds(2), 64 * 1024).get(5, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(LimitedBody.AnswerTooLarge.class);
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        http = started(allowed("127.0.0.1"), InetAddress::getAllByName);

        OutboundAnswer answer = http.get(url("127.0.0.1", "/redirect"), Map.of(), Duration.ofSeconds(2), 1024).get(5, TimeUnit.SECONDS);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.successful()).isFalse();
    }

    @Test
    void aTrickleOfBytesEndsAtTheWholeRequestsLimit() {
        http = started(allowed("127.0.0.1"), InetAddress::getAllByName);
        long before = System.nanoTime();

        assertThatThrownBy(() -> http.get(url("127.0.0.1", "/slow"), Map.of(), Duration.ofMillis(500), 1024).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void onlyHttpAndHttpsAreSent() {
        http = started(OutboundTargets.publicOnly(), InetAddress::getAllByName);

        assertThatThrownBy(() -> http.get(URI.create("file:///etc/passwd"), Map.of(), Duration.ofSeconds(1), 1024).get())
                .hasMessageContaining("only http and https");
    }

    private URI url(String host, String path) {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
    }

    private static OutboundTargets allowed(String entries) {
        return OutboundTargets.parse(Optional.of(entries));
    }

    private static OutboundHttp started(OutboundTargets targets, GuardedResolver.Lookup lookup) {
        OutboundHttp client = new OutboundHttp(targets, lookup);
        client.start();
        return client;
    }
}
