package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.verbund.acd.launcher.DemoNode;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Agent state through the REST API of one real node (MariaDB, WildFly, the four WARs), over real
 * HTTP with the demo contract's users. Every test starts from the agents it uses logged out, so
 * the order does not matter, and leaves them logged out for the other classes on the shared node.
 */
class AgentStateApiIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Login AGENT_1001 = new Login("agent1001@demo", "demo-1001");
    private static final Login AGENT_1003 = new Login("agent1003@demo", "demo-1003");
    private static final Login DEMO_ADMIN = new Login("admin@demo", "demo-admin");
    private static final Login DEMO_SUPERVISOR = new Login("supervisor@demo", "demo-supervisor");
    private static final Login ACME_ADMIN = new Login("admin@acme", "acme-admin");
    private static final Login SYSADMIN = new Login("sysadmin", "system-admin");

    private static DemoNode node;
    private static URI api;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startNode() {
        node = TestNodes.demoNode();
        api = URI.create(node.portalUrl() + "api/v1/");
    }

    @BeforeEach
    void agentsUsedHereStartLoggedOut() throws Exception {
        logOutTheAgentsUsedHere();
    }

    @AfterEach
    void agentsUsedHereEndLoggedOut() throws Exception {
        logOutTheAgentsUsedHere();
    }

    private static void logOutTheAgentsUsedHere() throws Exception {
        for (String extension : List.of("1001", "1003", "1006")) {
            Answer answer = put(DEMO_ADMIN, "agents/" + extension + "/state", "{\"state\":\"LOGGED_OUT\"}");
            assertThat(answer.status()).as("reset " + extension + ": " + answer.body()).isEqualTo(200);
        }
    }

    @Test
    void anAgentMakesItselfReadyThenPausedThenLoggedOut() throws Exception {
        Answer ready = put(AGENT_1001, "agents/1001/state", "{\"state\":\"READY\"}");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.contentType()).startsWith("application/json");
        JsonObject readyState = ready.json();
        assertThat(readyState.getString("tenant")).isEqualTo("demo");
        assertThat(readyState.getString("extension")).isEqualTo("1001");
        assertThat(readyState.getString("state")).isEqualTo("READY");
        assertThat(Instant.parse(readyState.getString("since"))).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
        assertThat(readyState.get("reason")).isEqualTo(JsonValue.NULL);
        assertThat(readyState.get("callId")).isEqualTo(JsonValue.NULL);
        assertThat(get(AGENT_1001, "agents/1001/state").json().getString("state")).isEqualTo("READY");

        Answer paused = put(AGENT_1001, "agents/1001/state", "{\"state\":\"PAUSED\",\"reason\":\"BREAK\"}");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().getString("state")).isEqualTo("PAUSED");
        assertThat(paused.json().getString("reason")).isEqualTo("BREAK");
        JsonObject seen = get(AGENT_1001, "agents/1001/state").json();
        assertThat(seen.getString("state")).isEqualTo("PAUSED");
        assertThat(seen.getString("reason")).isEqualTo("BREAK");

        Answer loggedOut = put(AGENT_1001, "agents/1001/state", "{\"state\":\"LOGGED_OUT\"}");
        assertThat(loggedOut.status()).as(loggedOut.body()).isEqualTo(200);
        assertThat(loggedOut.json().getString("state")).isEqualTo("LOGGED_OUT");
        assertThat(get(AGENT_1001, "agents/1001/state").json().getString("state")).isEqualTo("LOGGED_OUT");
    }

    @Test
    void theStateListShowsTheCallersTenantAndOnlyTheAgentsItMayAddress() throws Exception {
        assertThat(put(AGENT_1001, "agents/1001/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);

        JsonObject all = get(DEMO_ADMIN, "agents/states").json();
        assertThat(all.getString("tenant")).isEqualTo("demo");
        assertThat(extensions(all)).containsExactly("1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1010");
        assertThat(stateOf(all, "1001")).isEqualTo("READY");
        assertThat(stateOf(all, "1002")).as("never moved: logged out").isEqualTo("LOGGED_OUT");

        assertThat(extensions(get(AGENT_1001, "agents/states").json())).containsExactly("1001");
        assertThat(extensions(get(ACME_ADMIN, "agents/states").json())).containsExactly("2001", "2002");
    }

    @Test
    void anUnknownOrSystemOnlyPauseReasonIsUnprocessable() throws Exception {
        Answer unknown = put(AGENT_1001, "agents/1001/state", "{\"state\":\"PAUSED\",\"reason\":\"NAP\"}");

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        JsonObject problem = unknown.json();
        assertThat(problem.getString("type")).endsWith("unknown-pause-reason");
        assertThat(problem.getInt("status")).isEqualTo(422);
        assertThat(problem.getString("detail")).contains("NAP");
        assertThat(problem.getString("instance")).isEqualTo("/api/v1/agents/1001/state");

        Answer systemOnly = put(AGENT_1001, "agents/1001/state", "{\"state\":\"PAUSED\",\"reason\":\"NO_ANSWER\"}");
        assertThat(systemOnly.status()).isEqualTo(422);
        assertThat(systemOnly.json().getString("detail")).contains("NO_ANSWER");
        assertThat(get(AGENT_1001, "agents/1001/state").json().getString("state")).isEqualTo("LOGGED_OUT");
    }

    @Test
    void noCredentialsAreChallengedWithBasic() throws Exception {
        Answer answer = send(HttpRequest.newBuilder(api.resolve("agents/1001/state")).GET(), Optional.empty());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.response().headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Verbund ACD\"");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getString("type")).endsWith("not-authenticated");
    }

    @Test
    void aWrongPasswordIsUnauthenticated() throws Exception {
        Answer answer = put(new Login("agent1001@demo", "demo-1002"), "agents/1001/state", "{\"state\":\"READY\"}");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.response().headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Verbund ACD\"");
        assertThat(answer.json().getString("detail")).doesNotContain("demo-1002");
        assertThat(get(DEMO_ADMIN, "agents/1001/state").json().getString("state")).isEqualTo("LOGGED_OUT");
    }

    @Test
    void healthStaysOpenWithoutCredentials() throws Exception {
        Answer health = send(HttpRequest.newBuilder(api.resolve("health")).GET(), Optional.empty());

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().getString("status")).isEqualTo("UP");
    }

    @Test
    void anAgentMayNotChangeAColleague() throws Exception {
        Answer answer = put(AGENT_1001, "agents/1002/state", "{\"state\":\"READY\"}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getString("type")).endsWith("not-permitted");
        assertThat(get(AGENT_1001, "agents/1002/state").status()).isEqualTo(403);
    }

    @Test
    void anotherTenantsAgentIsIndistinguishableFromAMissingOne() throws Exception {
        Answer otherTenant = put(ACME_ADMIN, "agents/1001/state", "{\"state\":\"READY\"}");
        Answer missing = put(ACME_ADMIN, "agents/9999/state", "{\"state\":\"READY\"}");

        assertThat(otherTenant.status()).isEqualTo(404);
        assertThat(otherTenant.contentType()).startsWith("application/problem+json");
        assertThat(otherTenant.json().getString("detail")).isEqualTo(missing.json().getString("detail").replace("9999", "1001"));
        assertThat(otherTenant.json().getString("title")).isEqualTo(missing.json().getString("title"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(get(ACME_ADMIN, "agents/1001/state").status()).isEqualTo(404);
        assertThat(put(ACME_ADMIN, "agents/1001/state?tenant=demo", "{\"state\":\"READY\"}").status()).isEqualTo(404);
        assertThat(get(DEMO_ADMIN, "agents/1001/state").json().getString("state")).isEqualTo("LOGGED_OUT");
    }

    @Test
    void aSystemAdminReachesATenantsAgentOnlyByNamingTheTenant() throws Exception {
        assertThat(get(SYSADMIN, "agents/1001/state").status()).isEqualTo(404);

        Answer named = get(SYSADMIN, "agents/1001/state?tenant=demo");
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json().getString("tenant")).isEqualTo("demo");
        assertThat(get(SYSADMIN, "agents/states?tenant=nowhere").status()).isEqualTo(404);
    }

    @Test
    void aSupervisorChangesAnAgentOfItsGroups() throws Exception {
        Answer answer = put(DEMO_SUPERVISOR, "agents/1006/state", "{\"state\":\"READY\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().getString("state")).isEqualTo("READY");
        assertThat(get(DEMO_ADMIN, "agents/1006/state").json().getString("state")).isEqualTo("READY");
    }

    @Test
    void malformedJsonOrAnUnknownStateIsABadRequestThatSaysWhy() throws Exception {
        Answer badJson = put(AGENT_1001, "agents/1001/state", "{\"state\": READY");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.contentType()).startsWith("application/problem+json");
        assertThat(badJson.json().getString("detail")).contains("not valid JSON").doesNotContain("Exception");

        Answer unknownState = put(AGENT_1001, "agents/1001/state", "{\"state\":\"SLEEPING\"}");
        assertThat(unknownState.status()).isEqualTo(400);
        assertThat(unknownState.json().getString("detail")).contains("SLEEPING").contains("READY");

        Answer noBody = put(AGENT_1001, "agents/1001/state", "");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyAcceptedChangeIsRecordedAsAnAgentEvent() throws Exception {
        long before = maxSeq("1003");

        assertThat(put(AGENT_1003, "agents/1003/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);
        assertThat(put(AGENT_1003, "agents/1003/state", "{\"state\":\"READY\"}").status()).as("no change: no event").isEqualTo(200);
        assertThat(put(AGENT_1003, "agents/1003/state", "{\"state\":\"PAUSED\",\"reason\":\"LUNCH\"}").status()).isEqualTo(200);

        // Journaled at once, in the database after the next drain (every 100 ms).
        List<String> events = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> eventsAfter("1003", before), written -> written.size() >= 2);
        // The writer numbers them (V21): increasing, after every earlier event of the agent.
        List<Long> numbers = events.stream().map(event -> Long.parseLong(event.substring(0, event.indexOf(' ')))).toList();
        assertThat(numbers).isSorted().doesNotHaveDuplicates().allMatch(seq -> seq > before);
        assertThat(events).extracting(event -> event.substring(event.indexOf(' ') + 1)).containsExactly("READY - node-a", "PAUSED LUNCH node-a");
    }

    // --- HTTP and database helpers ---

    private record Login(String user, String password) {
        String header() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Answer(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        JsonObject json() {
            return TestNodes.json(response.body());
        }
    }

    private static Answer get(Login login, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api.resolve(path)).GET(), Optional.of(login));
    }

    private static Answer put(Login login, String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), Optional.of(login));
    }

    private static Answer send(HttpRequest.Builder request, Optional<Login> login) throws IOException, InterruptedException {
        login.ifPresent(l -> request.header("Authorization", l.header()));
        request.header("Accept", "application/json, application/problem+json").timeout(TIMEOUT);
        return new Answer(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static List<String> extensions(JsonObject list) {
        return list.getJsonArray("agents").getValuesAs(JsonObject.class).stream().map(a -> a.getString("extension")).toList();
    }

    private static String stateOf(JsonObject list, String extension) {
        return list.getJsonArray("agents").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("extension").equals(extension)).findFirst().orElseThrow().getString("state");
    }

    private static long maxSeq(String extension) throws SQLException {
        try (Connection db = node.database().connect();
             PreparedStatement query = db.prepareStatement("SELECT COALESCE(MAX(e.seq), 0) FROM agent_event e"
                     + " JOIN agent a ON a.id = e.agent_id JOIN tenant t ON t.id = a.tenant_id"
                     + " WHERE t.tenant_key = 'demo' AND a.extension = ?")) {
            query.setString(1, extension);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<String> eventsAfter(String extension, long seq) throws SQLException {
        List<String> events = new ArrayList<>();
        try (Connection db = node.database().connect();
             PreparedStatement query = db.prepareStatement("SELECT e.seq, e.state, COALESCE(e.reason, '-'), e.node"
                     + " FROM agent_event e JOIN agent a ON a.id = e.agent_id AND a.tenant_id = e.tenant_id"
                     + " JOIN tenant t ON t.id = a.tenant_id"
                     + " WHERE t.tenant_key = 'demo' AND a.extension = ? AND e.seq > ? ORDER BY e.seq")) {
            query.setString(1, extension);
            query.setLong(2, seq);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4));
                }
            }
        }
        return events;
    }
}
