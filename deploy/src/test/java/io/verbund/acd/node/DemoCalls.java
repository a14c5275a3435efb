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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    void awaitQueuedAfter(long afterId, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                    "SELECT COUNT(*) FROM call_record WHERE id > ? AND queued_at IS NOT NULL")) {
                query.setLong(1, afterId);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) >= count) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(count + " calls not queued within 15 s");
    }

    /** The call records after {@code afterId}, in the order calls arrived, once {@code count} have an outcome. */
    List<String> awaitRecordsAfter(long afterId, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        List<String> records = List.of();
        while (Instant.now().isBefore(deadline)) {
            records = new ArrayList<>();
            try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                    "SELECT r.service_number, r.outcome, a.extension FROM call_record r LEFT JOIN agent a ON a.id = r.agent_id"
                            + " WHERE r.id > ? AND r.outcome IS NOT NULL ORDER BY r.received_at, r.id")) {
                query.setLong(1, afterId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        records.add(rows.getString(1) + " " + rows.getString(2) + (rows.getString(3) == null ? "" : " " + rows.getString(3)));
                    }
                }
            }
            if (records.size() >= count) {
                return records;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + count + " finished call records within 15 s, found " + records);
    }

    /** The newest call record once it has the outcome: outcome, agent extension, service number. */
    List<String> awaitRecord(String outcome) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                    "SELECT r.outcome, a.extension, r.service_number FROM call_record r LEFT JOIN agent a ON a.id = r.agent_id"
                            + " ORDER BY r.id DESC LIMIT 1");
                 ResultSet rows = query.executeQuery()) {
                if (rows.next() && outcome.equals(rows.getString(1))) {
                    List<String> values = new ArrayList<>();
                    values.add(rows.getString(1));
                    if (rows.getString(2) != null) {
                        values.add(rows.getString(2));
                    }
                    values.add(rows.getString(3));
                    return values;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no call record with outcome " + outcome + " within 10 s");
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
