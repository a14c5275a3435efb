package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import io.verbund.acd.runtime.problem.NotPermitted;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request and how it proved who it is, set once by {@link ApiAuthentication}. */
@RequestScoped
public class CallerContext {

    /** How the caller of a request authenticated. */
    public enum Credentials { SESSION, PASSWORD, TOKEN,
        /** Another Verbund service with the cluster's {@link ServiceSecret}: no user, any tenant it names. */
        SERVICE }

    private Caller caller;
    private Credentials credentials;

    void authenticated(Caller caller, Credentials credentials) {
        if (this.credentials != null) {
            throw new IllegalStateException("the caller of a request is set once");
        }
        this.caller = caller;
        this.credentials = credentials;
    }

    void authenticatedService() {
        if (this.credentials != null) {
            throw new IllegalStateException("the caller of a request is set once");
        }
        this.credentials = Credentials.SERVICE;
    }

    /** True when another Verbund service called with the service secret; then there is no {@link #caller()}. */
    public boolean isService() {
        return credentials == Credentials.SERVICE;
    }

    /**
     * @throws NotAuthenticated when the request was not authenticated (an open resource asked)
     * @throws NotPermitted     when a service called: it acts for no user (check {@link #isService()} first)
     */
    public Caller caller() {
        if (credentials == Credentials.SERVICE) {
            throw new NotPermitted("A service credential acts for no user; this request needs a user's credentials", null);
        }
        if (caller == null) {
            throw new NotAuthenticated("This API needs the credentials of a Verbund user or an API token");
        }
        return caller;
    }

    /** @throws NotAuthenticated when the request was not authenticated */
    public Credentials credentials() {
        if (credentials == null) {
            caller();
        }
        return credentials;
    }
}
