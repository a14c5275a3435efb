package io.verbund.acd.portal.pause;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.ChangesConfiguration;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.QueryFlag;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.api.TenantItemResource;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /pause-reasons}: the pause reasons of the caller's tenant (or, for a system admin or
 * reseller, the one named with {@code ?tenant=}). Every user of the tenant reads them, agents
 * included, because the agent desktop offers them; tenant admins change them. The list takes
 * {@code ?q=} (text in the label) and {@code ?enabled=true|false}. Reasons set by the system are
 * answered 409 to every change.
 */
@Path("pause-reasons")
@RequestScoped
@ChangesConfiguration("pause-reason")
@Audited("pause-reason")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class PauseReasonResource extends TenantItemResource<PauseReasonRequest, PauseReasonDocument> {

    private final PauseReasons reasons;

    @Inject
    public PauseReasonResource(PauseReasons reasons, TenantAddressing addressing, BodyValidation validation, CallerContext callers) {
        super(reasons, addressing, validation, callers);
        this.reasons = reasons;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public PauseReasonResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<PauseReasonDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                          @QueryParam("enabled") String enabled,
                                          @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = readable(tenant);
        return reasons.list(addressed, filter, QueryFlag.parse("enabled", enabled), PageRequest.of(offset, limit));
    }

    @Override
    protected AddressedTenant readable(String tenant) {
        return addressing.forMembers(callers.caller(), tenant);
    }
}
