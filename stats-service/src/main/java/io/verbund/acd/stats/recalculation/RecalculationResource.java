package io.verbund.acd.stats.recalculation;

import io.verbund.acd.runtime.problem.MalformedRequest;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.ServiceAccess;
import io.verbund.acd.stats.access.ReportScope;
import io.verbund.acd.stats.access.StatsAccess;
import io.verbund.acd.stats.report.ReportRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;

/**
 * {@code /api/v1/tenants/{tenant}/recalculations}: recompute the slices of a period from the raw
 * events (after a KPI-relevant fix, or to prove the slices right). POST answers 202 with the job
 * and its {@code Location}; GET on it shows the progress. Administrators only; audited.
 */
@Path("api/v1/tenants/{tenant}/recalculations")
@RequestScoped
@ServiceAccess
@ApiArea(ApiArea.Area.STATS)
@Produces(MediaType.APPLICATION_JSON)
public class RecalculationResource {

    private static final Logger AUDIT = Logger.getLogger("io.verbund.acd.audit");

    private final StatsAccess access;
    private final Recalculations recalculations;
    private final Clock clock;

    @Context
    private UriInfo uri;

    @Inject
    public RecalculationResource(StatsAccess access, Recalculations recalculations, Clock clock) {
        this.access = access;
        this.recalculations = recalculations;
        this.clock = clock;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public RecalculationResource() {
        this(null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("tenant") String tenant, RecalculationRequest request) {
        if (request == null) {
            throw new MalformedRequest("Send the period as a JSON object: {\"from\":\"2026-12-01\",\"to\":\"2026-12-05\"}");
        }
        ReportScope scope = access.toAdminister(tenant, request.createdBy());
        LocalDate today = LocalDate.now(clock.withZone(scope.tenant().zone()));
        ReportRequest period = ReportRequest.parse(request.from(), request.to(), null, null, null, null, scope.tenant().zone(), today,
                scope.tenant().key());
        RecalculationDocument started = recalculations.start(scope.tenant(), period.from(), period.to(), scope.actor());
        AUDIT.info(() -> "tenant=" + scope.tenant().key().value() + " actor=" + scope.actor() + " action=statistics.recalculation.started id="
                + started.id() + " from=" + started.from() + " to=" + started.to());
        return Response.accepted(started).location(uri.getAbsolutePathBuilder().path(Long.toString(started.id())).build()).build();
    }

    @GET
    @Path("{id}")
    public RecalculationDocument progress(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        ReportScope scope = access.toRead(tenant, List.of(), null);
        return recalculations.find(scope.tenant(), id).orElseThrow(() -> new NotFoundException("No recalculation " + id));
    }
}
