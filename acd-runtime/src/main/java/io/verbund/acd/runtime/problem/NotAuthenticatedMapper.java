package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 401 problem for {@link NotAuthenticated}, with the challenge RFC 9110 requires on a 401. The
 * browser app marks its requests with {@value #APP_HEADER}; it gets a Bearer challenge instead of a
 * Basic one, because a Basic challenge makes the browser open its own password dialog over the app.
 */
@Provider
public class NotAuthenticatedMapper implements ExceptionMapper<NotAuthenticated> {

    /** Sent by the browser app with every request. */
    public static final String APP_HEADER = "X-Requested-With";

    @Context
    private UriInfo request;
    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(NotAuthenticated problem) {
        boolean fromApp = headers != null && headers.getHeaderString(APP_HEADER) != null;
        return ProblemResponses.of(problem, 401, request)
                .header(HttpHeaders.WWW_AUTHENTICATE, fromApp ? NotAuthenticated.APP_CHALLENGE : NotAuthenticated.CHALLENGE)
                .build();
    }
}
