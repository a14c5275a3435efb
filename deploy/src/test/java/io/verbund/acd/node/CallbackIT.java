package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callbacks through a real node: a SIPp caller waits in a queue, is offered a callback when the
 * queue's maximum wait runs out, presses 1 (RFC 4733) for its own number and is let go; its place
 * waits for an agent, whose SIPp phone is offered the callback (shown as one), answers, and the
 * node dials the number through the outbound trunk (a SIPp UAS stands in for the carrier). A busy
 * number is tried again after the group's delay and given up after its attempts.
 */
class CallbackIT {

    /** The number SIPp's caller calls from (caller-books-callback.xml), among the demo's external numbers (+49*). */
    private static final String CALLER = "+49301234567";
    private static final String HOTLINE = "+4930500100";
    /** The SIPp UAS standing in for the outbound trunk. */
    private static final int TRUNK_PORT = TestNodes.CALL_CONTROL_TRUNK_PORT;
    private static final int PHONE_PORT = 6911;

    @TempDir
    Path sippFolder;

    private static DemoNode node;
    private static ApiClient admin;

    @BeforeAll
    static void startNode() {
        node = TestNodes.callControlNode();
        admin = ApiClient.as(URI.create(node.portalUrl()), "admin@demo", "demo-admin");
    }

    @AfterEach
    void everyoneOut() throws Exception {
        Sipp.stopAll();
        // A callback a failed test left waiting would be offered to the next test's agent first.
        for (String callId : pendingCallbacks()) {
            admin.delete("api/v1/calls/" + callId);
        }
        // Forced: an agent a failed test left on a call is logged out as well.
        admin.put("api/v1/agents/1001/state", "{\"state\":\"LOGGED_OUT\",\"force\":true}");
    }

    @Test
    void aCallbackIsOfferedCalledBackThroughTheTrunkConnectedAndReportedAsACallback() throws Exception {
        Line line = callbackLine("+4930500961", "Callback desk", 3);
        String number = line.number();
        Sipp sipp = sipp();
        sipp.registerAgent(1001, "demo-1001", PHONE_PORT);

        bookCallback(sipp, number);

        String callId = awaitCallbackOf(number);
        JsonObject waiting = admin.get("api/v1/calls/" + callId).json();
        assertThat(waiting.getString("direction")).isEqualTo("CALLBACK");
        assertThat(waiting.getString("dialledNumber")).isEqualTo(CALLER);
        assertThat(waiting.containsKey("outcome") && !waiting.isNull("outcome")).as("the callback keeps its place: %s", waiting).isFalse();
        assertThat(kinds(waiting)).containsSubsequence("CallQueued", "LeftQueue", "CallbackRequested").doesNotContain("CallAbandoned");
        assertThat(step(waiting, "CallbackRequested").getString("group")).isEqualTo("Callback desk");
        Process farEnd = sipp.start("agent-answer.xml", TRUNK_PORT, List.of("-m", "1", "-mp", "16800", "-timeout", "60s"));
        Process phone = sipp.start(Sipp.template("agent-takes-callback.xml", Map.of("@NUMBER_RE@", "\\+49301234567",
                "@TALK_MS@", "1500"), sippFolder), PHONE_PORT, List.of("-m", "1", "-mp", "16700", "-timeout", "60s"));

        setState("1001", "READY");

        assertThat(Sipp.await(phone, 40).exit()).as("1001's phone was offered 'Callback to %s', answered, talked and hung up: %s",
                CALLER, sipp.errorLogs()).isZero();
        assertThat(Sipp.await(farEnd, 30).exit()).as("the number got INVITE, ACK and BYE through the trunk: %s", sipp.errorLogs()).isZero();
        JsonObject call = endedCall(callId);
        assertThat(call.getString("outcome")).isEqualTo("ANSWERED");
        assertThat(call.getString("direction")).isEqualTo("CALLBACK");
        assertThat(call.getString("agent")).isEqualTo("1001");
        assertThat(kinds(call)).containsSubsequence("CallbackRequested", "CallOffered", "CallbackTaken", "NumberDialled", "NumberAnswered",
                "CallEnded").doesNotContain("CallAbandoned", "CallbackAttemptFailed", "CallAnswered");
        assertThat(step(call, "CallOffered").getString("callback")).isEqualTo(CALLER);
        assertThat(step(call, "CallbackTaken").getInt("attempt")).isEqualTo(1);
        assertThat(step(call, "NumberDialled").getString("number")).isEqualTo(CALLER);
        assertThat(step(call, "NumberDialled").getString("callerId")).as("the tenant's caller ID").isEqualTo(HOTLINE);
        assertThat(step(call, "CallEnded").getString("endedBy")).isEqualTo("agent");
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        JsonObject totals = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ApiClient.as(URI.create(node.portalUrl() + "stats/"), "admin@demo", "demo-admin").get("api/v1/tenants/demo/reports/calls?from=" + today + "&to=" + today + "&group=" + line.groupId()
                        + "&by=group&period=day").json(), report -> report.getJsonArray("rows").size() == 1
                        && report.getJsonObject("totals").getInt("callbacks") == 1).getJsonObject("totals");
        assertThat(totals.getInt("offered")).as("one queue visit: %s", totals).isEqualTo(1);
        assertThat(totals.getInt("abandoned")).as("a caller who chose a callback is no abandon").isZero();
        assertThat(totals.getInt("answered")).as("nor answered in the queue: the callback's answer is the record's").isZero();
    }

    @Test
    void aBusyNumberIsTriedAgainAfterTheGroupsDelayThenGivenUpAsCallbackFailed() throws Exception {
        ApiClient.Answer refused = admin.post("api/v1/groups", "{\"name\":\"Callback never\",\"callbackMaxAttempts\":0}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("callbackMaxAttempts");
        String number = callbackLine("+4930500962", "Callback twice", 2).number();
        Sipp sipp = sipp();
        sipp.registerAgent(1001, "demo-1001", PHONE_PORT);
        bookCallback(sipp, number);
        String callId = awaitCallbackOf(number);
        Process busy = sipp.start("agent-busy.xml", TRUNK_PORT, List.of("-m", "2", "-timeout", "60s"));
        Process phone = sipp.start("agent-answer.xml", PHONE_PORT, List.of("-m", "2", "-mp", "16700", "-timeout", "60s"));

        setState("1001", "READY");

        assertThat(Sipp.await(busy, 40).exit()).as("the number refused both attempts with 486: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("1001's phone took both attempts and got BYE each time: %s", sipp.errorLogs()).isZero();
        JsonObject call = endedCall(callId);
        assertThat(call.getString("outcome")).isEqualTo("CALLBACK_FAILED");
        assertThat(call.getString("direction")).isEqualTo("CALLBACK");
        assertThat(kinds(call)).containsSubsequence("CallbackRequested", "CallbackTaken", "NumberDialled", "CallbackAttemptFailed",
                "CallbackTaken", "NumberDialled", "CallbackAttemptFailed", "CallEnded").doesNotContain("NumberAnswered", "CallAbandoned");
        assertThat(kinds(call).stream().filter("CallbackAttemptFailed"::equals).count()).as("the group's two attempts").isEqualTo(2);
        assertThat(step(call, "CallbackAttemptFailed").getInt("status")).isEqualTo(486);
        assertThat(step(call, "CallEnded").getString("endedBy")).isEqualTo("node: 2 attempts failed");
    }

    /** The caller waits 2 s in the group's queue, is offered the callback, presses 1 and is let go with 480. */
    private void bookCallback(Sipp sipp, String number) throws Exception {
        Path scenario = Sipp.template("caller-books-callback.xml", Map.of("@DTMF_PCAP@", "/usr/share/sip-tester/dtmf_2833_1.pcap",
                "@DELAY_MS@", "4000"), sippFolder);
        Sipp.Result caller = sipp.run(scenario, 6921, List.of("-s", number, "-m", "1", "-mp", "16600", "-timeout", "60s"));
        assertThat(caller.exit()).as("the caller pressed 1 and was let go: %s%n%s", caller.command(), sipp.errorLogs()).isZero();
    }

    /**
     * A group of 1001 alone with its callback attempts (1 s apart) and a number whose flow offers a
     * callback after 2 s in its queue; declining goes back to the queue.
     */
    private static Line callbackLine(String number, String group, int attempts) {
        ApiClient.Answer created = admin.post("api/v1/groups", "{\"name\":\"" + group + "\",\"members\":[{\"extension\":\"1001\"}],"
                + "\"callbackMaxAttempts\":" + attempts + ",\"callbackRetrySeconds\":1,\"callbackMaxAgeMinutes\":30}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getInt("callbackMaxAttempts")).isEqualTo(attempts);
        assertThat(created.json().getInt("callbackRetrySeconds")).isEqualTo(1);
        String graph = """
                {"start":"wait","nodes":[
                  {"id":"wait","type":"queue","parameters":{"group":"%s","maxWaitSeconds":"2"},"exits":{"timeout":"offer"}},
                  {"id":"offer","type":"callback","parameters":{"prompt":"menu","bookedPrompt":"goodbye"},"exits":{"declined":"wait"}}]}"""
                .formatted(group);
        ApiClient.Answer flow = admin.post("api/v1/call-flows", "{\"name\":\"" + group + " line\",\"graph\":" + graph + "}");
        assertThat(flow.status()).as(flow.toString()).isEqualTo(201);
        ApiClient.Answer line = admin.post("api/v1/service-numbers",
                "{\"number\":\"" + number + "\",\"label\":\"" + group + "\",\"callFlow\":\"" + group + " line\"}");
        assertThat(line.status()).as(line.toString()).isEqualTo(201);
        return new Line(number, created.json().getJsonNumber("id").longValue());
    }

    /** A service number whose flow offers callbacks, and the group that keeps their places. */
    private record Line(String number, long groupId) {
    }

    private static String awaitCallbackOf(String number) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).until(
                () -> single("SELECT call_id FROM call_record WHERE service_number = ? AND direction = 'CALLBACK' ORDER BY id DESC LIMIT 1",
                        number), callId -> callId != null);
    }

    /** The call as {@code GET /calls/{id}} answers it once it has ended. */
    private static JsonObject endedCall(String callId) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("api/v1/calls/" + callId),
                answer -> answer.status() == 200 && answer.json().containsKey("endedAt") && !answer.json().isNull("endedAt")).json();
    }

    private static List<String> kinds(JsonObject call) {
        return call.getJsonArray("steps").getValuesAs(JsonObject.class).stream().map(step -> step.getString("kind")).toList();
    }

    /** The data of the call's first step of this kind. */
    private static JsonObject step(JsonObject call, String kind) {
        return call.getJsonArray("steps").getValuesAs(JsonObject.class).stream().filter(step -> kind.equals(step.getString("kind")))
                .findFirst().orElseThrow(() -> new AssertionError("no step " + kind + " in " + call)).getJsonObject("data");
    }

    private Sipp sipp() {
        return new Sipp(node.ports().sip(), sippFolder);
    }

    private static void setState(String extension, String state) {
        ApiClient.Answer answer = admin.put("api/v1/agents/" + extension + "/state", "{\"state\":\"" + state + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private static List<String> pendingCallbacks() throws SQLException {
        List<String> pending = new java.util.ArrayList<>();
        try (Connection db = node.database().connect();
             PreparedStatement query = db.prepareStatement("SELECT call_id FROM call_record WHERE direction = 'CALLBACK' AND outcome IS NULL");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                pending.add(rows.getString(1));
            }
        }
        return pending;
    }

    private static String single(String sql, Object parameter) throws SQLException {
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
