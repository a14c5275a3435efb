package io.verbund.acd.runtime.stats;

import io.verbund.acd.runtime.security.ServiceSecret;
import io.verbund.acd.runtime.service.ServiceAddress;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * stats-service's API for the other services: reports, KPI definitions and recalculations of the
 * tenant it names. It authenticates with the cluster's service secret ({@code Authorization:
 * Verbund-Service …}), so it may act for any tenant: the caller decides who may see what first.
 * Real time ({@link #realtimeGroups}, {@link #agentDay}) waits at most {@link #LIVE_TIMEOUT}: a live
 * view shows its figures as unavailable rather than hang.
 * The service's address is {@value #URL_PROPERTY}, by default this node's own HTTP listener
 * (127.0.0.1, port 8080 plus {@code jboss.socket.binding.port-offset}, context {@code /stats/}).
 *
 * <p>Every answer the service gives comes back as a {@link StatsAnswer}, errors included, so they
 * reach the client unchanged; only no answer at all, or a refused service secret, is a
 * {@link StatsUnavailable}. Reports wait up to {@link #REPORT_TIMEOUT} for the service to start
 * answering (a month's XLSX takes a while); everything else {@link #TIMEOUT}.
 */
@ApplicationScoped
public class StatsClient {

    public static final String URL_PROPERTY = "verbund.stats.url";
    /** Until the first byte of a report: a month's export is computed before it is sent. */
    static final Duration REPORT_TIMEOUT = Duration.ofSeconds(120);
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Real time: the live views go on without the figures rather than wait for them. */
    static final Duration LIVE_TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = Logger.getLogger(StatsClient.class.getName());

    /** The reports stats-service makes, by their path below the tenant. */
    public enum Report {
        CALLS("calls"), AGENT_STATES("agent-states");

        private final String segment;

        Report(String segment) {
            this.segment = segment;
        }

        public String segment() {
            return segment;
        }
    }

    private final URI base;
    private final String serviceSecret;
    private final HttpClient http;

    @Inject
    public StatsClient(@ConfigProperty(name = URL_PROPERTY) Optional<String> url,
                       @ConfigProperty(name = ServiceSecret.PROPERTY) Optional<String> serviceSecret) {
        this(ServiceAddress.of(url, "stats"), serviceSecret.orElse(""),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** @param base the statistics service's root, e.g. {@code http://127.0.0.1:8080/stats/} */
    public StatsClient(URI base, String serviceSecret, HttpClient http) {
        this.base = ServiceAddress.root(base);
        this.serviceSecret = serviceSecret;
        this.http = http;
    }

    /** For CDI's proxy only. */
    protected StatsClient() {
        this.base = null;
        this.serviceSecret = null;
        this.http = null;
    }

    public URI base() {
        return base;
    }

    /**
     * A report in the format the query asks for ({@code format=json|csv|xlsx|pdf}).
     *
     * @param query the parameters in order, repeated names allowed ({@code group=3&group=4})
     */
    public StatsAnswer report(TenantKey tenant, Report report, List<Map.Entry<String, String>> query) {
        URI uri = tenantUri(tenant, "reports/" + report.segment() + queryString(query));
        return send(request(uri, REPORT_TIMEOUT).GET(), report.segment() + " report of " + tenant);
    }

    /** Today so far per ACD group of the tenant, with the service level of the last 15 and 60 minutes. */
    public StatsAnswer realtimeGroups(TenantKey tenant) {
        return send(request(tenantUri(tenant, "realtime/groups"), LIVE_TIMEOUT).GET(), "today's figures of " + tenant);
    }

    /** The day so far of the tenant's agent with this extension. */
    public StatsAnswer agentDay(TenantKey tenant, String extension) {
        return send(request(tenantUri(tenant, "realtime/agents/" + encode(extension)), LIVE_TIMEOUT).GET(),
                "the day of agent " + extension + " of " + tenant);
    }

    /** The tenant's KPI definition versions and which is current. */
    public StatsAnswer kpiDefinitions(TenantKey tenant) {
        return send(request(tenantUri(tenant, "kpi-definitions"), TIMEOUT).GET(), "KPI definitions of " + tenant);
    }

    /** Stores a new KPI definition version (it becomes current); {@code json} names who made it ({@code createdBy}). */
    public StatsAnswer defineKpis(TenantKey tenant, String json) {
        return send(jsonPost(tenantUri(tenant, "kpi-definitions"), json), "new KPI definition of " + tenant);
    }

    /** Starts recomputing the slices of a period ({@code {"from","to"}}); answered 202 with the job. */
    public StatsAnswer recalculate(TenantKey tenant, String json) {
        return send(jsonPost(tenantUri(tenant, "recalculations"), json), "recalculation for " + tenant);
    }

    /** A recalculation's progress. */
    public StatsAnswer recalculation(TenantKey tenant, long id) {
        return send(request(tenantUri(tenant, "recalculations/" + id), TIMEOUT).GET(), "recalculation " + id + " of " + tenant);
    }

    /** Starts a report as a job that lands in storage-service ({@code reports}); answered 202 with the job. */
    public StatsAnswer startReportJob(TenantKey tenant, String json) {
        return send(jsonPost(tenantUri(tenant, "report-jobs"), json), "report job for " + tenant);
    }

    /** A report job's progress and, once done, its file's name. */
    public StatsAnswer reportJob(TenantKey tenant, long id) {
        return send(request(tenantUri(tenant, "report-jobs/" + id), TIMEOUT).GET(), "report job " + id + " of " + tenant);
    }

    static String queryString(List<Map.Entry<String, String>> query) {
        if (query.isEmpty()) {
            return "";
        }
        return query.stream().map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private URI tenantUri(TenantKey tenant, String rest) {
        return base.resolve("api/v1/tenants/" + encode(tenant.value()) + "/" + rest);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder jsonPost(URI uri, String json) {
        return request(uri, TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
    }

    private HttpRequest.Builder request(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", ServiceSecret.SCHEME + " " + serviceSecret);
    }

    private StatsAnswer send(HttpRequest.Builder request, String what) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new StatsUnavailable("The statistics service is unreachable just now (" + what + "): try again shortly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatsUnavailable("Interrupted while asking the statistics service (" + what + ")", e);
        }
        if (response.statusCode() == 401) {
            closeQuietly(response.body());
            LOG.log(Level.WARNING, () -> "stats-service at " + base + " refused this node's service secret (" + what
                    + "): check " + ServiceSecret.PROPERTY);
            // Passed on, a 401 would log the user out of the browser app for a fault of the installation.
            throw new StatsUnavailable("The statistics service refused this node's credentials (" + what + ")", null);
        }
        Map<String, String> passed = StatsAnswer.PASSED_ON.stream()
                .flatMap(header -> response.headers().firstValue(header).map(value -> Map.entry(header, value)).stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new StatsAnswer(response.statusCode(), passed, response.body());
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing more to read from it
        }
    }
}
