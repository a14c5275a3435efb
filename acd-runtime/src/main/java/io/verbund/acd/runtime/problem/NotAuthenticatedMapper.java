package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 401 problem for {@link NotAuthenticated}, with the Basic challenge RFC 9110 requires on a 401. */
@Provider
public class NotAuthenticatedMapper implements ExceptionMapper<NotAuthenticated> {

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(NotAuthenticated problem) {
        return ProblemResponses.of(problem, 401, request)
                .header(HttpHeaders.WWW_AUTHENTICATE, NotAuthenticated.CHALLENGE)
                .build();
    }
}
