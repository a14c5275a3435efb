package io.verbund.acd.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/** The health endpoints of the four services on one node, as the demo contract names them. */
public final class ServiceHealth {

    /** One service's health address and its last answer. */
    public record Endpoint(String service, URI uri) {
    }

    /** What one probe saw: the HTTP status (0 when nothing answered) and the body. */
    public record Answer(int status, String body) {
        public boolean up() {
            return status == 200 && body.contains("\"status\":\"UP\"");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Endpoint> endpoints;

    public ServiceHealth(NodePorts ports) {
        String base = "http://" + NodePorts.HOST + ":" + ports.http();
        this.endpoints = List.of(
                new Endpoint("web-portal", URI.create(base + "/api/v1/health")),
                new Endpoint("telephony-server", URI.create(base + "/telephony/health")),
                new Endpoint("stats-service", URI.create(base + "/stats/health")),
                new Endpoint("storage-service", URI.create(base + "/storage/health")));
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public Answer probe(Endpoint endpoint) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.uri()).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    /**
     * Waits until every service answers UP, printing each as it comes up and a line every 5 s;
     * fails at once when the server process ends. {@code label} prefixes the lines (a node's name).
     */
    public void awaitUp(WildFlyNode wildfly, String label, Duration timeout, PrintStream out) {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        Set<String> up = new HashSet<>();
        Instant nextNote = Instant.now().plusSeconds(5);
        while (up.size() < endpoints.size()) {
            if (!wildfly.isAlive()) {
                throw new LaunchFailure(ExitCode.FAILED, "WildFly " + label + " stopped while starting; see " + wildfly.consoleLog());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchFailure(ExitCode.FAILED, "Not every service " + label + " became healthy within "
                        + timeout.toMinutes() + " min (UP: " + up + "); see " + wildfly.serverLog());
            }
            for (Endpoint endpoint : endpoints) {
                if (!up.contains(endpoint.service()) && probe(endpoint).up()) {
                    up.add(endpoint.service());
                    out.printf("  %s%-17s UP   %s (%d s)%n", label.isEmpty() ? "" : label + " ", endpoint.service(), endpoint.uri(),
                            Duration.between(started, Instant.now()).toSeconds());
                }
            }
            if (up.size() < endpoints.size()) {
                if (Instant.now().isAfter(nextNote)) {
                    out.printf("  %s... waiting for %d of %d services (%d s)%n", label.isEmpty() ? "" : label + " ",
                            endpoints.size() - up.size(), endpoints.size(), Duration.between(started, Instant.now()).toSeconds());
                    nextNote = Instant.now().plusSeconds(5);
                }
                MariaDbServer.sleep(Duration.ofMillis(500));
            }
        }
    }
}
