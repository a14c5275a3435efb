package io.verbund.acd.runtime.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Every resource of a Verbund JAX-RS application requires an authenticated caller, except the open
 * ones in {@link #OPEN_PATHS} ({@code health}, which load balancers probe without credentials).
 * Resources need no annotation: forgetting one cannot open an endpoint. Missing or wrong
 * credentials end the request with 401 before the resource or its body reader runs.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BasicAuthentication implements ContainerRequestFilter {

    /** Paths below the application root answered without credentials. */
    static final Set<String> OPEN_PATHS = Set.of("health");

    private final Authenticator authenticator;
    private final CallerContext callers;

    @Inject
    public BasicAuthentication(Authenticator authenticator, CallerContext callers) {
        this.authenticator = authenticator;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public BasicAuthentication() {
        this.authenticator = null;
        this.callers = null;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isOpen(request.getUriInfo().getPath())) {
            return;
        }
        BasicCredentials credentials = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        callers.authenticated(authenticator.authenticate(credentials));
    }

    static boolean isOpen(String path) {
        String relative = path == null ? "" : path;
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        while (relative.endsWith("/")) {
            relative = relative.substring(0, relative.length() - 1);
        }
        return OPEN_PATHS.contains(relative);
    }
}
