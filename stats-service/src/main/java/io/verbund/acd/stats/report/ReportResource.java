package io.verbund.acd.stats.report;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.ServiceAccess;
import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.stats.access.ReportScope;
import io.verbund.acd.stats.access.StatsAccess;
import io.verbund.acd.stats.export.ReportFormat;
import io.verbund.acd.stats.kpi.KpiDefinitions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/tenants/{tenant}/reports/...}: reports from the 15-minute slices, read from the
 * reporting replica ({@code AcdReportingDS}) only. {@code calls} by period and by group, agent,
 * service number or disposition; {@code agent-states}: agent state time by period and agent. Query
 * parameters: {@code from}, {@code to} (dates in the tenant's zone, included), {@code period},
 * {@code by}, {@code group} (repeatable), {@code kpiVersion}, {@code format} (json, csv, xlsx,
 * pdf) and {@code lang} (en, de).
 */
@Path("api/v1/tenants/{tenant}/reports")
@RequestScoped
@ServiceAccess
@ApiArea(ApiArea.Area.STATS)
public class ReportResource {

    /** The web portal names the user it asks for. */
    static final String ON_BEHALF_OF = "X-Verbund-On-Behalf-Of";

    private final StatsAccess access;
    private final KpiDefinitions definitions;
    private final Datasources datasources;
    private final Clock clock;

    @Inject
    public ReportResource(StatsAccess access, KpiDefinitions definitions, Datasources datasources, Clock clock) {
        this.access = access;
        this.definitions = definitions;
        this.datasources = datasources;
        this.clock = clock;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public ReportResource() {
        this(null, null, null, null);
    }

    @GET
    @Path("calls")
    @Produces({MediaType.APPLICATION_JSON, ReportFiles.CSV, ReportFiles.XLSX, ReportFiles.PDF})
    public Response calls(@PathParam("tenant") String tenant, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("period") String period, @QueryParam("by") String by, @QueryParam("group") List<Long> groups,
                          @QueryParam("kpiVersion") String kpiVersion, @QueryParam("format") String format, @QueryParam("lang") String lang,
                          @HeaderParam(ON_BEHALF_OF) String onBehalfOf) {
        ReportScope scope = access.toRead(tenant, groups, onBehalfOf);
        ReportRequest request = ReportRequest.parse(from, to, period, by, kpiVersion, lang, scope.tenant().zone(), today(scope), scope.tenant().key());
        Optional<ReportFormat> file = ReportFiles.format(format, scope.tenant().key());
        KpiDefinition definition = definitions.version(scope.tenant(), request.kpiVersion(), "kpiVersion");
        try (Connection reporting = datasources.forRole(DatasourceRole.REPORTING).getConnection()) {
            ReadFrom readFrom = ReadFrom.of(reporting, DatasourceRole.REPORTING);
            CallReport.Result result = CallReport.run(reporting, scope, request, definition);
            return ReportFiles.calls(file, scope, request, definition, readFrom, result);
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading the report from the reporting database", e);
        }
    }

    @GET
    @Path("agent-states")
    @Produces({MediaType.APPLICATION_JSON, ReportFiles.CSV, ReportFiles.XLSX, ReportFiles.PDF})
    public Response agentStates(@PathParam("tenant") String tenant, @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("period") String period, @QueryParam("group") List<Long> groups,
                                @QueryParam("format") String format, @QueryParam("lang") String lang,
                                @HeaderParam(ON_BEHALF_OF) String onBehalfOf) {
        ReportScope scope = access.toRead(tenant, groups, onBehalfOf);
        ReportRequest request = ReportRequest.parse(from, to, period, null, null, lang, scope.tenant().zone(), today(scope), scope.tenant().key());
        Optional<ReportFormat> file = ReportFiles.format(format, scope.tenant().key());
        try (Connection reporting = datasources.forRole(DatasourceRole.REPORTING).getConnection()) {
            ReadFrom readFrom = ReadFrom.of(reporting, DatasourceRole.REPORTING);
            return ReportFiles.agentStates(file, scope, request, readFrom, AgentStateReport.run(reporting, scope, request));
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading the report from the reporting database", e);
        }
    }

    private LocalDate today(ReportScope scope) {
        return LocalDate.now(clock.withZone(scope.tenant().zone()));
    }
}
