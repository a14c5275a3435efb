package io.verbund.acd.stats.realtime;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.security.ServiceAccess;
import io.verbund.acd.statistics.KpiDefinition;
import io.verbund.acd.stats.access.ReportScope;
import io.verbund.acd.stats.access.StatsAccess;
import io.verbund.acd.stats.kpi.KpiDefinitions;
import io.verbund.acd.stats.report.ReadFrom;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * {@code /api/v1/tenants/{tenant}/realtime/...}: today so far, read from the real-time replica
 * ({@code AcdRealtimeDS}) only — the figures, the tenant, the supervisor's groups and the KPI
 * definition alike — under the tenant's current KPI definition. {@code groups}: per ACD group
 * (repeatable {@code group} narrows; supervisors are kept to theirs) today's counts, service level,
 * ASA and longest wait, and the service level of the last 15 and 60 minutes. {@code agents/{extension}}:
 * the agent's calls, talk and handle time and time in state since midnight. Who may read is
 * {@link StatsAccess}'s (the web portal checks an agent reading its own day itself).
 */
@Path("api/v1/tenants/{tenant}/realtime")
@RequestScoped
@ServiceAccess
@ApiArea(ApiArea.Area.STATS)
@Produces(MediaType.APPLICATION_JSON)
public class RealtimeResource {

    /** The web portal names the user it asks for. */
    static final String ON_BEHALF_OF = "X-Verbund-On-Behalf-Of";

    private final StatsAccess access;
    private final KpiDefinitions definitions;
    private final Datasources datasources;
    private final Clock clock;

    @Inject
    public RealtimeResource(StatsAccess access, KpiDefinitions definitions, Datasources datasources, Clock clock) {
        this.access = access;
        this.definitions = definitions;
        this.datasources = datasources;
        this.clock = clock;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public RealtimeResource() {
        this(null, null, null, null);
    }

    @GET
    @Path("groups")
    public JsonObject groups(@PathParam("tenant") String tenant, @QueryParam("group") List<Long> groups,
                             @HeaderParam(ON_BEHALF_OF) String onBehalfOf) {
        ReportScope scope = access.toRead(tenant, groups, onBehalfOf, DatasourceRole.REALTIME);
        KpiDefinition definition = definitions.current(scope.tenant(), DatasourceRole.REALTIME);
        LiveWindows windows = LiveWindows.at(clock.instant(), scope.tenant().zone());
        try (Connection realtime = datasources.forRole(DatasourceRole.REALTIME).getConnection()) {
            ReadFrom readFrom = ReadFrom.of(realtime, DatasourceRole.REALTIME);
            return RealtimeJson.groups(scope.tenant(), windows, definition, readFrom, TodaySums.groups(realtime, scope, windows));
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading today's figures from the real-time database", e);
        }
    }

    @GET
    @Path("agents/{extension}")
    public JsonObject agent(@PathParam("tenant") String tenant, @PathParam("extension") String extension,
                            @HeaderParam(ON_BEHALF_OF) String onBehalfOf) {
        ReportScope scope = access.toRead(tenant, List.of(), onBehalfOf, DatasourceRole.REALTIME);
        KpiDefinition definition = definitions.current(scope.tenant(), DatasourceRole.REALTIME);
        LiveWindows windows = LiveWindows.at(clock.instant(), scope.tenant().zone());
        try (Connection realtime = datasources.forRole(DatasourceRole.REALTIME).getConnection()) {
            ReadFrom readFrom = ReadFrom.of(realtime, DatasourceRole.REALTIME);
            return RealtimeJson.agent(scope.tenant(), windows, definition, readFrom, TodaySums.agent(realtime, scope, extension, windows));
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading the agent's day from the real-time database", e);
        }
    }
}
