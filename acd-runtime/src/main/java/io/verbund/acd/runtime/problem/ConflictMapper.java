package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 409 problem for {@link Conflict}: a change the current state does not allow. */
@Provider
public class ConflictMapper implements ExceptionMapper<Conflict> {

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(Conflict problem) {
        return ProblemResponses.of(problem, 409, request).build();
    }
}
