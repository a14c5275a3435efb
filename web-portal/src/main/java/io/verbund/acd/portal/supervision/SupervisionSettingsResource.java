package io.verbund.acd.portal.supervision;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.ConfigAccess;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.portal.audit.AuditTrail;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /supervision-settings}: whether the tenant's callers hear the supervision notice when a
 * supervisor starts listening in. Members read it; tenant admins change it (audited).
 */
@Path("supervision-settings")
@RequestScoped
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionSettingsResource {

    private final TenantAddressing addressing;
    private final BodyValidation validation;
    private final CallerContext callers;
    private final SupervisorPhones phones;
    private final AuditTrail audit;

    @Inject
    public SupervisionSettingsResource(TenantAddressing addressing, BodyValidation validation, CallerContext callers,
                                       SupervisorPhones phones, AuditTrail audit) {
        this.addressing = addressing;
        this.validation = validation;
        this.callers = callers;
        this.phones = phones;
        this.audit = audit;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public SupervisionSettingsResource() {
        this(null, null, null, null, null);
    }

    @GET
    public SupervisionSettings get(@QueryParam("tenant") String tenant) {
        AddressedTenant addressed = addressing.forMembers(callers.caller(), tenant);
        return new SupervisionSettings(phones.notice(addressed.id()));
    }

    @Audited("supervision-settings")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public SupervisionSettings replace(SupervisionSettings settings, @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        ConfigAccess.requireAdmin(callers.caller(), addressed);
        SupervisionSettings checked = validation.check(settings, addressed.key());
        audit.before(new SupervisionSettings(phones.notice(addressed.id())));
        audit.entityId(addressed.key().value());
        phones.setNotice(addressed.id(), checked.notice());
        return checked;
    }
}
