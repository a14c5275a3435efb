package io.verbund.acd.runtime.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * 400 problem for a request body JSON-B could not read: RESTEasy wraps the parser's or binder's
 * failure in a {@link ProcessingException}. The detail says where the JSON broke (line and
 * column) or that its shape does not fit, without the binder's message, which names Java classes.
 * A {@code ProcessingException} without a JSON cause is the server's failure and answered 500.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(UnreadableBodyMapper.class.getName());

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(ProcessingException failure) {
        String instance = ProblemResponses.instance(request);
        JsonParsingException syntax = causeOf(failure, JsonParsingException.class);
        if (syntax != null) {
            JsonLocation location = syntax.getLocation();
            return badRequest(location == null || location.getLineNumber() < 0 ? ProblemResponses.detail("json-syntax")
                    : ProblemResponses.detail("json-syntax-at", String.valueOf(location.getLineNumber()), String.valueOf(location.getColumnNumber())),
                    instance);
        }
        if (causeOf(failure, JsonbException.class) != null || causeOf(failure, jakarta.json.JsonException.class) != null) {
            LOG.log(Level.FINE, "unreadable request body at " + instance, failure);
            return badRequest(ProblemResponses.detail("json-shape"), instance);
        }
        return UnexpectedFailureMapper.internalError(failure, instance);
    }

    private static Response badRequest(String detail, String instance) {
        return ProblemResponses.of(new Problem(ApiProblem.TYPE_PREFIX + "malformed-request", "Malformed request", 400,
                detail, instance, null)).build();
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
