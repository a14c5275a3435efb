package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** 503 problem for {@link Unavailable}; the cause goes to the log, the client is told to retry. */
@Provider
public class UnavailableMapper implements ExceptionMapper<Unavailable> {

    private static final Logger LOG = Logger.getLogger(UnavailableMapper.class.getName());
    private static final String RETRY_AFTER_SECONDS = "5";

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(Unavailable problem) {
        LOG.log(Level.WARNING, problem.title() + " at " + ProblemResponses.instance(request), problem.getCause());
        return ProblemResponses.of(problem, 503, request)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
