package io.verbund.acd.portal.api;

import io.verbund.acd.portal.audit.AuditTrail;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The JAX-RS plumbing every configuration resource with numeric ids shares, so each states only
 * what differs (its path, its list and its filters, who may read): {@code GET /{id}} with an ETag,
 * {@code POST} answering 201 with Location and ETag, {@code PUT /{id}} naming the version it was
 * made from (and If-Match), {@code DELETE /{id}} answering 204. The tenant is the caller's own or
 * the one a system admin or reseller names with {@code ?tenant=}; the body is checked with Bean
 * Validation only after the caller is known to be allowed, so validation tells an outsider nothing.
 */
public abstract class TenantItemResource<R, D extends TenantItem> {

    private final TenantItems<R, D> items;
    protected final TenantAddressing addressing;
    protected final BodyValidation validation;
    protected final CallerContext callers;
    private AuditTrail audit;

    protected TenantItemResource(TenantItems<R, D> items, TenantAddressing addressing, BodyValidation validation,
                                 CallerContext callers) {
        this.items = items;
        this.addressing = addressing;
        this.validation = validation;
        this.callers = callers;
    }

    /**
     * Set by CDI after construction, so the dozen subclasses' constructors need not pass it through.
     */
    @Inject
    void auditTrail(AuditTrail audit) {
        this.audit = audit;
    }

    /** The item as it was before a change a subclass makes, for the audit log's list of changed fields. */
    protected void auditBefore(Object item) {
        audit.before(item);
    }

    /** Readers of this kind of item: admins and supervisors, unless a resource narrows it. */
    protected AddressedTenant readable(String tenant) {
        return addressing.forReading(callers.caller(), tenant);
    }

    protected AddressedTenant writable(String tenant) {
        return addressing.forChanging(callers.caller(), tenant);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id, @QueryParam("tenant") String tenant) {
        D item = items.get(readable(tenant), id);
        return Response.ok(item).tag(EntityVersion.tag(item.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(R request, @QueryParam("tenant") String tenant, @Context UriInfo uri) {
        AddressedTenant addressed = writable(tenant);
        D item = items.create(addressed, validation.check(request, addressed.key()), callers.caller());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(item.id())).build())
                .tag(EntityVersion.tag(item.version())).entity(item).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") long id, R request, @QueryParam("tenant") String tenant,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AddressedTenant addressed = writable(tenant);
        audit.before(items.get(addressed, id));
        D item = items.replace(addressed, id, validation.check(request, addressed.key()), ifMatch, callers.caller());
        return Response.ok(item).tag(EntityVersion.tag(item.version())).build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @QueryParam("tenant") String tenant,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AddressedTenant addressed = writable(tenant);
        audit.before(items.get(addressed, id));
        items.remove(addressed, id, ifMatch, callers.caller());
        return Response.noContent().build();
    }
}
