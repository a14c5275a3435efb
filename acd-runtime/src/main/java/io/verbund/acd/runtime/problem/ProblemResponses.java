package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds the problem+json answer every mapper sends, so they differ only in status and headers. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response.ResponseBuilder of(ApiProblem problem, int status, UriInfo request) {
        return of(new Problem(problem.type(), problem.title(), status, problem.detail(), instance(request),
                problem.tenant().map(Object::toString).orElse(null),
                problem.fieldProblems().isEmpty() ? null : problem.fieldProblems()));
    }

    static Response.ResponseBuilder of(Problem problem) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).cacheControl(noStore).entity(problem);
    }

    /** The request's path, e.g. {@code /api/v1/agents/1001/state}; null outside a request. */
    static String instance(UriInfo request) {
        try {
            return request == null ? null : request.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
