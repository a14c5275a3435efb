package io.verbund.acd.node;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The portal's REST API over real HTTP, as one kind of client: a user (Basic), a token (Bearer) or nobody. */
final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI api;
    private final String authorization;

    private ApiClient(URI api, String authorization) {
        this.api = api;
        this.authorization = authorization;
    }

    static ApiClient as(URI api, String login, String password) {
        return new ApiClient(api, "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static ApiClient withToken(URI api, String token) {
        return new ApiClient(api, "Bearer " + token);
    }

    static ApiClient anonymous(URI api) {
        return new ApiClient(api, null);
    }

    Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    Answer post(String path, String json) {
        return send("POST", path, json, Map.of());
    }

    Answer put(String path, String json) {
        return send("PUT", path, json, Map.of());
    }

    Answer delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Any method, body (null: none) and extra headers, e.g. {@code If-Match}. */
    Answer send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", "application/json, application/problem+json");
        if (json != null) {
            all.put("Content-Type", "application/json");
        }
        if (authorization != null) {
            all.put("Authorization", authorization);
        }
        all.putAll(headers);
        all.forEach(request::header);
        try {
            return new Answer(method + " " + path, HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
    }

    /** Any method with a binary body (null: none), answered as bytes: audio up and down. */
    HttpResponse<byte[]> sendBytes(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
    }

    /** One answer, with what was asked for assertion messages. */
    record Answer(String request, HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }

        JsonObject json() {
            return TestNodes.json(response.body());
        }

        @Override
        public String toString() {
            return request + " -> " + status() + " " + body();
        }
    }
}
