package io.verbund.acd.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Server-Sent Events client on {@code /api/v1/events}: reads the stream on its own thread
 * and hands over whole events, as a browser's EventSource would see them. Java's line reader may
 * hold back the last line received until more bytes arrive (curl and browsers show it at once);
 * the server's keep-alive comment, every 20 s, pushes it through, so waits for a stream's last
 * event allow for that.
 */
final class SseClient implements AutoCloseable {

    /** One event as received. */
    record Event(String id, String name, String data) {
    }

    /** The server's keep-alive period (EventJournal), plus a margin. */
    static final int KEEP_ALIVE_SECONDS = 20;
    /** How long to wait for an event that may be the last of its burst. */
    static final int LAST_OF_BURST_SECONDS = KEEP_ALIVE_SECONDS + 8;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final Thread reader;
    private final int status;
    private volatile java.io.InputStream body;

    private SseClient(URI events, String login, String password, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(events).header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        body = response.body();
        reader = new Thread(this::read, "sse-" + login);
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(URI api, String login, String password) throws Exception {
        return new SseClient(api.resolve("api/v1/events"), login, password, null);
    }

    static SseClient resume(URI api, String login, String password, String lastEventId) throws Exception {
        return new SseClient(api.resolve("api/v1/events"), login, password, lastEventId);
    }

    int status() {
        return status;
    }

    /** The next event matching, skipping others (they stay in {@link #seen()}); fails after the timeout. */
    Event await(Predicate<Event> wanted, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Event next = received.poll(200, TimeUnit.MILLISECONDS);
            if (next != null) {
                synchronized (seen) {
                    seen.add(next);
                }
                if (wanted.test(next)) {
                    return next;
                }
            }
        }
        throw new AssertionError("no event " + what + " within " + seconds + " s; seen: " + seen());
    }

    /** Waits a moment and returns every event received so far. */
    List<Event> drain(int millis) throws InterruptedException {
        Thread.sleep(millis);
        List<Event> rest = new ArrayList<>();
        received.drainTo(rest);
        synchronized (seen) {
            seen.addAll(rest);
            return List.copyOf(seen);
        }
    }

    List<Event> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void read() {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        received.add(new Event(id, name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
                }
            }
        } catch (java.io.IOException | RuntimeException closed) {
            // the stream ended
        }
    }

    @Override
    public void close() {
        java.io.InputStream open = body;
        if (open != null) {
            try {
                open.close();
            } catch (java.io.IOException e) {
                // closing anyway
            }
        }
        reader.interrupt();
    }
}
