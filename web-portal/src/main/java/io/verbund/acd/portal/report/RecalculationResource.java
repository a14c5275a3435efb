package io.verbund.acd.portal.report;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.audit.Audited;
import io.verbund.acd.runtime.problem.MalformedRequest;
import io.verbund.acd.runtime.problem.Problem;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.stats.StatsAnswer;
import io.verbund.acd.runtime.stats.StatsClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.logging.Logger;

/**
 * {@code /recalculations}: recomputing the tenant's 15-minute slices of a period from the raw
 * events, e.g. after the KPI definition changed. A tenant admin (or a system admin naming the
 * tenant) starts one with {@code POST {"from","to"}} (dates, inclusive), answered 202 with the job
 * ({@code {"id","state":"RUNNING|DONE|FAILED","slicesDone","slicesTotal","from","to"}}) and its
 * address here; admins and supervisors follow its progress with {@code GET /recalculations/{id}}.
 */
@Path("recalculations")
@RequestScoped
@ApiArea(ApiArea.Area.STATS)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class RecalculationResource {

    private static final Logger LOG = Logger.getLogger(RecalculationResource.class.getName());

    private final StatsClient stats;
    private final ReportAccesses accesses;

    @Context
    private UriInfo uris;

    @Inject
    public RecalculationResource(StatsClient stats, ReportAccesses accesses) {
        this.stats = stats;
        this.accesses = accesses;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public RecalculationResource() {
        this(null, null);
    }

    @Audited("recalculation")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(JsonObject period, @QueryParam("tenant") String tenant) {
        ReportAccess access = accesses.of(tenant);
        access.requireAdmin(PortalWords.text("denied.what.recalculate"));
        Caller caller = access.caller();
        AddressedTenant addressed = access.tenant();
        if (period == null) {
            throw new MalformedRequest("The request needs the period as its JSON body: {\"from\":\"2026-12-01\",\"to\":\"2026-12-05\"}");
        }
        StatsAnswer answer = stats.recalculate(addressed.key(), Json.createObjectBuilder(period).add("createdBy", caller.login()).build().toString());
        String job = answer.text();
        Response.ResponseBuilder response = ForwardedAnswer.read(answer, job);
        if (answer.succeeded()) {
            String id = StatsJson.member(job, "id");
            LOG.info(() -> "recalculation " + id + " of " + period.get("from") + " to " + period.get("to")
                    + " started in tenant " + addressed.key() + " by " + caller.login());
            if (!id.isEmpty()) {
                response.location(uris.getBaseUriBuilder().path(RecalculationResource.class).path(id).build());
            }
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    public Response progress(@PathParam("id") long id, @QueryParam("tenant") String tenant) {
        ReportAccess access = accesses.of(tenant);
        access.requireViewer();
        AddressedTenant addressed = access.tenant();
        return ForwardedAnswer.streaming(stats.recalculation(addressed.key(), id)).build();
    }
}
