package io.verbund.acd.runtime.problem;

/**
 * 503: a part the service needs (the database, the cache) did not answer. The client may retry;
 * the cause is logged, not sent.
 */
public abstract class Unavailable extends ApiProblem {

    protected Unavailable(String slug, String title, String detail, Throwable cause) {
        super(slug, title, detail, null, cause);
    }
}
