package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * What JAX-RS itself answers (no such path 404, wrong method 405 with {@code Allow}, unsupported
 * media type 415, ...) as a problem document too. The detail is the status's plain meaning, not
 * RESTEasy's message, which carries internal codes and full URLs.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(WebApplicationException failure) {
        Response original = failure.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return UnexpectedFailureMapper.internalError(failure, ProblemResponses.instance(request));
        }
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
        Response.ResponseBuilder answer = ProblemResponses.of(new Problem(Problem.ABOUT_BLANK, title, status,
                detail(status), ProblemResponses.instance(request), null));
        if (original != null) {
            copy(original.getHeaders(), answer, "Allow", "WWW-Authenticate", "Retry-After");
        }
        return answer.build();
    }

    private static String detail(int status) {
        return switch (status) {
            case 400, 401, 403, 404, 405, 406, 415 -> ProblemResponses.detail("http." + status);
            default -> ProblemResponses.detail("http.other", String.valueOf(status));
        };
    }

    private static void copy(MultivaluedMap<String, Object> headers, Response.ResponseBuilder answer, String... names) {
        for (String name : names) {
            for (Map.Entry<String, List<Object>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    header.getValue().forEach(value -> answer.header(name, value));
                }
            }
        }
    }
}
