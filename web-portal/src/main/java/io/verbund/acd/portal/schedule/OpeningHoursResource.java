package io.verbund.acd.portal.schedule;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.BodyValidation;
import io.verbund.acd.portal.api.ChangesConfiguration;
import io.verbund.acd.portal.api.Page;
import io.verbund.acd.portal.api.PageRequest;
import io.verbund.acd.portal.api.TenantAddressing;
import io.verbund.acd.portal.api.TenantItemResource;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.MalformedRequest;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code /opening-hours}: the opening hours of the caller's tenant (or, for a system admin or
 * reseller, the one named with {@code ?tenant=}), and {@code /opening-hours/{id}/status?at=} to ask
 * whether they are open at an instant. Supervisors read, tenant admins change; {@code ?q=} filters
 * the list by name. Single schedules are served with an ETag; changes name the version they were
 * made from.
 */
@Path("opening-hours")
@RequestScoped
@ChangesConfiguration("opening-hours")
@Audited("opening-hours")
@ApiArea(ApiArea.Area.CONFIG)
@Produces(MediaType.APPLICATION_JSON)
public class OpeningHoursResource extends TenantItemResource<OpeningHoursRequest, OpeningHoursDocument> {

    private final Schedules schedules;

    @Inject
    public OpeningHoursResource(Schedules schedules, TenantAddressing addressing, BodyValidation validation, CallerContext callers) {
        super(schedules, addressing, validation, callers);
        this.schedules = schedules;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public OpeningHoursResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<OpeningHoursDocument> list(@QueryParam("tenant") String tenant, @QueryParam("q") String filter,
                                           @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AddressedTenant addressed = readable(tenant);
        return schedules.list(addressed, filter, PageRequest.of(offset, limit));
    }

    /**
     * @param at an ISO-8601 instant ({@code 2026-12-24T10:00:00Z}) or date-time with offset
     *           ({@code 2026-12-24T11:00:00+01:00}); left out: now
     */
    @GET
    @Path("{id}/status")
    public OpeningStatus status(@PathParam("id") long id, @QueryParam("at") String at, @QueryParam("tenant") String tenant) {
        Optional<Instant> instant = instant(at);
        return schedules.status(readable(tenant), id, instant);
    }

    /** @throws MalformedRequest naming {@code at} when it is neither an instant nor a date-time with offset */
    static Optional<Instant> instant(String at) {
        if (at == null || at.isBlank()) {
            return Optional.empty();
        }
        try {
            // An unencoded "+01:00" arrives as " 01:00" (a plus means space in a query); no valid value has a space.
            return Optional.of(OffsetDateTime.parse(at.strip().replace(' ', '+')).toInstant());
        } catch (DateTimeException e) {
            throw new MalformedRequest("at must be an ISO-8601 instant such as 2026-12-24T10:00:00Z, not '"
                    + ClientText.echo(at, 40) + "'");
        }
    }
}
