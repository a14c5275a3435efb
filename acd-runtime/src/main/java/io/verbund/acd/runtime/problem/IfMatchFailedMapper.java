package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 412 problem for {@link IfMatchFailed}: someone changed the thing since the client read it. */
@Provider
public class IfMatchFailedMapper implements ExceptionMapper<IfMatchFailed> {

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(IfMatchFailed problem) {
        return ProblemResponses.of(problem, 412, request).build();
    }
}
