package io.verbund.acd.runtime.problem;

import io.verbund.acd.runtime.http.BodyTooLarge;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything no other mapper takes is the server's fault: 500 with an incident id, the full failure
 * in the log under the same id, nothing of it in the answer.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(Throwable failure) {
        return internalError(failure, ProblemResponses.instance(request));
    }

    static Response internalError(Throwable failure, String instance) {
        BodyTooLarge tooLarge = BodyTooLarge.in(failure);
        if (tooLarge != null) {
            // Not the server's failure: a body without Content-Length outgrew its endpoint's limit.
            return ProblemResponses.of(new Problem(ApiProblem.TYPE_PREFIX + "body-too-large", "Request body too large", 413,
                    ProblemResponses.detail("body-too-large", String.valueOf(tooLarge.limit())), instance, null)).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + " at " + instance, failure);
        return ProblemResponses.of(new Problem(ApiProblem.TYPE_PREFIX + "internal-error", "Internal error", 500,
                ProblemResponses.detail("internal-error", incident),
                instance, null)).build();
    }
}
