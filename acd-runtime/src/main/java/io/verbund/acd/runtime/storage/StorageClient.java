package io.verbund.acd.runtime.storage;

import io.verbund.acd.runtime.security.ServiceSecret;
import io.verbund.acd.runtime.service.ServiceAddress;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The storage service's API for the other services: whole files, streamed files (a recording
 * that grows while the call runs), listings and downloads. It authenticates with the cluster's
 * service secret ({@code Authorization: Verbund-Service …}), so it may act for any tenant it names.
 * The service's address is {@value #URL_PROPERTY}, by default this node's own HTTP listener
 * (127.0.0.1, port 8080 plus {@code jboss.socket.binding.port-offset}, context {@code /storage/}).
 * Every failure is a {@link StorageFailure} with the status and, for uploads, the offset to resume at.
 */
@ApplicationScoped
public class StorageClient {

    public static final String URL_PROPERTY = "verbund.storage.url";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String serviceSecret;
    private final HttpClient http;

    @Inject
    public StorageClient(@ConfigProperty(name = URL_PROPERTY) Optional<String> url,
                         @ConfigProperty(name = ServiceSecret.PROPERTY) Optional<String> serviceSecret) {
        this(ServiceAddress.of(url, "storage"), serviceSecret.orElse(""),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** @param base the storage service's root, e.g. {@code http://127.0.0.1:8080/storage/} */
    public StorageClient(URI base, String serviceSecret, HttpClient http) {
        this.base = ServiceAddress.root(base);
        this.serviceSecret = serviceSecret;
        this.http = http;
    }

    /** For CDI's proxy only. */
    protected StorageClient() {
        this.base = null;
        this.serviceSecret = null;
        this.http = null;
    }

    public URI base() {
        return base;
    }

    /** Stores a whole file atomically, checked against its SHA-256 on the server. */
    public StoredFileInfo upload(TenantKey tenant, FileCategory category, String name, byte[] content, String contentType) {
        HttpRequest.Builder request = request(file(tenant, category, name)).PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .header("Content-Type", contentType).header("X-Checksum-SHA256", sha256(content));
        return StoredFileInfo.of(json(send(request, "upload " + name)));
    }

    /** Creates an empty file to stream into (or finds the one already started), and answers its current size. */
    public long startUpload(TenantKey tenant, FileCategory category, String name, String contentType) {
        HttpRequest.Builder request = request(upload(tenant, category, name, "")).POST(HttpRequest.BodyPublishers.noBody())
                .header("Upload-Content-Type", contentType);
        return offsetOf(send(request, "start upload " + name));
    }

    /**
     * Appends at {@code offset}; a retry of the same bytes is accepted.
     *
     * @return the file's size afterwards: the offset of the next append
     */
    public long append(TenantKey tenant, FileCategory category, String name, long offset, byte[] bytes) {
        HttpRequest.Builder request = request(upload(tenant, category, name, "")).method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", Long.toString(offset));
        return offsetOf(send(request, "append to " + name));
    }

    /** Overwrites bytes already written (at most 64 KiB), e.g. a WAV header at the end of a recording. */
    public void writeAt(TenantKey tenant, FileCategory category, String name, long offset, byte[] bytes) {
        HttpRequest.Builder request = request(upload(tenant, category, name, "/range")).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/octet-stream").header("Upload-Offset", Long.toString(offset));
        send(request, "write into " + name);
    }

    /** Completes a streamed file; the service computes and records its SHA-256. */
    public StoredFileInfo complete(TenantKey tenant, FileCategory category, String name) {
        HttpRequest.Builder request = request(upload(tenant, category, name, "/complete")).POST(HttpRequest.BodyPublishers.noBody());
        return StoredFileInfo.of(json(send(request, "complete " + name)));
    }

    public FileListing list(TenantKey tenant, FileCategory category, String prefix, int offset, int limit) {
        URI uri = base.resolve("api/v1/tenants/" + tenant.value() + "/files/" + category.segment() + "?prefix="
                + URLEncoder.encode(prefix, StandardCharsets.UTF_8).replace("+", "%20") + "&offset=" + offset + "&limit=" + limit);
        JsonObject page = json(send(request(uri).GET().header("Accept", "application/json"), "list " + category.segment()));
        List<StoredFileInfo> files = page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(StoredFileInfo::of).toList();
        return new FileListing(page.getJsonNumber("total").longValue(), page.getInt("offset"), page.getInt("limit"), files);
    }

    /** The whole file, or empty when there is none. */
    public Optional<byte[]> download(TenantKey tenant, FileCategory category, String name) {
        HttpResponse<byte[]> response = exchange(request(file(tenant, category, name)).GET(), "download " + name);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        check(response, "download " + name);
        return Optional.of(response.body());
    }

    /**
     * Opens a file for reading, passing a client's {@code Range} and {@code If-Range} on, so a
     * player can seek without the whole file passing through the caller. The answer may be 200, 206
     * or 416 (with {@code Content-Range}); the caller must close its body.
     *
     * @return empty when there is no such file
     */
    public Optional<StoredStream> open(TenantKey tenant, FileCategory category, String name, Optional<String> range, Optional<String> ifRange) {
        HttpRequest.Builder request = request(file(tenant, category, name)).GET();
        range.ifPresent(value -> request.header("Range", value));
        ifRange.ifPresent(value -> request.header("If-Range", value));
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new StorageFailure("storage service unreachable (read " + name + "): " + e.getMessage(), 0, "", Optional.empty(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageFailure("interrupted (read " + name + ")", 0, "", Optional.empty(), e);
        }
        int status = response.statusCode();
        if (status == 200 || status == 206 || status == 416) {
            return Optional.of(new StoredStream(status, StoredStream.PASSED_ON.stream()
                    .flatMap(header -> response.headers().firstValue(header).map(value -> Map.entry(header, value)).stream())
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), response.body()));
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(64 * 1024);
        } catch (IOException e) {
            body = new byte[0];
        }
        if (status == 404) {
            return Optional.empty();
        }
        throw refusal(status, response.headers(), body, "read " + name);
    }

    public boolean delete(TenantKey tenant, FileCategory category, String name) {
        HttpResponse<byte[]> response = exchange(request(file(tenant, category, name)).DELETE(), "delete " + name);
        if (response.statusCode() == 404) {
            return false;
        }
        check(response, "delete " + name);
        return true;
    }

    private URI file(TenantKey tenant, FileCategory category, String name) {
        return base.resolve("api/v1/tenants/" + tenant.value() + "/files/" + category.segment() + "/" + segment(name));
    }

    private URI upload(TenantKey tenant, FileCategory category, String name, String suffix) {
        return base.resolve("api/v1/tenants/" + tenant.value() + "/files/" + category.segment() + "/" + segment(name) + "/upload" + suffix);
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", ServiceSecret.SCHEME + " " + serviceSecret);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String what) {
        HttpResponse<byte[]> response = exchange(request, what);
        check(response, what);
        return response;
    }

    private HttpResponse<byte[]> exchange(HttpRequest.Builder request, String what) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StorageFailure("storage service unreachable (" + what + "): " + e.getMessage(), 0, "", Optional.empty(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageFailure("interrupted (" + what + ")", 0, "", Optional.empty(), e);
        }
    }

    private static void check(HttpResponse<byte[]> response, String what) {
        if (response.statusCode() / 100 == 2) {
            return;
        }
        throw refusal(response.statusCode(), response.headers(), response.body(), what);
    }

    private static StorageFailure refusal(int status, java.net.http.HttpHeaders headers, byte[] content, String what) {
        String type = "";
        String detail = "";
        String body = new String(content, StandardCharsets.UTF_8);
        if (headers.firstValue("Content-Type").orElse("").contains("json") && !body.isBlank()) {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonObject problem = reader.readObject();
                type = problem.getString("type", "");
                detail = problem.getString("detail", "");
            } catch (RuntimeException notJson) {
                // keep the status alone
            }
        }
        Optional<Long> offset = headers.firstValue("Upload-Offset").map(Long::parseLong);
        return new StorageFailure("storage service refused to " + what + ": " + status + (detail.isEmpty() ? "" : " " + detail),
                status, type, detail, offset, null);
    }

    private static long offsetOf(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Upload-Offset").map(Long::parseLong)
                .orElseThrow(() -> new StorageFailure("the storage service sent no Upload-Offset", response.statusCode(), "", Optional.empty(), null));
    }

    private static JsonObject json(HttpResponse<byte[]> response) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(response.body(), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
