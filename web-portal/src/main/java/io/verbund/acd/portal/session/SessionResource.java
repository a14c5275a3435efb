package io.verbund.acd.portal.session;

import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.audit.NotAudited;
import io.verbund.acd.runtime.problem.NotAuthenticated;
import io.verbund.acd.runtime.security.Authenticator;
import io.verbund.acd.runtime.security.BasicCredentials;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import io.verbund.acd.runtime.security.ClientAddress;
import io.verbund.acd.runtime.security.LoginThrottle;
import io.verbund.acd.runtime.security.SessionLogin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;

/**
 * {@code /session}: the browser's login. {@code POST} takes login and password and starts a new
 * session (cookie, HttpOnly, SameSite=Strict); {@code GET} says who is logged in and repeats the
 * CSRF token; {@code DELETE} logs out. Failed logins are throttled cluster-wide, together with HTTP
 * Basic ({@link LoginThrottle}).
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final Logger LOG = Logger.getLogger(SessionResource.class.getName());

    private final Authenticator authenticator;
    private final LoginThrottle throttle;
    private final UserProfiles profiles;
    private final BodyValidation validation;
    private final CallerContext callers;

    @Context
    private HttpServletRequest request;

    @Inject
    public SessionResource(Authenticator authenticator, LoginThrottle throttle, UserProfiles profiles,
                           BodyValidation validation, CallerContext callers) {
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.profiles = profiles;
        this.validation = validation;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public SessionResource() {
        this(null, null, null, null, null);
    }

    @NotAudited("a login; refused logins and lockouts are security events of the login code")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionDocument logIn(LoginRequest login) {
        validation.check(login, null);
        String address = ClientAddress.of(request);
        Caller caller;
        try {
            caller = throttle.attempt(login.login(), address,
                    () -> authenticator.authenticate(new BasicCredentials(login.login(), login.password())));
        } catch (NotAuthenticated refused) {
            LOG.info(() -> "event=login-failed login=" + login.login() + " source=" + address);
            throw refused;
        }
        String csrf = SessionLogin.start(request, caller);
        LOG.info(() -> "event=login user=" + caller.login() + " tenant=" + caller.tenant() + " source=" + address);
        return profiles.document(caller, csrf);
    }

    @GET
    public SessionDocument current() {
        Caller caller = callers.caller();
        return profiles.document(caller, SessionLogin.csrfToken(request).orElse(null));
    }

    @NotAudited("a logout")
    @DELETE
    public Response logOut() {
        Caller caller = callers.caller();
        SessionLogin.end(request);
        LOG.info(() -> "user " + caller + " logged out");
        return Response.noContent().build();
    }
}
