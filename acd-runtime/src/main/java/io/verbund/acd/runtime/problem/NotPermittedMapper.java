package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 403 problem for {@link NotPermitted}: a caller whose roles do not allow the request. */
@Provider
public class NotPermittedMapper implements ExceptionMapper<NotPermitted> {

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(NotPermitted problem) {
        return ProblemResponses.of(problem, 403, request).build();
    }
}
