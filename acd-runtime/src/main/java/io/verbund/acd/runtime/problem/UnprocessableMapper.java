package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 422 problem for {@link Unprocessable}: a request naming something the tenant does not allow. */
@Provider
public class UnprocessableMapper implements ExceptionMapper<Unprocessable> {

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(Unprocessable problem) {
        return ProblemResponses.of(problem, 422, request).build();
    }
}
