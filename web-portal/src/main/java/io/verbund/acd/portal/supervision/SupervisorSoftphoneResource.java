package io.verbund.acd.portal.supervision;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.softphone.SoftphoneDocument;
import io.verbund.acd.portal.softphone.SoftphoneEdge;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import io.verbund.acd.runtime.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /supervision/softphone}: the signed-in supervisor's own phone account
 * ({@code supervisor_phone}) as browser softphone settings, {@link SoftphoneDocument}, so the
 * supervisor view can be the phone the node rings to listen in. Always the caller's own: there is no
 * way to name another user. 403 without the role SUPERVISOR, 404 when the user has no supervisor
 * phone; never cached. No {@code ApiArea}: closed to API tokens, as a password-equivalent belongs to
 * the person signed in.
 */
@Path("supervision/softphone")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SupervisorSoftphoneResource {

    private final CallerContext callers;
    private final SupervisorPhones phones;
    private final SoftphoneEdge edge;

    @Inject
    public SupervisorSoftphoneResource(CallerContext callers, SupervisorPhones phones, SoftphoneEdge edge) {
        this.callers = callers;
        this.phones = phones;
        this.edge = edge;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public SupervisorSoftphoneResource() {
        this(null, null, null);
    }

    @GET
    public Response softphone() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(settingsOf(callers.caller())).cacheControl(noStore).build();
    }

    /**
     * @throws NotPermitted for anyone but a supervisor
     * @throws NoSupervisorSoftphone when the supervisor has no phone account
     */
    SoftphoneDocument settingsOf(Caller caller) {
        if (!caller.has(Role.SUPERVISOR)) {
            throw new NotPermitted(PortalWords.text("denied.supervise", caller.login()), caller.tenant());
        }
        return phones.accountOf(caller.tenantId(), caller.user()).map(edge::settingsFor)
                .orElseThrow(() -> new NoSupervisorSoftphone(caller.login(), caller.tenant()));
    }
}
