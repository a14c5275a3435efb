package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 429 problem for {@link TooManyRequests}, with {@code Retry-After} in whole seconds. */
@Provider
public class TooManyRequestsMapper implements ExceptionMapper<TooManyRequests> {

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(TooManyRequests problem) {
        long seconds = Math.max(1, (problem.retryAfter().toMillis() + 999) / 1000);
        return ProblemResponses.of(problem, 429, request).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
