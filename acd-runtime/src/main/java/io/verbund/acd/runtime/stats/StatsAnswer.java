package io.verbund.acd.runtime.stats;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of stats-service, whatever its status: a report (JSON or a file), a problem
 * document (422 naming the field, 404, 503 with {@code Retry-After}), to be handed on unchanged.
 * The body is streamed; whoever holds the answer must close it.
 *
 * @param headers those of {@link #PASSED_ON} the service sent
 */
public record StatsAnswer(int status, Map<String, String> headers, InputStream body) implements Closeable {

    /** The headers a client of the caller needs: what the body is, the file's name, when to retry, where a job is. */
    public static final List<String> PASSED_ON = List.of("Content-Type", "Content-Length", "Content-Disposition", "Retry-After", "Location");

    public StatsAnswer {
        headers = Map.copyOf(headers);
    }

    /** An answer already read, e.g. in tests. */
    public static StatsAnswer of(int status, Map<String, String> headers, String body) {
        return new StatsAnswer(status, headers, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    public boolean succeeded() {
        return status / 100 == 2;
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** Reads the whole body as text and closes it; for the small JSON answers of KPI definitions and recalculations. */
    public String text() {
        try (InputStream in = body) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the statistics service's answer", e);
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
