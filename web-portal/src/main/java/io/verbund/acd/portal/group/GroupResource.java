package io.verbund.acd.portal.group;

import io.verbund.acd.portal.api.ChangesConfiguration;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.ConfigAccess;
import io.verbund.acd.portal.api.EntityVersion;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
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
import java.util.Set;

/**
 * {@code /groups}: the ACD groups of the caller's tenant (or, for a system admin or reseller, the
 * one named with {@code ?tenant=}). Supervisors read, tenant admins change. Single groups are
 * served with an ETag; changes name the version they were made from.
 */
@Path("groups")
@RequestScoped
@ChangesConfiguration("group")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    private final AcdGroups groups;
    private final TenantAddressing addressing;
    private final BodyValidation validation;
    private final GroupRoster roster;
    private final CallerContext callers;

    @Inject
    public GroupResource(AcdGroups groups, TenantAddressing addressing, BodyValidation validation, GroupRoster roster,
                         CallerContext callers) {
        this.groups = groups;
        this.addressing = addressing;
        this.validation = validation;
        this.roster = roster;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public GroupResource() {
        this(null, null, null, null, null);
    }

    @GET
    public Page<GroupDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                    @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = addressing.forReading(callers.caller(), tenant);
        return groups.list(addressed, filter, PageRequest.of(offset, limit));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id, @QueryParam("tenant") String tenant) {
        GroupDocument group = groups.get(addressing.forReading(callers.caller(), tenant), id);
        return Response.ok(group).tag(EntityVersion.tag(group.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(GroupRequest request, @QueryParam("tenant") String tenant, @Context UriInfo uri) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        GroupDocument group = groups.create(addressed, validation.check(request, addressed.key()), callers.caller().login());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(group.id())).build())
                .tag(EntityVersion.tag(group.version())).entity(group).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") long id, GroupRequest request, @QueryParam("tenant") String tenant,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AddressedTenant addressed = addressing.forChanging(callers.caller(), tenant);
        GroupDocument group = groups.replace(addressed, id, validation.check(request, addressed.key()), ifMatch, callers.caller().login());
        return Response.ok(group).tag(EntityVersion.tag(group.version())).build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @QueryParam("tenant") String tenant,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        groups.remove(addressing.forChanging(callers.caller(), tenant), id, ifMatch, callers.caller().login());
        return Response.noContent().build();
    }

    /** Puts an agent into the group: tenant admins, and supervisors of the group. */
    @PUT
    @Path("{id}/members/{extension}")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupDocument putMember(@PathParam("id") long id, @PathParam("extension") String extension, MemberRequest request,
                                   @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = steering(id, tenant);
        int penalty = request == null || request.penalty() == null ? 0 : validation.check(request, addressed.key()).penalty();
        return groups.putMember(addressed, id, extension, penalty, callers.caller().login());
    }

    /** Takes an agent out of the group: tenant admins, and supervisors of the group. */
    @DELETE
    @Path("{id}/members/{extension}")
    public GroupDocument removeMember(@PathParam("id") long id, @PathParam("extension") String extension,
                                      @QueryParam("tenant") String tenant) {
        return groups.removeMember(steering(id, tenant), id, extension, callers.caller().login());
    }

    /** The tenant, when the caller may change who is in this group: an admin, or a supervisor watching it. */
    private AddressedTenant steering(long id, String tenant) {
        Caller caller = callers.caller();
        AddressedTenant addressed = addressing.forReading(caller, tenant);
        if (!ConfigAccess.isAdmin(caller, addressed)) {
            Set<Long> supervised = roster.supervisedBy(caller.user());
            if (!supervised.isEmpty() && !supervised.contains(id)) {
                groups.get(addressed, id);
                throw new NotPermitted("User " + caller.login() + " does not supervise ACD group " + id, addressed.key());
            }
        }
        return addressed;
    }
}
