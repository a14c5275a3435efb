package io.verbund.acd.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.verbund.acd.tenant.TenantKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a small fake of stats-service: what it sends, and that every answer comes back as it was. */
class StatsClientTest {

    private static final TenantKey DEMO = new TenantKey("demo");

    private HttpServer server;
    private final List<String> seen = new ArrayList<>();
    private StatsClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stats/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())
                    + " auth=" + exchange.getRequestHeaders().getFirst("Authorization") + " body=" + new String(body, StandardCharsets.UTF_8));
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/recalculations/404")) {
                exchange.getResponseHeaders().add("Authorization-Refused", "x");
                exchange.sendResponseHeaders(401, -1);
            } else if ("format=xlsx".equals(exchange.getRequestURI().getQuery())) {
                byte[] file = {'P', 'K', 3, 4};
                exchange.getResponseHeaders().add("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"calls-group-interval-2026-12-05.xlsx\"");
                exchange.getResponseHeaders().add("X-Not-Passed-On", "x");
                exchange.sendResponseHeaders(200, file.length);
                exchange.getResponseBody().write(file);
            } else {
                byte[] problem = "{\"status\":503,\"detail\":\"reporting replica down\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.getResponseHeaders().add("Retry-After", "30");
                exchange.sendResponseHeaders(503, problem.length);
                exchange.getResponseBody().write(problem);
            }
            exchange.close();
        });
        server.start();
        client = new StatsClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stats"), "the-secret",
                HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void asksForTheTenantsReportWithTheServiceCredentialAndEveryParameterInOrder() {
        client.report(DEMO, StatsClient.Report.CALLS, List.of(Map.entry("from", "2026-12-05"), Map.entry("group", "3"),
                Map.entry("group", "4"), Map.entry("lang", "de"))).text();

        assertThat(seen).containsExactly("GET /stats/api/v1/tenants/demo/reports/calls?from=2026-12-05&group=3&group=4&lang=de"
                + " auth=Verbund-Service the-secret body=");
    }

    @Test
    void handsAFileOnWithItsNameAndNothingElseOfTheHeaders() throws IOException {
        try (StatsAnswer answer = client.report(DEMO, StatsClient.Report.AGENT_STATES, List.of(Map.entry("format", "xlsx")))) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("content-disposition")).contains("attachment; filename=\"calls-group-interval-2026-12-05.xlsx\"");
            assertThat(answer.headers()).doesNotContainKey("X-Not-Passed-On");
            assertThat(answer.body().readAllBytes()).containsExactly('P', 'K', 3, 4);
        }
    }

    @Test
    void handsTheServicesOwnRefusalOnUnchanged() {
        StatsAnswer answer = client.recalculate(DEMO, "{\"from\":\"2026-12-01\",\"to\":\"2026-12-05\"}");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).contains("30");
        assertThat(answer.text()).contains("reporting replica down");
        assertThat(seen).containsExactly("POST /stats/api/v1/tenants/demo/recalculations auth=Verbund-Service the-secret"
                + " body={\"from\":\"2026-12-01\",\"to\":\"2026-12-05\"}");
    }

    @Test
    void asksForTodayPerGroupAndForAnAgentsDayWithTheServiceCredential() {
        client.realtimeGroups(DEMO).text();
        client.agentDay(DEMO, "1001").text();

        assertThat(seen).containsExactly("GET /stats/api/v1/tenants/demo/realtime/groups auth=Verbund-Service the-secret body=",
                "GET /stats/api/v1/tenants/demo/realtime/agents/1001 auth=Verbund-Service the-secret body=");
    }

    @Test
    void aRefusedServiceSecretIsTheServiceBeingUnavailableNotTheUsersLogin() {
        assertThatThrownBy(() -> client.recalculation(DEMO, 404)).isInstanceOf(StatsUnavailable.class)
                .hasMessageContaining("refused this node's credentials");
    }

    @Test
    void noAnswerIsTheServiceBeingUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StatsClient nowhere = new StatsClient(URI.create("http://127.0.0.1:" + closedPort + "/stats/"), "the-secret", HttpClient.newHttpClient());

        assertThatThrownBy(() -> nowhere.kpiDefinitions(DEMO)).isInstanceOf(StatsUnavailable.class)
                .hasMessageContaining("unreachable");
    }
}
