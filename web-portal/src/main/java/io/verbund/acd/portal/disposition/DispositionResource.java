package io.verbund.acd.portal.disposition;

import io.verbund.acd.portal.api.ChangesConfiguration;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.QueryFlag;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * {@code /dispositions}: the dispositions of the caller's tenant (or, for a system admin or
 * reseller, the one named with {@code ?tenant=}). Every user of the tenant reads them, agents
 * included; tenant admins change them. The list takes {@code ?q=} (text in the label),
 * {@code ?group=NAME} (those offered in that group: its own and those for every group; 400 for a
 * group the tenant does not have) and {@code ?enabled=true|false}.
 */
@Path("dispositions")
@RequestScoped
@ChangesConfiguration("disposition")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class DispositionResource {

    private final Dispositions dispositions;
    private final TenantAddressing addressing;
    private final BodyValidation validation;
    private final CallerContext callers;

    @Inject
    public DispositionResource(Dispositions dispositions, TenantAddressing addressing, BodyValidation validation,
                               CallerContext callers) {
        this.dispositions = dispositions;
        this.addressing = addressing;
        this.validation = validation;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public DispositionResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<DispositionDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                          @QueryParam("group") String group, @QueryParam("enabled") String enabled,
                                          @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = addressing.forMembers(callers.caller(), tenant);
        return dispositions.list(addressed, filter, group, QueryFlag.parse("enabled", enabled), PageRequest.of(offset, limit));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id, @QueryParam("tenant") String tenant) {
        DispositionDocument disposition = dispositions.get(addressing.forMembers(callers.caller(), tenant), id);
        return Response.ok(disposition).tag(EntityVersion.tag(disposition.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(DispositionRequest request, @QueryParam("tenant") String tenant, @Context UriInfo uri) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        DispositionDocument disposition = dispositions.create(addressed, validation.check(request, addressed.key()),
                callers.caller().login());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(disposition.id())).build())
                .tag(EntityVersion.tag(disposition.version())).entity(disposition).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") long id, DispositionRequest request, @QueryParam("tenant") String tenant,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        DispositionDocument disposition = dispositions.replace(addressed, id, validation.check(request, addressed.key()), ifMatch,
                callers.caller().login());
        return Response.ok(disposition).tag(EntityVersion.tag(disposition.version())).build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @QueryParam("tenant") String tenant,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        dispositions.remove(addressing.forChanging(callers.caller(), tenant), id, ifMatch, callers.caller().login());
        return Response.noContent().build();
    }
}
