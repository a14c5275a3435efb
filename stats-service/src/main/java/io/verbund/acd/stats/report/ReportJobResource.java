package io.verbund.acd.stats.report;

import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.problem.MalformedRequest;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.ServiceAccess;
import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.stats.access.ReportScope;
import io.verbund.acd.stats.access.StatsAccess;
import io.verbund.acd.stats.export.ReportFormat;
import io.verbund.acd.stats.kpi.KpiDefinitions;
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

/**
 * {@code /api/v1/tenants/{tenant}/report-jobs}: a report too long to wait for (a month of intervals
 * by agent) runs as a job and lands in storage-service (category {@code reports}). POST answers 202
 * with the job and its {@code Location}; GET on it shows the progress and, once DONE, the file's
 * name. The same parameters, checks and limits as the reports themselves; a file format is required.
 */
@Path("api/v1/tenants/{tenant}/report-jobs")
@RequestScoped
@ServiceAccess
@ApiArea(ApiArea.Area.STATS)
@Produces(MediaType.APPLICATION_JSON)
public class ReportJobResource {

    private final StatsAccess access;
    private final KpiDefinitions definitions;
    private final ReportJobs jobs;
    private final Clock clock;

    @Context
    private UriInfo uri;

    @Inject
    public ReportJobResource(StatsAccess access, KpiDefinitions definitions, ReportJobs jobs, Clock clock) {
        this.access = access;
        this.definitions = definitions;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public ReportJobResource() {
        this(null, null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("tenant") String tenant, ReportJobRequest job) {
        if (job == null) {
            throw new MalformedRequest("Send the report to run as a JSON object, e.g. {\"report\":\"calls\",\"format\":\"xlsx\"}");
        }
        ReportScope scope = access.toRead(tenant, job.group() == null ? List.of() : job.group(), job.createdBy());
        boolean calls = "calls".equals(job.report());
        if (!calls && !ReportFiles.AGENT_STATES.equals(job.report())) {
            throw InvalidFields.of("report", "must be calls or agent-states", scope.tenant().key());
        }
        ReportFormat format = ReportFiles.format(job.format(), scope.tenant().key())
                .orElseThrow(() -> InvalidFields.of("format", "a report job writes a file: csv, xlsx or pdf", scope.tenant().key()));
        LocalDate today = LocalDate.now(clock.withZone(scope.tenant().zone()));
        String kpiVersion = job.kpiVersion() == null ? null : job.kpiVersion().toString();
        ReportRequest request = ReportRequest.parse(job.from(), job.to(), job.period(), calls ? job.by() : null, calls ? kpiVersion : null,
                job.lang(), scope.tenant().zone(), today, scope.tenant().key());
        String parameters = "from=" + request.from() + "&to=" + request.to() + "&period=" + request.period().parameter()
                + (calls ? "&by=" + request.byParameter() : "") + scope.groups().map(groups -> "&group=" + CallReport.ids(groups)).orElse("")
                + (kpiVersion == null ? "" : "&kpiVersion=" + kpiVersion) + "&lang=" + request.locale().getLanguage();
        ReportJobDocument started;
        if (calls) {
            KpiDefinition definition = definitions.version(scope.tenant(), request.kpiVersion(), "kpiVersion");
            started = jobs.start(scope, job.report(), parameters, format, ReportFiles.fileName(ReportFiles.callsName(request), request, format),
                    reporting -> ReportFiles.callsTable(scope, request, definition, CallReport.run(reporting, scope, request, definition)));
        } else {
            started = jobs.start(scope, job.report(), parameters, format, ReportFiles.fileName(ReportFiles.AGENT_STATES, request, format),
                    reporting -> ReportFiles.agentStatesTable(scope, request, AgentStateReport.run(reporting, scope, request)));
        }
        return Response.accepted(started).location(uri.getAbsolutePathBuilder().path(Long.toString(started.id())).build()).build();
    }

    @GET
    @Path("{id}")
    public ReportJobDocument progress(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        ReportScope scope = access.toRead(tenant, List.of(), null);
        return jobs.find(scope, id).orElseThrow(() -> new NotFoundException("No report job " + id));
    }
}
