package io.verbund.acd.portal.report;

import io.verbund.acd.runtime.stats.StatsAnswer;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/**
 * An answer of stats-service as the answer to the portal's client: the same status, body and
 * the headers that matter to it (type, file name, {@code Retry-After}), so a 422 naming a field or
 * a 503 from a missing reporting replica reaches the client unchanged. The body streams through
 * without being held here. Private to the caller: the figures are the tenant's.
 */
public final class ForwardedAnswer {

    private ForwardedAnswer() {
    }

    /** Streams the answer's body through; every header but {@code Location}, which is the service's own address. */
    public static Response.ResponseBuilder streaming(StatsAnswer answer) {
        Response.ResponseBuilder response = headers(answer);
        answer.header("Content-Length").ifPresent(length -> response.header("Content-Length", length));
        StreamingOutput body = out -> {
            try (InputStream in = answer.body()) {
                in.transferTo(out);
            }
        };
        return response.entity(body);
    }

    /** An answer already read (a small JSON document), e.g. to learn the id of what it made. */
    public static Response.ResponseBuilder read(StatsAnswer answer, String body) {
        return headers(answer).entity(body);
    }

    private static Response.ResponseBuilder headers(StatsAnswer answer) {
        CacheControl privateOnly = new CacheControl();
        privateOnly.setPrivate(true);
        privateOnly.setNoStore(true);
        Response.ResponseBuilder response = Response.status(answer.status()).cacheControl(privateOnly);
        answer.header("Content-Type").ifPresent(response::type);
        answer.header("Content-Disposition").ifPresent(value -> response.header("Content-Disposition", value));
        answer.header("Retry-After").ifPresent(value -> response.header("Retry-After", value));
        return response;
    }
}
