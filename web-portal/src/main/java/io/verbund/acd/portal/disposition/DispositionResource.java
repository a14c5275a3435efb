package io.verbund.acd.portal.disposition;

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
 * {@code /dispositions}: the dispositions of the caller's tenant (or, for a system admin or
 * reseller, the one named with {@code ?tenant=}). Every user of the tenant reads them, agents
 * included; tenant admins change them. The list takes {@code ?q=} (text in the label),
 * {@code ?group=NAME} (those offered in that group: its own and those for every group; 400 for a
 * group the tenant does not have) and {@code ?enabled=true|false}.
 */
@Path("dispositions")
@RequestScoped
@ChangesConfiguration("disposition")
@Audited("disposition")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class DispositionResource extends TenantItemResource<DispositionRequest, DispositionDocument> {

    private final Dispositions dispositions;

    @Inject
    public DispositionResource(Dispositions dispositions, TenantAddressing addressing, BodyValidation validation,
                               CallerContext callers) {
        super(dispositions, addressing, validation, callers);
        this.dispositions = dispositions;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public DispositionResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<DispositionDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                          @QueryParam("group") String group, @QueryParam("enabled") String enabled,
                                          @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = readable(tenant);
        return dispositions.list(addressed, filter, group, QueryFlag.parse("enabled", enabled), PageRequest.of(offset, limit));
    }

    @Override
    protected AddressedTenant readable(String tenant) {
        return addressing.forMembers(callers.caller(), tenant);
    }
}
