package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import io.verbund.acd.runtime.problem.NotPermitted;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Optional;

/**
 * Every resource of a Verbund JAX-RS application requires an authenticated caller, except the open
 * ones {@link #isOpen} names (health, which load balancers probe, and the login itself). Resources
 * need no annotation: forgetting one cannot open an endpoint. Three kinds of credentials:
 * <ul>
 * <li>{@code Authorization: Bearer vbd_…}: an integrator's API token, limited to the scopes it was
 * given ({@link ApiArea} of the resource class; a class without one is closed to tokens);</li>
 * <li>{@code Authorization: Basic}: a user's login and password (scripts, tests, the demo's
 * commands);</li>
 * <li>{@code Authorization: Verbund-Service <secret>}: another Verbund service with the cluster's
 * {@link ServiceSecret}, accepted only by resource classes marked {@link ServiceAccess};</li>
 * <li>no header: the browser's session, and then every request that could change something must
 * echo the session's CSRF token in {@value SessionLogin#CSRF_HEADER}.</li>
 * </ul>
 * Missing or wrong credentials end the request with 401 before the resource or its body reader runs;
 * password checks go through the {@link LoginThrottle} (429 once an account or address is locked).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class ApiAuthentication implements ContainerRequestFilter {

    private static final String NO_CREDENTIALS = "Log in, or send the credentials of a Verbund user (HTTP Basic) or an API token (Bearer)";

    private final Authenticator passwords;
    private final LoginThrottle throttle;
    private final TokenAuthenticator tokens;
    private final SessionUsers sessions;
    private final CallerContext callers;
    private final ServiceSecret serviceSecret;

    @Context
    private HttpServletRequest servletRequest;
    @Context
    private ResourceInfo resource;

    @Inject
    public ApiAuthentication(Authenticator passwords, LoginThrottle throttle, TokenAuthenticator tokens, SessionUsers sessions,
                             CallerContext callers, ServiceSecret serviceSecret) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.sessions = sessions;
        this.callers = callers;
        this.serviceSecret = serviceSecret;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public ApiAuthentication() {
        this(null, null, null, null, null, null);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (isOpen(request.getUriInfo().getPath(), method)) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            String header = authorization.strip();
            if (ServiceSecret.isServiceHeader(header)) {
                authenticateService(header);
            } else if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                StoredToken token = tokens.authenticate(header.substring(7).strip());
                requireScope(token, method);
                callers.authenticated(token.caller(), CallerContext.Credentials.TOKEN);
            } else {
                BasicCredentials credentials = BasicCredentials.parse(header);
                String source = servletRequest == null ? "unknown" : ClientAddress.of(servletRequest);
                Caller caller = throttle.attempt(credentials.login(), source, () -> passwords.authenticate(credentials));
                callers.authenticated(caller, CallerContext.Credentials.PASSWORD);
            }
            return;
        }
        Optional<String> login = servletRequest == null ? Optional.empty() : SessionLogin.login(servletRequest);
        if (login.isEmpty()) {
            throw new NotAuthenticated(NO_CREDENTIALS);
        }
        Caller caller;
        try {
            caller = sessions.callerOf(login.get());
        } catch (NotAuthenticated gone) {
            SessionLogin.end(servletRequest);
            throw gone;
        }
        if (changes(method) && !SessionLogin.csrfMatches(servletRequest, request.getHeaderString(SessionLogin.CSRF_HEADER))) {
            throw new NotPermitted("This request changes something and must carry the session's CSRF token in "
                    + SessionLogin.CSRF_HEADER + " (from GET /api/v1/session)", caller.tenant());
        }
        callers.authenticated(caller, CallerContext.Credentials.SESSION);
    }

    /** The secret is checked before the resource is: a wrong one is a 401 wherever it is sent. */
    private void authenticateService(String header) {
        if (serviceSecret == null || !serviceSecret.matches(ServiceSecret.credentialOf(header))) {
            throw new NotAuthenticated("The service credential is wrong, or this node has no service secret configured");
        }
        boolean allowed = resource != null && resource.getResourceClass() != null
                && resource.getResourceClass().isAnnotationPresent(ServiceAccess.class);
        if (!allowed) {
            throw new NotPermitted("Service credentials cannot use this resource", null);
        }
        callers.authenticatedService();
    }

    private void requireScope(StoredToken token, String method) {
        ApiArea area = resource == null || resource.getResourceClass() == null ? null
                : resource.getResourceClass().getAnnotation(ApiArea.class);
        if (area == null) {
            throw new NotPermitted("API tokens cannot use this resource; log in as a user", token.caller().tenant());
        }
        ApiScope needed = ApiScope.of(area.value(), method);
        if (!token.scopes().contains(needed)) {
            throw new NotPermitted("This API token lacks the scope " + needed.text() + " (it has: "
                    + ApiScope.format(token.scopes()) + ")", token.caller().tenant());
        }
    }

    static boolean changes(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
    }

    /** Health answers anyone; the session resource takes a login without credentials (POST only). */
    static boolean isOpen(String path, String method) {
        String relative = path == null ? "" : path;
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        while (relative.endsWith("/")) {
            relative = relative.substring(0, relative.length() - 1);
        }
        return relative.equals("health") || (relative.equals("session") && "POST".equalsIgnoreCase(method));
    }
}
