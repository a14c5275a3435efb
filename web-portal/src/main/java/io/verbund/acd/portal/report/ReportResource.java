package io.verbund.acd.portal.report;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.runtime.problem.Problem;
import io.verbund.acd.runtime.security.ApiArea;
import io.verbund.acd.runtime.stats.StatsClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /reports/calls} and {@code GET /reports/agent-states}: the caller's tenant's reports
 * from stats-service (a system admin or reseller may name a tenant with {@code ?tenant=}), as JSON
 * or as a CSV, XLSX or PDF file ({@code format}). {@code from}/{@code to} are dates in the
 * tenant's time zone, inclusive; {@code period} is {@code interval|hour|day|week|month}; the calls
 * report's {@code by} is {@code group|agent|number|disposition|none} and {@code kpiVersion} picks
 * a KPI definition other than the current. {@code group} may repeat; a supervisor sees only its
 * groups. Without {@code lang} the file is German for a German browser, else English. Whatever
 * else is wrong with the query, stats-service says (422 naming the parameter).
 */
@Path("reports")
@RequestScoped
@ApiArea(ApiArea.Area.STATS)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE, "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"})
public class ReportResource {

    private final StatsClient stats;
    private final ReportAccesses accesses;

    @Context
    private HttpHeaders headers;

    @Inject
    public ReportResource(StatsClient stats, ReportAccesses accesses) {
        this.stats = stats;
        this.accesses = accesses;
    }

    /** For CDI's proxy; RESTEasy also insists on a public constructor before it asks CDI for the bean. */
    public ReportResource() {
        this(null, null);
    }

    @GET
    @Path("calls")
    public Response calls(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("period") String period,
                          @QueryParam("by") String by, @QueryParam("group") List<String> groups,
                          @QueryParam("kpiVersion") String kpiVersion, @QueryParam("format") String format,
                          @QueryParam("lang") String lang, @QueryParam("tenant") String tenant) {
        Scope scope = scope(tenant, groups);
        List<Map.Entry<String, String>> query = new ArrayList<>();
        add(query, "from", from);
        add(query, "to", to);
        add(query, "period", period);
        add(query, "by", by);
        scope.groups().forEach(group -> add(query, "group", group));
        add(query, "kpiVersion", kpiVersion);
        add(query, "format", format);
        add(query, "lang", language(lang));
        return ForwardedAnswer.streaming(stats.report(scope.tenant().key(), StatsClient.Report.CALLS, query)).build();
    }

    @GET
    @Path("agent-states")
    public Response agentStates(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("period") String period,
                                @QueryParam("group") List<String> groups, @QueryParam("format") String format,
                                @QueryParam("lang") String lang, @QueryParam("tenant") String tenant) {
        Scope scope = scope(tenant, groups);
        List<Map.Entry<String, String>> query = new ArrayList<>();
        add(query, "from", from);
        add(query, "to", to);
        add(query, "period", period);
        scope.groups().forEach(group -> add(query, "group", group));
        add(query, "format", format);
        add(query, "lang", language(lang));
        return ForwardedAnswer.streaming(stats.report(scope.tenant().key(), StatsClient.Report.AGENT_STATES, query)).build();
    }

    /** The tenant a report is of, and the groups to ask for. */
    private record Scope(AddressedTenant tenant, List<String> groups) {
    }

    private Scope scope(String tenant, List<String> groups) {
        ReportAccess access = accesses.of(tenant);
        AddressedTenant addressed = access.tenant();
        return new Scope(addressed, access.groupsToAsk(groups == null ? List.of() : groups));
    }

    private String language(String lang) {
        return ReportLanguage.of(lang, headers == null ? List.of() : headers.getAcceptableLanguages());
    }

    private static void add(List<Map.Entry<String, String>> query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.add(Map.entry(name, value.strip()));
        }
    }
}
