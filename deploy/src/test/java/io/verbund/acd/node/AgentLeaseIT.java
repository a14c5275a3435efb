package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.verbund.acd.launcher.DemoNode;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No agent stays stuck: through real SIPp phones and callers on a real node, an agent RESERVED,
 * RINGING or ON_CALL is freed when its call's dialog dies (the caller never acknowledges the
 * answer), when its phone unregisters, and when a supervisor forces it out; the caller goes on to
 * the next agent or back to its place, and the agent's history says why.
 */
class AgentLeaseIT {

    private static final String HOTLINE = "+4930500100";

    @TempDir
    Path sippFolder;

    private static DemoNode node;
    private static URI api;
    private static ApiClient admin;
    private static ApiClient supervisor;

    @BeforeAll
    static void startNode() {
        node = TestNodes.demoNode();
        api = URI.create("http://127.0.0.1:" + node.ports().http() + "/api/v1/");
        admin = ApiClient.as(api, "admin@demo", "demo-admin");
        supervisor = ApiClient.as(api, "supervisor@demo", "demo-supervisor");
    }

    @AfterEach
    void logEveryoneOut() throws Exception {
        Sipp.stopAll();
        for (int extension = 1001; extension <= 1005; extension++) {
            admin.put("agents/" + extension + "/state", "{\"state\":\"LOGGED_OUT\",\"force\":true}");
        }
    }

    @Test
    void aCallerThatNeverAcknowledgesTheAnswerEndsBothLegsAndFreesTheAgentWithin40Seconds() throws Exception {
        Sipp sipp = sipp();
        sipp.registerAgent(1001, "demo-1001", 5801);
        Process phone = sipp.start("agent-answer.xml", 5801, List.of("-m", "1", "-d", "200", "-timeout", "90s"));
        setState(1001, "READY");

        Sipp.Result caller = sipp.run("caller-no-ack.xml", 5802, List.of("-s", HOTLINE, "-m", "1", "-timeout", "30s"));
        Instant answered = Instant.now();
        // The caller's side is gone; whoever listens on its port now hears the node's BYE.
        Process byeCatcher = sipp.start("bye-catcher.xml", 5802, List.of("-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as("the caller got its 200: %s", sipp.errorLogs()).isZero();
        assertThat(stateOf(1001)).as("talking until the dialog times out").isEqualTo("ON_CALL");
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).until(() -> "READY".equals(stateOf(1001)));
        Duration freedAfter = Duration.between(answered, Instant.now());
        assertThat(freedAfter).as("RFC 3261: 64·T1 = 32 s of 200s, then the release").isLessThanOrEqualTo(Duration.ofSeconds(40));
        assertThat(Sipp.await(phone, 20).exit()).as("the agent's phone got a BYE: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(byeCatcher, 20).exit()).as("the caller's side got a BYE: %s", sipp.errorLogs()).isZero();
        assertThat(awaitLastRecordOutcome()).isEqualTo("FAILED");
        assertThat(lastAgentEventCauses(1001)).contains("READY ACK_NOT_RECEIVED");
    }

    @Test
    void anAgentWhosePhoneUnregistersWhileRingingIsReleasedAndTheCallerGoesToTheNextAgent() throws Exception {
        Sipp sipp = sipp();
        sipp.registerAgent(1002, "demo-1002", 5811);
        Process ringing = sipp.start("agent-no-answer.xml", 5811, List.of("-m", "1", "-timeout", "60s"));
        setState(1002, "READY");
        Process caller = sipp.start("caller.xml", 5812, List.of("-s", HOTLINE, "-m", "1", "-d", "500", "-timeout", "60s"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> "RINGING".equals(stateOf(1002)));
        sipp.registerAgent(1003, "demo-1003", 5813);
        Process answering = sipp.start("agent-answer.xml", 5813, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        setState(1003, "READY");

        Instant unregistered = Instant.now();
        Sipp.Result gone = sipp.run("agent-unregister.xml", 5814, List.of("-s", "1002", "-au", "1002", "-ap", "demo-1002",
                "-m", "1", "-timeout", "20s"));

        assertThat(gone.exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(ringing, 20).exit()).as("1002's phone got CANCEL: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(caller, 30).exit()).as("the caller was connected: %s", sipp.errorLogs()).isZero();
        assertThat(Duration.between(unregistered, Instant.now())).as("well inside the group's 15 s ring time")
                .isLessThan(Duration.ofSeconds(12));
        assertThat(Sipp.await(answering, 20).exit()).as(sipp.errorLogs()).isZero();
        assertThat(lastRecord()).containsExactly("ANSWERED", "1003");
        assertThat(lastAgentEventCauses(1002)).contains("READY PHONE_UNREGISTERED");
        assertThat(TestNodes.eventsOfLastCall(node)).containsSubsequence("CallOffered", "OfferWithdrawn", "CallOffered", "CallAnswered");
    }

    @Test
    void aSupervisorForcesARingingAgentOutAndTheCallerGoesBackToItsPlace() throws Exception {
        Sipp sipp = sipp();
        sipp.registerAgent(1004, "demo-1004", 5821);
        Process ringing = sipp.start("agent-no-answer.xml", 5821, List.of("-m", "1", "-timeout", "60s"));
        setState(1004, "READY");
        Process caller = sipp.start("caller-abandons.xml", 5822, List.of("-s", HOTLINE, "-m", "1", "-d", "8000", "-timeout", "60s"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> "RINGING".equals(stateOf(1004)));

        ApiClient.Answer plain = supervisor.put("agents/1004/state", "{\"state\":\"LOGGED_OUT\"}");
        ApiClient.Answer byTheAgent = ApiClient.as(api, "agent1004@demo", "demo-1004")
                .put("agents/1004/state", "{\"state\":\"LOGGED_OUT\",\"force\":true}");
        ApiClient.Answer forced = supervisor.put("agents/1004/state", "{\"state\":\"LOGGED_OUT\",\"force\":true}");

        assertThat(plain.status()).as(plain.toString()).isEqualTo(409);
        assertThat(plain.body()).contains("RINGING").contains("force");
        assertThat(byTheAgent.status()).as("an agent may not force its own state: %s", byTheAgent).isEqualTo(403);
        assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
        assertThat(forced.json().getString("state")).isEqualTo("LOGGED_OUT");
        assertThat(Sipp.await(ringing, 10).exit()).as("the forced-out agent's phone got CANCEL: %s", sipp.errorLogs()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> TestNodes.eventsOfLastCall(node).contains("OfferWithdrawn"));
        assertThat(queuedCallers()).as("the caller waits again, for the next agent").isEqualTo(1);
        assertThat(Sipp.await(caller, 30).exit()).as("the caller hangs up after 8 s and hears 487: %s", sipp.errorLogs()).isZero();
        assertThat(awaitLastRecordOutcome()).isEqualTo("ABANDONED");
        assertThat(lastAgentEventCauses(1004)).contains("LOGGED_OUT FORCED supervisor@demo");
    }

    private Sipp sipp() {
        return new Sipp(node.ports().sip(), sippFolder);
    }

    @Test
    void aPausePastItsReasonsLimitEndsAndTheAgentIsReadyAgainWithTheCauseRecorded() {
        ApiClient.Answer reason = admin.post("pause-reasons",
                "{\"code\":\"SHORT\",\"label\":\"Short break\",\"paid\":true,\"maxSeconds\":2,\"enabled\":true}");
        assertThat(reason.status()).as(reason.toString()).isEqualTo(201);
        ApiClient.Answer paused = admin.put("agents/1004/state", "{\"state\":\"PAUSED\",\"reason\":\"SHORT\"}");
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        Instant pausedAt = Instant.now();

        await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200)).until(() -> stateOf(1004), "READY"::equals);

        assertThat(Duration.between(pausedAt, Instant.now())).as("not before the limit").isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(lastAgentEventCauses(1004).get(0)).isEqualTo("READY PAUSE_LIMIT");
    }

    private static void setState(int extension, String state) {
        ApiClient.Answer answer = admin.put("agents/" + extension + "/state", "{\"state\":\"" + state + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private static String stateOf(int extension) {
        return admin.get("agents/" + extension + "/state").json().getString("state");
    }

    private static String awaitLastRecordOutcome() {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> lastRecord().isEmpty() ? null : lastRecord().get(0), outcome -> outcome != null);
    }

    /** The newest call record's outcome and its agent's extension, once it has an outcome. */
    private static List<String> lastRecord() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                "SELECT r.outcome, a.extension FROM call_record r LEFT JOIN agent a ON a.id = r.agent_id ORDER BY r.id DESC LIMIT 1");
             ResultSet rows = query.executeQuery()) {
            if (rows.next() && rows.getString(1) != null) {
                values.add(rows.getString(1));
                if (rows.getString(2) != null) {
                    values.add(rows.getString(2));
                }
            }
        }
        return values;
    }

    /** "STATE CAUSE [CHANGED_BY]" of the agent's events that have a cause, newest first. */
    private static List<String> lastAgentEventCauses(int extension) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<String> causes = new ArrayList<>();
            try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                    "SELECT e.state, e.cause, e.changed_by FROM agent_event e JOIN agent a ON a.id = e.agent_id"
                            + " WHERE a.extension = ? AND e.cause IS NOT NULL ORDER BY e.seq DESC")) {
                query.setString(1, Integer.toString(extension));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        causes.add(rows.getString(1) + " " + rows.getString(2) + (rows.getString(3) == null ? "" : " " + rows.getString(3)));
                    }
                }
            }
            return causes;
        }, causes -> !causes.isEmpty());
    }

    /** Callers waiting in the demo tenant's queues, as the portal's queue view counts them. */
    private static int queuedCallers() {
        return admin.get("queues").json().getJsonArray("items").stream()
                .mapToInt(queue -> queue.asJsonObject().getInt("waiting", 0)).sum();
    }
}
