package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Calls on a started demo node as the call-path tests make them: SIPp phones registered with the
 * demo's credentials, agent states through the API, service numbers with one-queue call flows, and
 * the call records and routing decisions they leave in the real database.
 */
final class DemoCalls {

    private final DemoNode node;
    private final Path sippFolder;

    DemoCalls(DemoNode node, Path sippFolder) {
        this.node = node;
        this.sippFolder = sippFolder;
    }

    Sipp sipp() {
        return new Sipp(node.ports().sip(), sippFolder);
    }

    /** The tenant's admin on the API ({@code admin@<tenant>}, password {@code <tenant>-admin}). */
    ApiClient admin(String tenant) {
        return ApiClient.as(URI.create(node.portalUrl()), "admin@" + tenant, tenant + "-admin");
    }

    ApiClient admin() {
        return admin("demo");
    }

    /** Registers a demo agent's phone on this SIPp port. */
    void register(Sipp sipp, int extension, int port) throws Exception {
        register(sipp, extension, "demo-" + extension, port);
    }

    void register(Sipp sipp, int extension, String password, int port) throws Exception {
        Sipp.Result registered = sipp.run("agent-register.xml", port, List.of("-s", Integer.toString(extension),
                "-au", Integer.toString(extension), "-ap", password, "-m", "1", "-timeout", "20s"));
        assertThat(registered.exit()).as("REGISTER of %d: %s", extension, sipp.errorLogs()).isZero();
    }

    void setState(int extension, String state) {
        setState("demo", extension, state);
    }

    void setState(String tenant, int extension, String state) {
        ApiClient.Answer answer = admin(tenant).put("api/v1/agents/" + extension + "/state", "{\"state\":\"" + state + "\"}");
        assertThat(answer.status()).as("PUT state %s of %d: %s", state, extension, answer).isIn(200, 409);
    }

    String stateOf(int extension) {
        return stateOf("demo", extension);
    }

    String stateOf(String tenant, int extension) {
        return admin(tenant).get("api/v1/agents/" + extension + "/state").body();
    }

    /** A new service number of the demo tenant with a call flow of one queue node with these parameters. */
    String numberQueueingTo(String number, String flowName, String queueParameters) throws SQLException {
        try (Connection db = node.database().connect()) {
            db.setAutoCommit(false);
            long tenant = single(db, "SELECT id FROM tenant WHERE tenant_key = 'demo'");
            long flow = insert(db, "INSERT INTO call_flow (tenant_id, name) VALUES (" + tenant + ", '" + flowName + "')");
            insert(db, "INSERT INTO call_flow_version (tenant_id, call_flow_id, version, graph) VALUES (" + tenant + ", " + flow
                    + ", 1, '{\"start\":\"q\",\"nodes\":[{\"id\":\"q\",\"type\":\"queue\",\"parameters\":" + queueParameters
                    + ",\"exits\":{}}]}')");
            insert(db, "UPDATE call_flow SET current_version = 1 WHERE id = " + flow);
            insert(db, "INSERT INTO service_number (tenant_id, number, call_flow_id, label) VALUES (" + tenant + ", '" + number + "', "
                    + flow + ", '" + flowName + " test')");
            db.commit();
        }
        return number;
    }

    static long insert(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            try (ResultSet key = statement.getGeneratedKeys()) {
                return key.next() ? key.getLong(1) : 0;
            }
        }
    }

    static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    long lastRecordId() throws SQLException {
        try (Connection db = node.database().connect()) {
            return single(db, "SELECT COALESCE(MAX(id), 0) FROM call_record");
        }
    }

    int callRecordCount() throws SQLException {
        try (Connection db = node.database().connect()) {
            return (int) single(db, "SELECT COUNT(*) FROM call_record");
        }
    }

    /** Waits until {@code count} calls received after {@code afterId} are in the queue. */
    void awaitQueuedAfter(long afterId, int count) {
        Awaitility.await(count + " calls queued").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> rows("SELECT COUNT(*) FROM call_record WHERE id > ? AND queued_at IS NOT NULL", afterId).get(0),
                        queued -> Integer.parseInt(queued) >= count);
    }

    /** The call records after {@code afterId}, in the order calls arrived, once {@code count} have an outcome. */
    List<String> awaitRecordsAfter(long afterId, int count) {
        return Awaitility.await(count + " finished call records").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> rows("SELECT CONCAT_WS(' ', r.service_number, r.outcome, a.extension) FROM call_record r"
                        + " LEFT JOIN agent a ON a.id = r.agent_id WHERE r.id > ? AND r.outcome IS NOT NULL ORDER BY r.received_at, r.id",
                        afterId), records -> records.size() >= count);
    }

    /** The newest call record once it has the outcome: outcome, agent extension, service number. */
    List<String> awaitRecord(String outcome) {
        String newest = Awaitility.await("a call record with outcome " + outcome).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> rows("SELECT CONCAT_WS(' ', r.outcome, a.extension, r.service_number) FROM call_record r"
                        + " LEFT JOIN agent a ON a.id = r.agent_id ORDER BY r.id DESC LIMIT 1").get(0),
                        record -> record.startsWith(outcome + " "));
        return List.of(newest.split(" "));
    }

    /** The first column of each row the query finds, as text (CONCAT_WS leaves NULL columns out). */
    List<String> rows(String sql, Object... parameters) throws SQLException {
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /** The call id of the newest call record. */
    String lastCallId() throws SQLException {
        try (Connection db = node.database().connect();
             PreparedStatement query = db.prepareStatement("SELECT call_id FROM call_record ORDER BY id DESC LIMIT 1");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    /** The call's routing decisions as {@code GET /calls/{id}/decisions} answers them, oldest first. */
    JsonArray decisionsOf(String callId) {
        ApiClient.Answer decisions = admin().get("api/v1/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8) + "/decisions");
        assertThat(decisions.status()).as(decisions.toString()).isEqualTo(200);
        return Json.createReader(new StringReader(decisions.body())).readArray();
    }
}
