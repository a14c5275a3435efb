package io.verbund.acd.portal.pause;

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
 * {@code /pause-reasons}: the pause reasons of the caller's tenant (or, for a system admin or
 * reseller, the one named with {@code ?tenant=}). Every user of the tenant reads them, agents
 * included, because the agent desktop offers them; tenant admins change them. The list takes
 * {@code ?q=} (text in the label) and {@code ?enabled=true|false}. Reasons set by the system are
 * answered 409 to every change.
 */
@Path("pause-reasons")
@RequestScoped
@ChangesConfiguration("pause-reason")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class PauseReasonResource {

    private final PauseReasons reasons;
    private final TenantAddressing addressing;
    private final BodyValidation validation;
    private final CallerContext callers;

    @Inject
    public PauseReasonResource(PauseReasons reasons, TenantAddressing addressing, BodyValidation validation, CallerContext callers) {
        this.reasons = reasons;
        this.addressing = addressing;
        this.validation = validation;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public PauseReasonResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<PauseReasonDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                          @QueryParam("enabled") String enabled,
                                          @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = addressing.forMembers(callers.caller(), tenant);
        return reasons.list(addressed, filter, QueryFlag.parse("enabled", enabled), PageRequest.of(offset, limit));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id, @QueryParam("tenant") String tenant) {
        PauseReasonDocument reason = reasons.get(addressing.forMembers(callers.caller(), tenant), id);
        return Response.ok(reason).tag(EntityVersion.tag(reason.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PauseReasonRequest request, @QueryParam("tenant") String tenant, @Context UriInfo uri) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        PauseReasonDocument reason = reasons.create(addressed, validation.check(request, addressed.key()), callers.caller().login());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(reason.id())).build())
                .tag(EntityVersion.tag(reason.version())).entity(reason).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") long id, PauseReasonRequest request, @QueryParam("tenant") String tenant,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        PauseReasonDocument reason = reasons.replace(addressed, id, validation.check(request, addressed.key()), ifMatch,
                callers.caller().login());
        return Response.ok(reason).tag(EntityVersion.tag(reason.version())).build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @QueryParam("tenant") String tenant,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        reasons.remove(addressing.forChanging(callers.caller(), tenant), id, ifMatch, callers.caller().login());
        return Response.noContent().build();
    }
}
