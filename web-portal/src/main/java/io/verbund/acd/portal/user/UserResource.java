package io.verbund.acd.portal.user;

import io.verbund.acd.portal.api.ChangesConfiguration;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
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
 * {@code /users}: the portal users of the caller's tenant (or, for a system admin or reseller, the
 * one named with {@code ?tenant=}). Tenant admins read and change them. Single users are
 * served with an ETag; changes name the version they were made from.
 */
@Path("users")
@RequestScoped
@ChangesConfiguration("user")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final Users users;
    private final TenantAddressing addressing;
    private final BodyValidation validation;
    private final CallerContext callers;

    @Inject
    public UserResource(Users users, TenantAddressing addressing, BodyValidation validation, CallerContext callers) {
        this.users = users;
        this.addressing = addressing;
        this.validation = validation;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public UserResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<UserDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                    @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        return users.list(addressed, filter, PageRequest.of(offset, limit));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id, @QueryParam("tenant") String tenant) {
        UserDocument user = users.get(addressing.forChanging(callers.caller(), tenant), id);
        return Response.ok(user).tag(EntityVersion.tag(user.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UserRequest request, @QueryParam("tenant") String tenant, @Context UriInfo uri) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        UserDocument user = users.create(addressed, validation.check(request, addressed.key()), callers.caller());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(user.id())).build())
                .tag(EntityVersion.tag(user.version())).entity(user).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") long id, UserRequest request, @QueryParam("tenant") String tenant,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        UserDocument user = users.replace(addressed, id, validation.check(request, addressed.key()), ifMatch, callers.caller());
        return Response.ok(user).tag(EntityVersion.tag(user.version())).build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @QueryParam("tenant") String tenant,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        users.remove(addressing.forChanging(callers.caller(), tenant), id, ifMatch, callers.caller());
        return Response.noContent().build();
    }
}
