package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Builds the problem+json answer every mapper sends, so they differ only in status and headers.
 * The title is worded in the request's language ({@link RequestLanguage}) by the problem's type;
 * the detail is as the problem was worded where it was thrown.
 */
final class ProblemResponses {

    static final Wording WORDS = new Wording(ProblemResponses.class, "io.verbund.acd.runtime.problem.ProblemWords");

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
        Problem worded = new Problem(problem.type(), title(problem), problem.status(), problem.detail(), problem.instance(),
                problem.tenant(), problem.errors());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).cacheControl(noStore)
                .header("Content-Language", RequestLanguage.current().getLanguage()).entity(worded);
    }

    /** The detail of a generic problem ({@code detail.<key>} in the bundle) in the request's language. */
    static String detail(String key, Object... arguments) {
        return WORDS.text("detail." + key, arguments);
    }

    static String title(Problem problem) {
        String key = problem.type().startsWith(ApiProblem.TYPE_PREFIX)
                ? "title." + problem.type().substring(ApiProblem.TYPE_PREFIX.length())
                : "title.http." + problem.status();
        return WORDS.find(RequestLanguage.current(), key).orElse(problem.title());
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
