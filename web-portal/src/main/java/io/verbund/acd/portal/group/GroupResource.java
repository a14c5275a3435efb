package io.verbund.acd.portal.group;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.ChangesConfiguration;
import io.verbund.acd.portal.api.ConfigAccess;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.api.TenantItemResource;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * {@code /groups}: the ACD groups of the caller's tenant (or, for a system admin or reseller, the
 * one named with {@code ?tenant=}). Supervisors read, tenant admins change. Single groups are
 * served with an ETag; changes name the version they were made from.
 */
@Path("groups")
@RequestScoped
@ChangesConfiguration("group")
@Audited("group")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource extends TenantItemResource<GroupRequest, GroupDocument> {

    private final AcdGroups groups;
    private final GroupRoster roster;
    private final GroupFairnessReadings fairness;
    private final Clock clock;

    @Inject
    public GroupResource(AcdGroups groups, TenantAddressing addressing, BodyValidation validation, GroupRoster roster,
                         CallerContext callers, GroupFairnessReadings fairness, Clock clock) {
        super(groups, addressing, validation, callers);
        this.groups = groups;
        this.roster = roster;
        this.fairness = fairness;
        this.clock = clock;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public GroupResource() {
        this(null, null, null, null, null, null, null);
    }

    /**
     * How evenly the group's calls went round its agents from {@code from} to {@code to} (ISO-8601
     * instants; by default the last 24 hours, at most 31 days): offers per agent, members offered
     * nothing included, and how long each agent had been free when its phone rang. Supervisors read.
     */
    @GET
    @Path("{id}/fairness")
    public GroupFairnessDocument fairness(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = readable(tenant);
        GroupDocument group = groups.get(addressed, id);
        Instant until = instant("to", to, clock.instant(), addressed);
        Instant since = instant("from", from, until.minus(Duration.ofDays(1)), addressed);
        List<String> members = group.members().stream().map(GroupDocument.Member::extension).toList();
        return new GroupFairnessDocument(id, group.name(), since, until, fairness.of(addressed, id, members, since, until));
    }

    private static Instant instant(String field, String value, Instant fallback, AddressedTenant tenant) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFields(List.of(new FieldProblem(field, PortalWords.text("common.instant"))), tenant.key());
        }
    }

    @GET
    public Page<GroupDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                    @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = readable(tenant);
        return groups.list(addressed, filter, PageRequest.of(offset, limit));
    }

    /** Puts an agent into the group: tenant admins, and supervisors of the group. */
    @PUT
    @Path("{id}/members/{extension}")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupDocument putMember(@PathParam("id") long id, @PathParam("extension") String extension, MemberRequest request,
                                   @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = steering(id, tenant);
        int penalty = request == null || request.penalty() == null ? 0 : validation.check(request, addressed.key()).penalty();
        auditBefore(groups.get(addressed, id));
        return groups.putMember(addressed, id, extension, penalty, callers.caller());
    }

    /** Takes an agent out of the group: tenant admins, and supervisors of the group. */
    @DELETE
    @Path("{id}/members/{extension}")
    public GroupDocument removeMember(@PathParam("id") long id, @PathParam("extension") String extension,
                                      @QueryParam("tenant") String tenant) {
        AddressedTenant addressed = steering(id, tenant);
        auditBefore(groups.get(addressed, id));
        return groups.removeMember(addressed, id, extension, callers.caller());
    }

    /** The tenant, when the caller may change who is in this group: an admin, or a supervisor watching it. */
    private AddressedTenant steering(long id, String tenant) {
        Caller caller = callers.caller();
        AddressedTenant addressed = addressing.forReading(caller, tenant);
        if (!ConfigAccess.isAdmin(caller, addressed)) {
            Set<Long> supervised = roster.supervisedBy(caller.user());
            if (!supervised.isEmpty() && !supervised.contains(id)) {
                groups.get(addressed, id);
                throw new NotPermitted(PortalWords.text("denied.group-not-supervised", caller.login(), String.valueOf(id)), addressed.key());
            }
        }
        return addressed;
    }
}
