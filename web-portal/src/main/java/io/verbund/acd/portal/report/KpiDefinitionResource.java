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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.logging.Logger;

/**
 * {@code /kpi-definitions}: how the tenant's figures are made (which service-level variant, whether
 * short abandons count, whether wrap-up is handle time), in versions; every report names the
 * version that made it. Admins and supervisors read them; a tenant admin (or a system admin naming
 * the tenant) adds a version with {@code POST}, which becomes current. The portal writes who made
 * it into the version ({@code createdBy}) and the log, whatever the body says.
 */
@Path("kpi-definitions")
@RequestScoped
@ApiArea(ApiArea.Area.STATS)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class KpiDefinitionResource {

    private static final Logger LOG = Logger.getLogger(KpiDefinitionResource.class.getName());

    private final StatsClient stats;
    private final ReportAccesses accesses;

    @Context
    private UriInfo uris;

    @Inject
    public KpiDefinitionResource(StatsClient stats, ReportAccesses accesses) {
        this.stats = stats;
        this.accesses = accesses;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public KpiDefinitionResource() {
        this(null, null);
    }

    /** {@code {"current":1,"versions":[{"version","serviceLevel","shortAbandonsExcluded","wrapUpInHandleTime","createdAt","createdBy"}]}}. */
    @GET
    public Response list(@QueryParam("tenant") String tenant) {
        ReportAccess access = accesses.of(tenant);
        access.requireViewer();
        AddressedTenant addressed = access.tenant();
        return ForwardedAnswer.streaming(stats.kpiDefinitions(addressed.key())).build();
    }

    /**
     * Adds a version ({@code {"serviceLevel":"ABANDONS_EXCLUDED|ABANDONS_AGAINST|ABANDONS_WITHIN_TARGET_FOR",
     * "shortAbandonsExcluded","wrapUpInHandleTime"}}); 201 with it, and {@code Location} the list it is current in.
     */
    @Audited("kpi-definition")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response define(JsonObject definition, @QueryParam("tenant") String tenant) {
        ReportAccess access = accesses.of(tenant);
        access.requireAdmin(PortalWords.text("denied.what.kpi-definition"));
        Caller caller = access.caller();
        AddressedTenant addressed = access.tenant();
        if (definition == null) {
            throw new MalformedRequest("The request needs a KPI definition as its JSON body");
        }
        String body = Json.createObjectBuilder(definition).add("createdBy", caller.login()).build().toString();
        StatsAnswer answer = stats.defineKpis(addressed.key(), body);
        String made = answer.text();
        Response.ResponseBuilder response = ForwardedAnswer.read(answer, made);
        if (answer.succeeded()) {
            LOG.info(() -> "KPI definition " + StatsJson.member(made, "version") + " (" + definition + ") made current in tenant "
                    + addressed.key() + " by " + caller.login());
            response.location(uris.getBaseUriBuilder().path(KpiDefinitionResource.class).build());
        }
        return response.build();
    }
}
