package io.verbund.acd.portal.audit;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import io.verbund.acd.runtime.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /audit}: the audit log, newest first. Tenant admins read their tenant's; a system
 * administrator reads every tenant's, or one named with {@code ?tenant=}. Filters: {@code from},
 * {@code to} (ISO-8601 instants, to exclusive), {@code actor} (part of the name), {@code entityType};
 * paged with {@code offset} and {@code limit}. No {@code @ApiArea}: API tokens cannot read it.
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int LONGEST_FILTER = 200;

    private final AuditEvents events;
    private final TenantAddressing addressing;
    private final CallerContext callers;

    @Inject
    public AuditResource(AuditEvents events, TenantAddressing addressing, CallerContext callers) {
        this.events = events;
        this.addressing = addressing;
        this.callers = callers;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public AuditResource() {
        this(null, null, null);
    }

    @GET
    public Page<AuditEventDocument> list(@QueryParam("tenant") String tenant, @QueryParam("from") String from,
                                         @QueryParam("to") String to, @QueryParam("actor") String actor,
                                         @QueryParam("entityType") String entityType, @QueryParam("offset") Integer offset,
                                         @QueryParam("limit") Integer limit) {
        Caller caller = callers.caller();
        AddressedTenant addressed = addressing.forChanging(caller, tenant);
        boolean everyTenant = caller.has(Role.SYSTEM_ADMIN) && (tenant == null || tenant.isBlank());
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Instant> since = instant("from", from, problems);
        Optional<Instant> until = instant("to", to, problems);
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            problems.add(new FieldProblem("from", PortalWords.text("period.before-to")));
        }
        Optional<String> actorFilter = text("actor", actor, problems);
        Optional<String> typeFilter = text("entityType", entityType, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems, addressed.key());
        }
        AuditEvents.Query query = new AuditEvents.Query(everyTenant ? Optional.empty() : Optional.of(addressed.id()), since, until,
                actorFilter, typeFilter);
        return events.list(query, PageRequest.of(offset, limit));
    }

    private static Optional<Instant> instant(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, PortalWords.text("common.instant")));
            return Optional.empty();
        }
    }

    private static Optional<String> text(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > LONGEST_FILTER) {
            problems.add(new FieldProblem(field, PortalWords.text("audit.filter-length", String.valueOf(LONGEST_FILTER))));
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }
}
