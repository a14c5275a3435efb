package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set once by {@link BasicAuthentication}. */
@RequestScoped
public class CallerContext {

    private Caller caller;

    void authenticated(Caller caller) {
        if (this.caller != null) {
            throw new IllegalStateException("the caller of a request is set once");
        }
        this.caller = caller;
    }

    /** @throws NotAuthenticated when the request was not authenticated (an open resource asked) */
    public Caller caller() {
        if (caller == null) {
            throw new NotAuthenticated("This API needs the credentials of a Verbund user (HTTP Basic)");
        }
        return caller;
    }
}
