package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request and how it proved who it is, set once by {@link ApiAuthentication}. */
@RequestScoped
public class CallerContext {

    /** How the caller of a request authenticated. */
    public enum Credentials { SESSION, PASSWORD, TOKEN }

    private Caller caller;
    private Credentials credentials;

    void authenticated(Caller caller, Credentials credentials) {
        if (this.caller != null) {
            throw new IllegalStateException("the caller of a request is set once");
        }
        this.caller = caller;
        this.credentials = credentials;
    }

    /** @throws NotAuthenticated when the request was not authenticated (an open resource asked) */
    public Caller caller() {
        if (caller == null) {
            throw new NotAuthenticated("This API needs the credentials of a Verbund user or an API token");
        }
        return caller;
    }

    /** @throws NotAuthenticated when the request was not authenticated */
    public Credentials credentials() {
        caller();
        return credentials;
    }
}
