package io.verbund.acd.runtime.problem;

/**
 * 401: no credentials, unreadable ones, or ones that do not match an enabled user. The detail never
 * says whether the login exists.
 */
public class NotAuthenticated extends ApiProblem {

    /** The challenge sent with every 401: HTTP Basic (RFC 7617) in this realm. */
    public static final String CHALLENGE = "Basic realm=\"Verbund ACD\"";
    /** The challenge the browser app gets: one a browser does not answer with its own dialog. */
    public static final String APP_CHALLENGE = "Bearer realm=\"Verbund ACD\"";

    public NotAuthenticated(String detail) {
        super("not-authenticated", "Not authenticated", detail, null);
    }
}
