package io.verbund.acd.stats.kpi;

import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.problem.MalformedRequest;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.ServiceAccess;
import io.verbund.acd.statistics.ServiceLevelVariant;
import io.verbund.acd.stats.access.ReportScope;
import io.verbund.acd.stats.access.StatsAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * {@code /api/v1/tenants/{tenant}/kpi-definitions}: the tenant's KPI definition versions; a POST
 * adds the next version, which becomes the current one. Administrators only change them; the change
 * is logged as an audit line with who made it.
 */
@Path("api/v1/tenants/{tenant}/kpi-definitions")
@RequestScoped
@ServiceAccess
@ApiArea(ApiArea.Area.STATS)
@Produces(MediaType.APPLICATION_JSON)
public class KpiDefinitionResource {

    private static final Logger AUDIT = Logger.getLogger("io.verbund.acd.audit");

    /** The versions, oldest first, and which is current. */
    public record Versions(int current, List<KpiDefinitionDocument> versions) {
    }

    private final StatsAccess access;
    private final KpiDefinitions definitions;

    @Inject
    public KpiDefinitionResource(StatsAccess access, KpiDefinitions definitions) {
        this.access = access;
        this.definitions = definitions;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public KpiDefinitionResource() {
        this(null, null);
    }

    @GET
    public Versions list(@PathParam("tenant") String tenant) {
        ReportScope scope = access.toRead(tenant, List.of(), null);
        List<KpiDefinitionDocument> versions = definitions.all(scope.tenant()).stream().map(KpiDefinitionDocument::of).toList();
        return new Versions(versions.get(versions.size() - 1).version(), versions);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("tenant") String tenant, KpiDefinitionRequest request) {
        if (request == null) {
            throw new MalformedRequest("Send the new KPI definition as a JSON object");
        }
        ReportScope scope = access.toAdminister(tenant, request.createdBy());
        List<FieldProblem> problems = new ArrayList<>();
        ServiceLevelVariant variant = null;
        try {
            variant = request.serviceLevel() == null ? null : ServiceLevelVariant.valueOf(request.serviceLevel());
        } catch (IllegalArgumentException e) {
            variant = null;
        }
        if (variant == null) {
            problems.add(new FieldProblem("serviceLevel", "must be one of " + Arrays.toString(ServiceLevelVariant.values())));
        }
        if (request.shortAbandonsExcluded() == null) {
            problems.add(new FieldProblem("shortAbandonsExcluded", "must be true or false"));
        }
        if (request.wrapUpInHandleTime() == null) {
            problems.add(new FieldProblem("wrapUpInHandleTime", "must be true or false"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems, scope.tenant().key());
        }
        KpiDefinitions.Stored added = definitions.add(scope.tenant(), variant, request.shortAbandonsExcluded(), request.wrapUpInHandleTime(),
                scope.actor());
        AUDIT.info(() -> "tenant=" + scope.tenant().key().value() + " actor=" + scope.actor() + " action=kpi-definition.added version="
                + added.definition().version() + " serviceLevel=" + added.definition().serviceLevel()
                + " shortAbandonsExcluded=" + added.definition().shortAbandonsExcluded()
                + " wrapUpInHandleTime=" + added.definition().wrapUpInHandleTime());
        return Response.status(Response.Status.CREATED).entity(KpiDefinitionDocument.of(added)).build();
    }
}
