package io.verbund.acd.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.verbund.acd.tenant.TenantKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a small fake of the service: what it sends, and how it reads answers and refusals. */
class StorageClientTest {

    private HttpServer server;
    private final List<String> seen = new ArrayList<>();
    private StorageClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/storage/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " auth=" + exchange.getRequestHeaders().getFirst("Authorization")
                    + " offset=" + exchange.getRequestHeaders().getFirst("Upload-Offset") + " sha=" + exchange.getRequestHeaders().getFirst("X-Checksum-SHA256")
                    + " body=" + body.length);
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("PATCH") && "99".equals(exchange.getRequestHeaders().getFirst("Upload-Offset"))) {
                byte[] problem = "{\"type\":\"urn:verbund-acd:problem:upload-offset-mismatch\",\"detail\":\"has 10 bytes\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.getResponseHeaders().add("Upload-Offset", "10");
                exchange.sendResponseHeaders(409, problem.length);
                exchange.getResponseBody().write(problem);
            } else if (exchange.getRequestMethod().equals("PATCH")) {
                exchange.getResponseHeaders().add("Upload-Offset", Long.toString(Long.parseLong(exchange.getRequestHeaders().getFirst("Upload-Offset")) + body.length));
                exchange.sendResponseHeaders(204, -1);
            } else if (path.endsWith("/upload") && exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Upload-Offset", "0");
                exchange.sendResponseHeaders(201, -1);
            } else if (exchange.getRequestMethod().equals("GET") && path.endsWith("/part.wav")) {
                exchange.getResponseHeaders().add("Content-Type", "audio/wav");
                exchange.getResponseHeaders().add("Content-Range", "bytes 1-2/4");
                exchange.getResponseHeaders().add("X-Not-Passed-On", "x");
                exchange.sendResponseHeaders(206, 2);
                exchange.getResponseBody().write(exchange.getRequestHeaders().getFirst("Range").equals("bytes=1-2") ? new byte[] {1, 2} : new byte[] {0, 0});
            } else if (exchange.getRequestMethod().equals("GET") && path.endsWith("/missing.wav")) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] json = ("{\"name\":\"a b.wav\",\"size\":3,\"contentType\":\"audio/wav\",\"created\":\"2026-11-25T10:00:00Z\","
                        + "\"modified\":\"2026-11-25T10:00:00Z\",\"sha256\":\"" + "ab".repeat(32) + "\",\"complete\":true}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, json.length);
                exchange.getResponseBody().write(json);
            }
            exchange.close();
        });
        server.start();
        client = new StorageClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/storage"), "the-secret",
                HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void uploadsWithTheServiceCredentialAndTheBodysChecksum() {
        StoredFileInfo stored = client.upload(new TenantKey("demo"), FileCategory.PROMPTS, "a b.wav", "abc".getBytes(StandardCharsets.UTF_8), "audio/wav");
        assertThat(stored.sha256()).contains("ab".repeat(32));
        assertThat(seen).containsExactly("PUT /storage/api/v1/tenants/demo/files/prompts/a%20b.wav auth=Verbund-Service the-secret offset=null"
                + " sha=ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad body=3");
    }

    @Test
    void streamsAppendsAndReportsTheOffsetToResumeAt() {
        TenantKey demo = new TenantKey("demo");
        assertThat(client.startUpload(demo, FileCategory.RECORDINGS, "call.wav", "audio/wav")).isZero();
        assertThat(client.append(demo, FileCategory.RECORDINGS, "call.wav", 0, new byte[10])).isEqualTo(10);
        assertThatThrownBy(() -> client.append(demo, FileCategory.RECORDINGS, "call.wav", 99, new byte[1]))
                .isInstanceOfSatisfying(StorageFailure.class, failure -> {
                    assertThat(failure.status()).isEqualTo(409);
                    assertThat(failure.uploadOffset()).contains(10L);
                    assertThat(failure.problemType()).endsWith("upload-offset-mismatch");
                    assertThat(failure.detail()).isEqualTo("has 10 bytes");
                    assertThat(failure.refused()).isTrue();
                });
        assertThat(seen.get(1)).startsWith("PATCH /storage/api/v1/tenants/demo/files/recordings/call.wav/upload").contains("offset=0", "body=10");
    }

    @Test
    void aMissingFileDownloadsAsEmpty() {
        assertThat(client.download(new TenantKey("demo"), FileCategory.VOICEMAIL, "missing.wav")).isEmpty();
    }

    @Test
    void opensARangeAndPassesOnThePlayersHeaders() throws IOException {
        try (StoredStream part = client.open(new TenantKey("demo"), FileCategory.RECORDINGS, "part.wav", java.util.Optional.of("bytes=1-2"),
                java.util.Optional.empty()).orElseThrow()) {
            assertThat(part.status()).isEqualTo(206);
            assertThat(part.headers()).containsEntry("Content-Range", "bytes 1-2/4").containsEntry("Content-Type", "audio/wav")
                    .doesNotContainKey("X-Not-Passed-On");
            assertThat(part.body().readAllBytes()).containsExactly(1, 2);
        }
        assertThat(client.open(new TenantKey("demo"), FileCategory.RECORDINGS, "missing.wav", java.util.Optional.empty(), java.util.Optional.empty())).isEmpty();
    }
}
