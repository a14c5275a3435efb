package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404 problem for {@link NotFound}: an addressed thing that does not exist for the caller. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFound> {

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(NotFound problem) {
        return ProblemResponses.of(problem, 404, request).build();
    }
}
