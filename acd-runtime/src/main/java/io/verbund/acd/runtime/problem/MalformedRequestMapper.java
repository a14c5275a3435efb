package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 problem for {@link MalformedRequest}: a request whose body or values are wrong. */
@Provider
public class MalformedRequestMapper implements ExceptionMapper<MalformedRequest> {

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(MalformedRequest problem) {
        return ProblemResponses.of(problem, 400, request).build();
    }
}
