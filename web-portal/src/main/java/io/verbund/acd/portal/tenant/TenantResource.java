package io.verbund.acd.portal.tenant;

import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.ChangesConfiguration;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.audit.AuditTrail;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.CallerContext;
import io.verbund.acd.runtime.security.TenantId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /tenants}: the tenants the caller sees ({@link Tenants}); system administrators and
 * resellers create and change them, everyone else reads its own.
 */
@Path("tenants")
@RequestScoped
@ChangesConfiguration("tenant")
@Audited("tenant")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final Tenants tenants;
    private final BodyValidation validation;
    private final CallerContext callers;
    private final AuditTrail audit;

    @Inject
    public TenantResource(Tenants tenants, BodyValidation validation, CallerContext callers, AuditTrail audit) {
        this.tenants = tenants;
        this.audit = audit;
        this.validation = validation;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public TenantResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<TenantDocument> list(@QueryParam("q") String filter, @QueryParam("offset") Integer offset,
                                     @QueryParam("limit") Integer limit) {
        return tenants.list(callers.caller(), filter, PageRequest.of(offset, limit));
    }

    @GET
    @Path("{key}")
    public Response get(@PathParam("key") String key) {
        TenantDocument tenant = tenants.get(callers.caller(), key);
        return Response.ok(tenant).tag(EntityVersion.tag(tenant.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TenantRequest request, @Context UriInfo uri) {
        tenants.requireMayCreate(callers.caller());
        TenantDocument tenant = tenants.create(callers.caller(), validation.check(request, callers.caller().tenant()));
        audit.tenant(new TenantId(tenant.id()));
        return Response.created(uri.getAbsolutePathBuilder().path(tenant.key()).build())
                .tag(EntityVersion.tag(tenant.version())).entity(tenant).build();
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("key") String key, TenantRequest request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TenantDocument before = tenants.get(callers.caller(), key);
        TenantDocument tenant = tenants.replace(callers.caller(), key, validation.check(request, callers.caller().tenant()), ifMatch);
        audit.before(before);
        audit.tenant(new TenantId(tenant.id()));
        return Response.ok(tenant).tag(EntityVersion.tag(tenant.version())).build();
    }
}
