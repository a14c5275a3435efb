package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.G711;
import io.verbund.acd.launcher.DemoNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfers through a real node: a call flow's transfer node reaching a number through the
 * outbound trunk (a SIPp UAS stands in for the carrier), its failed exit when the number is busy,
 * a blind transfer of a connected call from one agent's SIPp phone to another's through the API,
 * a transfer of a connected call to another group's queue, and what an agent does during a call:
 * hold with music and resume, and a consultation of a colleague that is completed or returned from.
 */
class TransferIT {

    private static final String HOTLINE = "+4930500100";
    private static final String NUMBER = "+4940123456";
    /** Outside the demo's transfer numbers (+49*). */
    private static final String FOREIGN = "+43900123456";
    /** The SIPp UAS standing in for the outbound trunk. */
    private static final int TRUNK_PORT = TestNodes.CALL_CONTROL_TRUNK_PORT;
    private static final int PCMA = 8;
    private static final int PCMU = 0;

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
        for (String extension : List.of("1001", "1002", "1006")) {
            // Forced: an agent a failed test left on a call is logged out as well.
            admin.put("api/v1/agents/" + extension + "/state", "{\"state\":\"LOGGED_OUT\",\"force\":true}");
        }
    }

    @Test
    void aFlowsTransferNodeConnectsTheCallerWithTheNumberThroughTheTrunk() throws Exception {
        String number = serviceNumber("+4930500771", "Transfer out", """
                {"start":"out","nodes":[
                  {"id":"out","type":"transfer","parameters":{"number":"%s"},"exits":{"failed":"bye"}},
                  {"id":"bye","type":"hangup","parameters":{},"exits":{}}]}""".formatted(NUMBER));
        Sipp sipp = sipp();
        Process farEnd = sipp.start("agent-answer.xml", TRUNK_PORT, List.of("-m", "1", "-d", "200", "-timeout", "60s"));

        Sipp.Result caller = sipp.run("caller.xml", 6781, List.of("-s", number, "-m", "1", "-d", "2000", "-timeout", "60s"));

        assertThat(caller.exit()).as("caller: %s%n%s", caller.command(), sipp.errorLogs()).isZero();
        assertThat(Sipp.await(farEnd, 30).exit()).as("the trunk's far end got INVITE, ACK and BYE: %s", sipp.errorLogs()).isZero();
        String callId = awaitEndedCallOf(number);
        assertThat(outcomeOf(callId)).isEqualTo("TRANSFERRED");
        assertThat(eventsOf(callId)).containsSubsequence("CallReceived", "TransferStarted", "TransferConnected", "CallEnded")
                .doesNotContain("TransferFailed");
    }

    @Test
    void aTransferTheNumberRefusesTakesTheFailedExit() throws Exception {
        String number = serviceNumber("+4930500772", "Transfer refused", """
                {"start":"out","nodes":[
                  {"id":"out","type":"transfer","parameters":{"number":"%s"},"exits":{"failed":"bye"}},
                  {"id":"bye","type":"hangup","parameters":{},"exits":{}}]}""".formatted(NUMBER));
        Sipp sipp = sipp();
        Process busy = sipp.start("agent-busy.xml", TRUNK_PORT, List.of("-m", "1", "-timeout", "60s"));

        Sipp.Result caller = sipp.run("caller-flow-ends.xml", 6782, List.of("-s", number, "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as("caller hears 480 after the failed exit: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(busy, 30).exit()).as("the far end refused with 486: %s", sipp.errorLogs()).isZero();
        String callId = awaitEndedCallOf(number);
        assertThat(outcomeOf(callId)).isEqualTo("HANGUP_IN_FLOW");
        assertThat(eventsOf(callId)).containsSubsequence("TransferStarted", "TransferFailed", "FlowExitTaken", "CallEnded")
                .doesNotContain("TransferConnected");
    }

    @Test
    void aSupervisorsBlindTransferMovesAConnectedCallToAnotherAgent() throws Exception {
        Sipp sipp = sipp();
        sipp.registerAgent(1001, "demo-1001", 6773);
        sipp.registerAgent(1002, "demo-1002", 6774);
        Process first = sipp.start("agent-answer.xml", 6773, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        Process second = sipp.start("agent-answer.xml", 6774, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        setState("1001", "READY");
        String lastBefore = single("SELECT COALESCE(MAX(id), 0) FROM call_record WHERE id > ?", 0);
        Process caller = sipp.start("caller.xml", 6783, List.of("-s", HOTLINE, "-m", "1", "-d", "8000", "-timeout", "60s"));
        String callId = awaitAnsweredCallAfter(Long.parseLong(lastBefore));
        setState("1002", "READY");

        ApiClient.Answer both = admin.post("api/v1/calls/" + callId + "/transfer", "{\"agent\":\"1002\",\"number\":\"" + NUMBER + "\"}");
        assertThat(both.status()).as(both.toString()).isEqualTo(422);
        assertThat(both.body()).contains("target");
        ApiClient.Answer unknownAgent = admin.post("api/v1/calls/" + callId + "/transfer", "{\"agent\":\"9999\"}");
        assertThat(unknownAgent.status()).as(unknownAgent.toString()).isEqualTo(422);
        assertThat(unknownAgent.body()).contains("agent");
        assertThat(admin.post("api/v1/calls/no-such-call/transfer", "{\"agent\":\"1002\"}").status()).isEqualTo(404);

        ApiClient.Answer asked = admin.post("api/v1/calls/" + callId + "/transfer", "{\"agent\":\"1002\"}");

        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.header("Location")).endsWith("/api/v1/calls/" + callId);
        assertThat(Sipp.await(first, 30).exit()).as("1001's phone got BYE: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(caller, 30).exit()).as("the caller talked on and hung up: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(second, 30).exit()).as("1002's phone rang, answered and got the caller's BYE: %s", sipp.errorLogs()).isZero();
        awaitOutcome(callId);
        assertThat(outcomeOf(callId)).isEqualTo("ANSWERED");
        assertThat(agentOf(callId)).isEqualTo("1002");
        assertThat(eventsOf(callId)).containsSubsequence("CallAnswered", "TransferStarted", "Transferred", "CallEnded")
                .doesNotContain("TransferFailed");
        ApiClient.Answer ended = admin.post("api/v1/calls/" + callId + "/transfer", "{\"agent\":\"1001\"}");
        assertThat(ended.status()).as("an ended call: %s", ended).isEqualTo(409);
    }

    @Test
    void aLookupToLoopbackOrTheMetadataAddressTakesTheFailedExitWhileAnAllowedTargetAnswers() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer crm = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
        crm.createContext("/crm", exchange -> {
            asked.incrementAndGet();
            byte[] body = "{\"vip\":\"yes\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        crm.start();
        try {
            int port = crm.getAddress().getPort();
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put("+4930500773", "http://127.0.0.2:" + port + "/crm");
            urls.put("+4930500774", "http://127.0.0.1:" + port + "/crm");
            urls.put("+4930500775", "http://169.254.169.254/latest/meta-data/");
            urls.put("+4930500776", "http://2130706433:" + port + "/crm");
            Map<String, String> exits = new LinkedHashMap<>();
            int sippPort = 6784;
            for (Map.Entry<String, String> lookup : urls.entrySet()) {
                String number = serviceNumber(lookup.getKey(), "Lookup " + lookup.getKey(), """
                        {"start":"ask","nodes":[
                          {"id":"ask","type":"http_lookup","parameters":{"url":"%s"},
                           "exits":{"next":"known","failed":"unknown"}},
                          {"id":"known","type":"hangup","parameters":{},"exits":{}},
                          {"id":"unknown","type":"hangup","parameters":{},"exits":{}}]}""".formatted(lookup.getValue()));
                Sipp sipp = sipp();
                Sipp.Result caller = sipp.run("caller-flow-ends.xml", sippPort++, List.of("-s", number, "-m", "1", "-timeout", "60s"));
                assertThat(caller.exit()).as("caller of %s: %s", lookup.getValue(), sipp.errorLogs()).isZero();
                String callId = awaitEndedCallOf(number);
                exits.put(lookup.getValue(), Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> single(
                        "SELECT detail FROM call_event WHERE call_id = ? AND type = 'FlowExitTaken' AND flow_node = 'ask'", callId),
                        Objects::nonNull));
            }

            assertThat(exits.get(urls.get("+4930500773"))).as("the allowed target answered").contains("\"exit\":\"next\"");
            assertThat(exits.get(urls.get("+4930500774"))).as("127.0.0.1 is refused").contains("\"exit\":\"failed\"");
            assertThat(exits.get(urls.get("+4930500775"))).as("the metadata address is refused").contains("\"exit\":\"failed\"");
            assertThat(exits.get(urls.get("+4930500776"))).as("127.0.0.1 written as one number").contains("\"exit\":\"failed\"");
            assertThat(asked).as("only the allowed target's look-up reached the server").hasValue(1);
        } finally {
            crm.stop(0);
        }
    }

    @Test
    void onlyTheTenantsTransferNumbersAreDialledAndOnlyTheSystemSetsThem() throws Exception {
        ApiClient system = ApiClient.as(URI.create(node.portalUrl()), "sysadmin", "system-admin");
        JsonObject demo = system.get("api/v1/tenants/demo").json();
        assertThat(demo.getJsonArray("transferNumbers").getString(0)).as(demo.toString()).isEqualTo("+49*");
        String widened = Json.createObjectBuilder(demo).add("transferNumbers", Json.createArrayBuilder().add("*")).build().toString();
        ApiClient.Answer notAPattern = system.put("api/v1/tenants/demo", widened);
        assertThat(notAPattern.status()).as(notAPattern.toString()).isEqualTo(422);
        assertThat(notAPattern.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("transferNumbers");
        ApiClient.Answer byTheTenant = admin.put("api/v1/tenants/demo",
                Json.createObjectBuilder(demo).add("transferNumbers", Json.createArrayBuilder().add("+43*")).build().toString());
        assertThat(byTheTenant.status()).as("a tenant admin cannot open numbers: %s", byTheTenant).isEqualTo(403);

        // A flow's transfer node to a number outside the list: nothing is dialled, the flow takes its failed exit.
        String number = serviceNumber("+4930500777", "Transfer abroad", """
                {"start":"out","nodes":[
                  {"id":"out","type":"transfer","parameters":{"number":"%s"},"exits":{"failed":"bye"}},
                  {"id":"bye","type":"hangup","parameters":{},"exits":{}}]}""".formatted(FOREIGN));
        Sipp sipp = sipp();
        Process trunk = sipp.start("agent-answer.xml", TRUNK_PORT, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        Sipp.Result flowCaller = sipp.run("caller-flow-ends.xml", 6787, List.of("-s", number, "-m", "1", "-timeout", "60s"));
        assertThat(flowCaller.exit()).as("caller hears 480 after the failed exit: %s", sipp.errorLogs()).isZero();
        String flowCall = awaitEndedCallOf(number);
        assertThat(outcomeOf(flowCall)).isEqualTo("HANGUP_IN_FLOW");
        assertThat(eventsOf(flowCall)).contains("TransferFailed", "FlowExitTaken").doesNotContain("TransferStarted");

        // A connected call: the API refuses the number naming the field, the caller stays with its agent.
        sipp.registerAgent(1001, "demo-1001", 6788);
        Process agent = sipp.start("agent-answer.xml", 6788, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        setState("1001", "READY");
        String lastBefore = single("SELECT COALESCE(MAX(id), 0) FROM call_record WHERE id > ?", 0);
        Process caller = sipp.start("caller.xml", 6789, List.of("-s", HOTLINE, "-m", "1", "-d", "4000", "-timeout", "60s"));
        String callId = awaitAnsweredCallAfter(Long.parseLong(lastBefore));

        ApiClient.Answer abroad = admin.post("api/v1/calls/" + callId + "/transfer", "{\"number\":\"" + FOREIGN + "\"}");

        assertThat(abroad.status()).as(abroad.toString()).isEqualTo(422);
        assertThat(abroad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(abroad.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("number");
        assertThat(Sipp.await(caller, 30).exit()).as("the caller talked to 1001 until it hung up: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(agent, 30).exit()).as(sipp.errorLogs()).isZero();
        awaitOutcome(callId);
        assertThat(outcomeOf(callId)).isEqualTo("ANSWERED");
        assertThat(agentOf(callId)).isEqualTo("1001");
        assertThat(eventsOf(callId)).doesNotContain("TransferStarted", "TransferFailed");
        assertThat(trunk.isAlive()).as("the trunk never got an INVITE").isTrue();
    }

    @Test
    void anAgentsOutboundCallRingsItsPhoneThenDialsTheNumberWithTheTenantsCallerIdAndRecordsBothSides() throws Exception {
        Sipp sipp = sipp();
        RtpCapture numberAudio = RtpCapture.noise(11, 150);
        RtpCapture agentAudio = RtpCapture.noise(12, 150);
        Path numberScenario = Sipp.template("number-answers-talks-hangs-up.xml", Map.of("@CALLER_ID@", HOTLINE,
                "@PCAP@", numberAudio.write(sippFolder.resolve("number.pcap"), PCMA).toString(), "@TALK_MS@", "4000"), sippFolder);
        Path phoneScenario = Sipp.template("agent-talks.xml", Map.of("@PCAP@", agentAudio.write(sippFolder.resolve("agent.pcap"), PCMA).toString()), sippFolder);
        sipp.registerAgent(1001, "demo-1001", 6775);
        Process phone = sipp.start(phoneScenario, 6775, List.of("-m", "1", "-mp", "16500", "-timeout", "60s"));
        Process number = sipp.start(numberScenario, TRUNK_PORT, List.of("-m", "1", "-mp", "16400", "-timeout", "60s"));
        setState("1001", "READY");
        ApiClient agent = ApiClient.as(URI.create(node.portalUrl()), "agent1001@demo", "demo-1001");

        ApiClient.Answer placed = agent.post("api/v1/calls", "{\"number\":\"" + NUMBER + "\"}");

        assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
        String callId = placed.json().getString("callId");
        assertThat(placed.header("Location")).endsWith("/api/v1/calls/" + callId);
        assertThat(Sipp.await(number, 40).exit()).as("the number got an INVITE from %s, answered, talked and hung up: %s", HOTLINE,
                sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("1001's phone rang first, answered, talked and got BYE: %s", sipp.errorLogs()).isZero();
        JsonObject call = endedCall(agent, callId);
        assertThat(call.getString("direction")).isEqualTo("OUTBOUND");
        assertThat(call.getString("dialledNumber")).isEqualTo(NUMBER);
        assertThat(call.getString("caller")).as("the other party").isEqualTo(NUMBER);
        assertThat(call.getString("serviceNumber")).as("the caller ID presented").isEqualTo(HOTLINE);
        assertThat(call.getString("agent")).isEqualTo("1001");
        assertThat(call.getString("group")).as("1001's group, as none was named").isEqualTo("Support");
        assertThat(call.getString("outcome")).isEqualTo("ANSWERED");
        assertThat(call.getBoolean("hasRecording")).as("Support records").isTrue();
        assertThat(kinds(call)).containsSubsequence("OutboundCallPlaced", "AgentPickedUp", "NumberDialled", "NumberAnswered", "CallEnded")
                .contains("RecordingStarted").doesNotContain("OutboundCallFailed", "CallQueued", "CallOffered");
        assertThat(step(call, "OutboundCallPlaced").getString("by")).isEqualTo("agent:1001");
        assertThat(step(call, "NumberDialled").getString("callerId")).isEqualTo(HOTLINE);
        assertThat(step(call, "CallEnded").getString("endedBy")).isEqualTo("far end");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(agentStatesOf(callId))
                .as("the agent's states for its call (its phone answers without ringing)").containsSubsequence("RESERVED", "ON_CALL"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<byte[]> wav = agent.sendBytes("GET", "api/v1/calls/" + callId + "/recording", null, Map.of());
            assertThat(wav.statusCode()).isEqualTo(200);
            MediaCallIT.Channels recording = MediaCallIT.Channels.of(wav.body(), 2);
            assertThat(RtpCapture.indexOf(recording.channel(0), numberAudio.audio())).as("the number's audio, byte for byte, on the left")
                    .isNotNegative();
            // The agent talks from its answer on, the recording starts when the number answers: its last second counts.
            byte[] agentSpoke = agentAudio.audio();
            byte[] lastSecond = java.util.Arrays.copyOfRange(agentSpoke, agentSpoke.length - 8000, agentSpoke.length);
            assertThat(RtpCapture.indexOf(recording.channel(1), lastSecond)).as("the agent's last second of audio, byte for byte, on the right")
                    .isNotNegative();
        });
    }

    @Test
    void anOutboundCallToANumberOutsideTheTenantsNumbersIsRefusedAndABusyNumberEndsItBusy() throws Exception {
        ApiClient agent = ApiClient.as(URI.create(node.portalUrl()), "agent1001@demo", "demo-1001");
        setState("1001", "READY");
        ApiClient.Answer foreign = agent.post("api/v1/calls", "{\"number\":\"" + FOREIGN + "\"}");
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(422);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(foreign.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("number");
        ApiClient.Answer notANumber = agent.post("api/v1/calls", "{\"number\":\"040 123456\"}");
        assertThat(notANumber.status()).as(notANumber.toString()).isEqualTo(422);
        assertThat(notANumber.body()).contains("number");
        ApiClient.Answer forAnother = agent.post("api/v1/calls", "{\"number\":\"" + NUMBER + "\",\"agentId\":\"1002\"}");
        assertThat(forAnother.status()).as("an agent calls only as itself: %s", forAnother).isEqualTo(403);
        ApiClient.Answer notReady = admin.post("api/v1/calls", "{\"number\":\"" + NUMBER + "\",\"agentId\":\"1002\"}");
        assertThat(notReady.status()).as("1002 is logged out: %s", notReady).isEqualTo(409);

        Sipp sipp = sipp();
        sipp.registerAgent(1001, "demo-1001", 6776);
        Process phone = sipp.start("agent-answer.xml", 6776, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        Process busy = sipp.start("agent-busy.xml", TRUNK_PORT, List.of("-m", "1", "-timeout", "60s"));
        ApiClient.Answer placed = admin.post("api/v1/calls", "{\"number\":\"" + NUMBER + "\",\"agentId\":\"1001\"}");

        assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
        String callId = placed.json().getString("callId");
        assertThat(Sipp.await(busy, 30).exit()).as("the number refused with 486: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("1001's phone answered and got BYE: %s", sipp.errorLogs()).isZero();
        JsonObject call = endedCall(admin, callId);
        assertThat(call.getString("outcome")).isEqualTo("BUSY");
        assertThat(call.getString("direction")).isEqualTo("OUTBOUND");
        assertThat(call.containsKey("answeredAt") && !call.isNull("answeredAt")).as("nobody answered: %s", call).isFalse();
        assertThat(kinds(call)).containsSubsequence("OutboundCallPlaced", "AgentPickedUp", "NumberDialled", "OutboundCallFailed", "CallEnded")
                .doesNotContain("NumberAnswered", "RecordingStarted");
        assertThat(step(call, "OutboundCallPlaced").getString("by")).isEqualTo("api:admin@demo");
        assertThat(step(call, "OutboundCallFailed").getInt("status")).isEqualTo(486);
        assertThat(step(call, "CallEnded").getString("endedBy")).isEqualTo("far end");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(agentStatesOf(callId))
                .as("the agent's phone rang and it picked up").containsSubsequence("RESERVED", "RINGING", "ON_CALL"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get("api/v1/agents/1001/state").json()
                .getString("state")).as("Support has no wrap-up time: ready again after the busy number").isEqualTo("READY"));
    }

    @Test
    void anAgentsOwnTransferToAGroupPutsTheCallerIntoItsQueueWithItsPriorityAndAnAgentOfThatGroupTakesIt() throws Exception {
        String number = serviceNumber("+4930500778", "Priority seven", """
                {"start":"q","nodes":[{"id":"q","type":"queue","parameters":{"group":"Support","priority":7},"exits":{}}]}""");
        Sipp sipp = sipp();
        sipp.registerAgent(1001, "demo-1001", 6792);
        sipp.registerAgent(1006, "demo-1006", 6793);
        Process first = sipp.start("agent-answer.xml", 6792, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        Process sales = sipp.start("agent-answer.xml", 6793, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        setState("1001", "READY");
        String lastBefore = single("SELECT COALESCE(MAX(id), 0) FROM call_record WHERE id > ?", 0);
        Process caller = sipp.start("caller.xml", 6794, List.of("-s", number, "-m", "1", "-d", "8000", "-timeout", "60s"));
        String callId = awaitAnsweredCallAfter(Long.parseLong(lastBefore));
        setState("1006", "READY");
        // The agent hands on its own call (supervisors and admins may too: the blind transfer test above).
        ApiClient agent = ApiClient.as(URI.create(node.portalUrl()), "agent1001@demo", "demo-1001");
        ApiClient.Answer notTheirs = ApiClient.as(URI.create(node.portalUrl()), "agent1006@demo", "demo-1006")
                .post("api/v1/calls/" + callId + "/transfer", "{\"group\":\"Sales\"}");
        assertThat(notTheirs.status()).as("another agent's call: %s", notTheirs).isEqualTo(403);
        assertThat(notTheirs.header("Content-Type")).startsWith("application/problem+json");
        ApiClient.Answer nowhere = agent.post("api/v1/calls/" + callId + "/transfer", "{\"group\":\"Nowhere\"}");
        assertThat(nowhere.status()).as(nowhere.toString()).isEqualTo(422);
        assertThat(nowhere.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("group");

        ApiClient.Answer asked = agent.post("api/v1/calls/" + callId + "/transfer", "{\"group\":\"Sales\"}");

        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(Sipp.await(first, 30).exit()).as("1001's phone got BYE: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(caller, 30).exit()).as("the caller waited, talked to Sales and hung up: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(sales, 30).exit()).as("1006's phone rang, answered and got the caller's BYE: %s", sipp.errorLogs()).isZero();
        JsonObject call = endedCall(admin, callId);
        assertThat(call.getString("agent")).isEqualTo("1006");
        assertThat(call.getString("group")).isEqualTo("Sales");
        assertThat(call.getString("outcome")).isEqualTo("ANSWERED");
        assertThat(kinds(call)).containsSubsequence("CallQueued", "CallAnswered", "Transferred", "CallQueued", "CallOffered", "CallAnswered",
                "CallEnded").doesNotContain("TransferFailed", "CallAbandoned");
        assertThat(kinds(call).stream().filter("RecordingStarted"::equals)).as("each conversation its own file").hasSize(2);
        JsonObject transferred = step(call, "Transferred");
        assertThat(transferred.getString("target")).isEqualTo("group:Sales");
        assertThat(transferred.getString("from")).isEqualTo("agent:1001");
        assertThat(transferred.getString("by")).isEqualTo("api:agent1001@demo");
        List<JsonObject> queued = call.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .filter(step -> "CallQueued".equals(step.getString("kind"))).map(step -> step.getJsonObject("data")).toList();
        assertThat(queued).extracting(data -> data.getString("group")).containsExactly("Support", "Sales");
        assertThat(queued).extracting(data -> data.getInt("priority")).as("the priority it was first queued with").containsExactly(7, 7);
        assertThat(admin.get("api/v1/agents/1001/state").json().getString("state")).as("1001 let go of the call")
                .isIn("WRAP_UP", "READY");
    }

    @Test
    void anAgentConsultsAColleagueSwapsTwiceAndCompletesTheCallerTalksToTheColleagueAndTheFirstAgentLetsGo() throws Exception {
        Sipp sipp = sipp();
        RtpCapture callerAudio = RtpCapture.noise(31, 550);
        Path callerScenario = Sipp.template("caller-talks.xml", Map.of("@PCAP@", callerAudio.write(sippFolder.resolve("caller-consult.pcap"), PCMA)
                .toString(), "@TALK_MS@", "11000"), sippFolder);
        sipp.registerAgent(1001, "demo-1001", 6795);
        sipp.registerAgent(1002, "demo-1002", 6796);
        Process first = sipp.start("agent-answer.xml", 6795, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        Process colleague = sipp.start("agent-answer.xml", 6796, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        setState("1001", "READY");
        ApiClient agent = ApiClient.as(URI.create(node.portalUrl()), "agent1001@demo", "demo-1001");
        String lastBefore = single("SELECT COALESCE(MAX(id), 0) FROM call_record WHERE id > ?", 0);
        Process caller = sipp.start(callerScenario, 6797, List.of("-s", HOTLINE, "-m", "1", "-mp", "16800", "-timeout", "60s"));
        String callId = awaitAnsweredCallAfter(Long.parseLong(lastBefore));
        setState("1002", "READY");
        assertThat(agent.post("api/v1/calls/" + callId + "/consultation/complete", null).status()).as("nothing to complete yet")
                .isEqualTo(409);

        ApiClient.Answer consult = agent.post("api/v1/calls/" + callId + "/consultation", "{\"agent\":\"1002\"}");

        assertThat(consult.status()).as(consult.toString()).isEqualTo(202);
        awaitConsultation(agent, callId, "TALKING");
        assertThat(agent.post("api/v1/calls/" + callId + "/consultation/swap", null).status()).isEqualTo(202);
        assertThat(awaitConsultation(agent, callId, "SWAPPED").getBoolean("onHold")).as("back with the caller").isFalse();
        assertThat(agent.post("api/v1/calls/" + callId + "/consultation/swap", null).status()).isEqualTo(202);
        awaitConsultation(agent, callId, "TALKING");
        ApiClient.Answer complete = agent.post("api/v1/calls/" + callId + "/consultation/complete", null);
        assertThat(complete.status()).as(complete.toString()).isEqualTo(202);
        assertThat(Sipp.await(first, 30).exit()).as("1001's phone got BYE: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(caller, 30).exit()).as("the caller talked on and hung up: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(colleague, 30).exit()).as("1002's phone answered the consultation and got the caller's BYE: %s",
                sipp.errorLogs()).isZero();
        JsonObject call = endedCall(admin, callId);
        assertThat(call.getString("agent")).as("the record names the colleague").isEqualTo("1002");
        assertThat(call.getString("outcome")).isEqualTo("ANSWERED");
        assertThat(kinds(call)).containsSubsequence("CallAnswered", "ConsultationStarted", "ConsultationAnswered", "ConsultationSwapped",
                "ConsultationSwapped", "Transferred", "CallEnded").doesNotContain("ConsultationFailed");
        assertThat(step(call, "Transferred").getString("target")).isEqualTo("agent:1002");
        assertThat(step(call, "Transferred").getString("from")).isEqualTo("agent:1001");
        assertThat(admin.get("api/v1/agents/1001/state").json().getString("state")).as("1001 let go of the call").isIn("WRAP_UP", "READY");
        List<String> files = call.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .filter(step -> "RecordingStarted".equals(step.getString("kind"))).map(step -> step.getJsonObject("data").getString("file")).toList();
        assertThat(files).as("the conversation with the colleague is recorded on its own").hasSize(2);
        byte[] second = awaitCompleteRecording(files.get(1));
        byte[] left = MediaCallIT.Channels.of(second, 2).channel(0);
        byte[] spoken = callerAudio.audio();
        long heard = java.util.stream.IntStream.range(400, 540).filter(frame -> frame % 10 == 0)
                .filter(frame -> RtpCapture.indexOf(left, java.util.Arrays.copyOfRange(spoken, frame * RtpCapture.FRAME,
                        (frame + 1) * RtpCapture.FRAME)) >= 0).count();
        assertThat(heard).as("the caller's later audio, byte for byte, in the recording with the colleague").isPositive();
    }

    @Test
    void anAgentConsultsAColleagueAndReturnsToItsCallerWhoStaysItsCallAfterAGroupWithNoOneFreeWasRefused() throws Exception {
        Sipp sipp = sipp();
        sipp.registerAgent(1001, "demo-1001", 6798);
        sipp.registerAgent(1002, "demo-1002", 6799);
        Process first = sipp.start("agent-answer.xml", 6798, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        Process colleague = sipp.start("agent-answer.xml", 6799, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        setState("1001", "READY");
        ApiClient agent = ApiClient.as(URI.create(node.portalUrl()), "agent1001@demo", "demo-1001");
        String lastBefore = single("SELECT COALESCE(MAX(id), 0) FROM call_record WHERE id > ?", 0);
        Process caller = sipp.start("caller.xml", 6800, List.of("-s", HOTLINE, "-m", "1", "-d", "7000", "-timeout", "60s"));
        String callId = awaitAnsweredCallAfter(Long.parseLong(lastBefore));
        setState("1002", "READY");
        ApiClient.Answer both = agent.post("api/v1/calls/" + callId + "/consultation", "{\"agent\":\"1002\",\"number\":\"" + NUMBER + "\"}");
        assertThat(both.status()).as(both.toString()).isEqualTo(422);
        assertThat(both.header("Content-Type")).startsWith("application/problem+json");
        assertThat(both.body()).contains("target");
        ApiClient.Answer abroad = agent.post("api/v1/calls/" + callId + "/consultation", "{\"number\":\"" + FOREIGN + "\"}");
        assertThat(abroad.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("number");
        assertThat(agent.post("api/v1/calls/" + callId + "/consultation", "{\"group\":\"Sales\"}").status()).isEqualTo(202);
        Awaitility.await("the agent is told no one of Sales is free").atMost(Duration.ofSeconds(10))
                .until(() -> agent.get("api/v1/calls/" + callId).json(), call -> kinds(call).contains("ConsultationFailed"));
        assertThat(step(agent.get("api/v1/calls/" + callId).json(), "ConsultationFailed").getString("why"))
                .isEqualTo("no agent of group Sales is free now");

        assertThat(agent.post("api/v1/calls/" + callId + "/consultation", "{\"agent\":\"1002\"}").status()).isEqualTo(202);
        awaitConsultation(agent, callId, "TALKING");
        ApiClient.Answer back = agent.post("api/v1/calls/" + callId + "/consultation/return", null);

        assertThat(back.status()).as(back.toString()).isEqualTo(202);
        assertThat(Sipp.await(colleague, 30).exit()).as("1002's phone answered and got BYE when 1001 went back: %s", sipp.errorLogs()).isZero();
        JsonObject during = awaitConsultation(agent, callId, null);
        assertThat(during.getBoolean("onHold")).as("the caller talks to its agent again").isFalse();
        assertThat(Sipp.await(caller, 30).exit()).as("the caller talked on with 1001 and hung up: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(first, 30).exit()).as(sipp.errorLogs()).isZero();
        JsonObject call = endedCall(admin, callId);
        assertThat(call.getString("agent")).isEqualTo("1001");
        assertThat(kinds(call)).containsSubsequence("ConsultationStarted", "ConsultationAnswered", "ConsultationEnded", "CallResumed", "CallEnded")
                .doesNotContain("Transferred");
        assertThat(step(call, "ConsultationEnded").getString("by")).isEqualTo("api:agent1001@demo");
        assertThat(admin.get("api/v1/agents/1002/state").json().getString("state")).as("the colleague is free again").isEqualTo("READY");
    }

    @Test
    void aConsultationOfAGroupBecomesAConferenceInWhichAllHearAllAndTheAgentLeavesTheOtherTwoTalking() throws Exception {
        Sipp sipp = sipp();
        try (TonePhone caller = new TonePhone(600); TonePhone agent = new TonePhone(1400); TonePhone sales = new TonePhone(2000)) {
            sipp.registerAgent(1001, "demo-1001", 6811);
            Process agentPhone = sipp.start(tonePhone(agent), 6811, List.of("-m", "1", "-timeout", "90s"));
            sipp.registerAgent(1002, "demo-1002", 6812);
            Process busy = sipp.start("agent-busy.xml", 6812, List.of("-m", "1", "-timeout", "60s"));
            sipp.registerAgent(1006, "demo-1006", 6813);
            Process salesPhone = sipp.start(tonePhone(sales), 6813, List.of("-m", "1", "-timeout", "90s"));
            setState("1001", "READY");
            ApiClient agent1001 = ApiClient.as(URI.create(node.portalUrl()), "agent1001@demo", "demo-1001");
            String lastBefore = single("SELECT COALESCE(MAX(id), 0) FROM call_record WHERE id > ?", 0);
            Process callerPhone = sipp.start(Sipp.template("caller-media-elsewhere.xml", Map.of("@MEDIA_PORT@",
                    Integer.toString(caller.port())), sippFolder), 6814, List.of("-s", HOTLINE, "-m", "1", "-timeout", "90s"));
            String callId = awaitAnsweredCallAfter(Long.parseLong(lastBefore));
            awaitHearing("caller and agent talk", () -> assertThat(agent.share(caller, 25)).isGreaterThan(0.3));

            // A colleague who refuses: the agent is told, the caller stays on hold until resumed.
            setState("1002", "READY");
            assertThat(agent1001.post("api/v1/calls/" + callId + "/consultation", "{\"agent\":\"1002\"}").status()).isEqualTo(202);
            JsonObject refused = Awaitility.await("the consultation failed").atMost(Duration.ofSeconds(15))
                    .until(() -> agent1001.get("api/v1/calls/" + callId).json(), call -> kinds(call).contains("ConsultationFailed"));
            assertThat(step(refused, "ConsultationFailed").getString("why")).contains("486");
            assertThat(refused.getBoolean("onHold")).as("the caller still waits on hold").isTrue();
            assertThat(Sipp.await(busy, 30).exit()).as(sipp.errorLogs()).isZero();
            assertThat(agent1001.post("api/v1/calls/" + callId + "/resume", null).status()).isEqualTo(202);
            awaitHearing("resumed: caller and agent talk again", () -> assertThat(caller.share(agent, 25)).isGreaterThan(0.3));

            setState("1006", "READY");
            assertThat(agent1001.post("api/v1/calls/" + callId + "/consultation/conference", null).status())
                    .as("no consultation to make a conference of yet").isEqualTo(409);
            assertThat(agent1001.post("api/v1/calls/" + callId + "/consultation", "{\"group\":\"Sales\"}").status()).isEqualTo(202);
            awaitConsultation(agent1001, callId, "TALKING");
            ApiClient.Answer conference = agent1001.post("api/v1/calls/" + callId + "/consultation/conference", null);

            assertThat(conference.status()).as(conference.toString()).isEqualTo(202);
            awaitHearing("each of the three hears the other two", () -> {
                assertThat(caller.share(agent, 25)).isGreaterThan(0.1);
                assertThat(caller.share(sales, 25)).isGreaterThan(0.1);
                assertThat(agent.share(caller, 25)).isGreaterThan(0.1);
                assertThat(agent.share(sales, 25)).isGreaterThan(0.1);
                assertThat(sales.share(caller, 25)).isGreaterThan(0.1);
                assertThat(sales.share(agent, 25)).isGreaterThan(0.1);
            });
            JsonObject conferenced = Awaitility.await("the call says who is in").atMost(Duration.ofSeconds(10))
                    .until(() -> agent1001.get("api/v1/calls/" + callId).json(), call -> call.containsKey("conference") && !call.isNull("conference"));
            assertThat(conferenced.getString("conference")).isEqualTo("agent:1006");
            assertThat(conferenced.getBoolean("onHold")).isFalse();
            assertThat(conferenced.containsKey("consultation") && !conferenced.isNull("consultation")).as("no consultation now").isFalse();
            ApiClient.Answer hold = agent1001.post("api/v1/calls/" + callId + "/hold", null);
            assertThat(hold.status()).as("no hold with a third party in: %s", hold).isEqualTo(409);
            assertThat(hold.body()).contains("conference-going-on");

            ApiClient.Answer leave = agent1001.post("api/v1/calls/" + callId + "/consultation/complete", null);
            assertThat(leave.status()).as(leave.toString()).isEqualTo(202);
            assertThat(Sipp.await(agentPhone, 30).exit()).as("1001's phone got BYE: %s", sipp.errorLogs()).isZero();
            caller.forget();
            sales.forget();
            Awaitility.await("two seconds of audio").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> caller.framesHeard() >= 100 && sales.framesHeard() >= 100);
            assertThat(caller.share(sales, 100)).as("the caller talks on with Sales").isGreaterThan(0.3);
            assertThat(sales.share(caller, 100)).isGreaterThan(0.3);
            assertThat(caller.share(agent, 100)).as("the agent is gone").isLessThan(0.01);

            assertThat(admin.delete("api/v1/calls/" + callId).status()).isEqualTo(202);
            assertThat(Sipp.await(callerPhone, 30).exit()).as("caller: %s", sipp.errorLogs()).isZero();
            assertThat(Sipp.await(salesPhone, 30).exit()).as("1006: %s", sipp.errorLogs()).isZero();
            JsonObject call = endedCall(admin, callId);
            assertThat(call.getString("agent")).as("the record names who took the caller on").isEqualTo("1006");
            assertThat(kinds(call)).containsSubsequence("CallAnswered", "ConsultationStarted", "ConsultationFailed", "CallResumed",
                    "ConsultationStarted", "ConsultationAnswered", "PartyJoined", "PartyLeft", "Transferred", "CallEnded");
            JsonObject joined = step(call, "PartyJoined");
            assertThat(joined.getString("party")).isEqualTo("agent:1006");
            assertThat(joined.getString("via")).isEqualTo("consultation");
            assertThat(step(call, "PartyLeft").getString("party")).isEqualTo("agent:1001");
            assertThat(step(call, "Transferred").getString("from")).isEqualTo("agent:1001");
            assertThat(admin.get("api/v1/agents/1001/state").json().getString("state")).as("1001 let go of the call").isIn("WRAP_UP", "READY");
        }
    }

    /** An answering phone whose SDP names the tone phone's socket (a folder each: the file names are the same). */
    private Path tonePhone(TonePhone media) throws Exception {
        Path folder = java.nio.file.Files.createDirectories(sippFolder.resolve("phone-" + media.hertz));
        return Sipp.template("phone-answers-media-elsewhere.xml", Map.of("@MEDIA_PORT@", Integer.toString(media.port())), folder);
    }

    private static void awaitHearing(String what, org.awaitility.core.ThrowingRunnable check) {
        Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(check);
    }

    /** The call once its {@code consultation} is as wanted (null: none going on). */
    private static JsonObject awaitConsultation(ApiClient client, String callId, String wanted) {
        return Awaitility.await("consultation " + wanted).atMost(Duration.ofSeconds(15)).until(() -> client.get("api/v1/calls/" + callId).json(),
                call -> Objects.equals(wanted, call.containsKey("consultation") && !call.isNull("consultation")
                        ? call.getString("consultation") : null));
    }

    /** A recording file once storage-service says it is complete (finished after its conversation). */
    private static byte[] awaitCompleteRecording(String file) {
        ApiClient storage = ApiClient.as(URI.create(node.portalUrl()), "admin@demo", "demo-admin");
        return Awaitility.await("recording " + file).atMost(Duration.ofSeconds(20))
                .until(() -> storage.sendBytes("GET", "/storage/api/v1/tenants/demo/files/recordings/" + file, null, Map.of()),
                        answer -> answer.statusCode() == 200 && "true".equals(answer.headers().firstValue("X-File-Complete").orElse("")))
                .body();
    }

    @Test
    void onHoldTheCallerHearsMusicAndNotItsAgentAndResumeBringsThemBackIntoOneRecording() throws Exception {
        Sipp sipp = sipp();
        RtpCapture agentAudio = RtpCapture.noise(21, 750);
        Set<String> agentFrames = frames(agentAudio.audio());
        // PCMU on both legs, so the relay passes the agent's payload to the caller untouched and each frame can be recognised.
        Path phoneScenario = Sipp.template("agent-talks.xml", Map.of("@PCAP@", agentAudio.write(sippFolder.resolve("agent-hold.pcap"), PCMU)
                .toString(), "RTP/AVP 8 101", "RTP/AVP 0 101", "a=rtpmap:8 PCMA/8000", "a=rtpmap:0 PCMU/8000"), sippFolder);
        sipp.registerAgent(1001, "demo-1001", 6790);
        Process phone = sipp.start(phoneScenario, 6790, List.of("-m", "1", "-mp", "16600", "-timeout", "60s"));
        setState("1001", "READY");
        ApiClient agent = ApiClient.as(URI.create(node.portalUrl()), "agent1001@demo", "demo-1001");
        byte[] music = MediaCallIT.promptStart("music-on-hold");
        String lastBefore = single("SELECT COALESCE(MAX(id), 0) FROM call_record WHERE id > ?", 0);
        try (CallerEar ear = CallerEar.open()) {
            Path callerScenario = Sipp.template("caller.xml", Map.of("[media_port]", Integer.toString(ear.port()), "RTP/AVP 0 8", "RTP/AVP 0"),
                    sippFolder);
            Process caller = sipp.start(callerScenario, 6791, List.of("-s", HOTLINE, "-m", "1", "-d", "12000", "-mp", "16700", "-timeout", "60s"));
            String callId = awaitAnsweredCallAfter(Long.parseLong(lastBefore));
            Awaitility.await("the caller hears its agent").atMost(Duration.ofSeconds(10))
                    .until(() -> ear.framesSince(0).stream().anyMatch(agentFrames::contains));
            assertThat(agent.post("api/v1/calls/" + callId + "/resume", null).status()).as("not on hold: nothing to resume").isEqualTo(409);

            int held = ear.count();
            ApiClient.Answer hold = agent.post("api/v1/calls/" + callId + "/hold", null);

            assertThat(hold.status()).as(hold.toString()).isEqualTo(202);
            Awaitility.await("music on hold").atMost(Duration.ofSeconds(10)).until(() -> RtpCapture.indexOf(ear.audioSince(held), music) >= 0);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> agent.get("api/v1/calls/" + callId).json(),
                    call -> call.getBoolean("onHold", false));
            ApiClient.Answer again = agent.post("api/v1/calls/" + callId + "/hold", null);
            assertThat(again.status()).as(again.toString()).isEqualTo(409);
            assertThat(again.json().getString("type")).endsWith("call-on-hold");
            ApiClient.Answer transfer = admin.post("api/v1/calls/" + callId + "/transfer", "{\"agent\":\"1002\"}");
            assertThat(transfer.status()).as("a held call is resumed before it is transferred: %s", transfer).isEqualTo(409);
            int musicFrom = RtpCapture.indexOf(ear.audioSince(held), music) / RtpCapture.FRAME;
            Awaitility.await("a second of hold").atMost(Duration.ofSeconds(5)).until(() -> ear.count() - held >= musicFrom + 50);
            int resumedAt = ear.count();
            List<String> onHold = ear.framesSince(held);
            assertThat(onHold.subList(musicFrom, onHold.size())).as("once the music plays, nothing of the agent reaches the caller")
                    .noneMatch(agentFrames::contains);
            ApiClient.Answer resume = agent.post("api/v1/calls/" + callId + "/resume", null);

            assertThat(resume.status()).as(resume.toString()).isEqualTo(202);
            Awaitility.await("the caller hears its agent again").atMost(Duration.ofSeconds(10))
                    .until(() -> ear.framesSince(resumedAt).stream().anyMatch(agentFrames::contains));
            assertThat(Sipp.await(caller, 40).exit()).as("the caller talked on and hung up: %s", sipp.errorLogs()).isZero();
            assertThat(Sipp.await(phone, 30).exit()).as("1001's phone got the caller's BYE: %s", sipp.errorLogs()).isZero();

            JsonObject call = endedCall(agent, callId);
            assertThat(kinds(call)).containsSubsequence("RecordingStarted", "CallAnswered", "CallHeld", "CallResumed", "CallEnded");
            assertThat(kinds(call).stream().filter("RecordingStarted"::equals)).as("one recording across the hold").hasSize(1);
            assertThat(step(call, "CallHeld").getString("by")).isEqualTo("api:agent1001@demo");
            assertThat(step(call, "CallResumed").getJsonNumber("heldSeconds").doubleValue()).isPositive();
            assertThat(call.getJsonNumber("heldSeconds").doubleValue()).as("the record's time on hold").isPositive();
            assertThat(call.getBoolean("onHold")).isFalse();
            byte[] before = firstAgentFrame(ear.framesSince(0).subList(0, held), agentFrames);
            byte[] after = firstAgentFrame(ear.framesSince(resumedAt), agentFrames);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<byte[]> wav = agent.sendBytes("GET", "api/v1/calls/" + callId + "/recording", null, Map.of());
                assertThat(wav.statusCode()).isEqualTo(200);
                byte[] right = MediaCallIT.Channels.of(wav.body(), 2).channel(1);
                assertThat(RtpCapture.indexOf(right, before)).as("the agent before the hold, on the right").isNotNegative();
                assertThat(RtpCapture.indexOf(right, after)).as("and after it, in the same file").isGreaterThan(RtpCapture.indexOf(right, before));
                assertThat(RtpCapture.indexOf(MediaCallIT.Channels.of(wav.body(), 2).channel(0), music)).as("no music recorded").isNegative();
            });
        }
    }

    private static Set<String> frames(byte[] audio) {
        Set<String> frames = new HashSet<>();
        for (int at = 0; at + RtpCapture.FRAME <= audio.length; at += RtpCapture.FRAME) {
            frames.add(HexFormat.of().formatHex(audio, at, at + RtpCapture.FRAME));
        }
        return frames;
    }

    private static byte[] firstAgentFrame(List<String> heard, Set<String> agentFrames) {
        return HexFormat.of().parseHex(heard.stream().filter(agentFrames::contains).findFirst()
                .orElseThrow(() -> new AssertionError("no frame of the agent heard")));
    }

    /**
     * The caller's ear: the test's own UDP socket named as the caller's media address, so every RTP
     * packet the node sends the caller lands here, kept in order (its payload as hex, one 20 ms frame each).
     */
    private static final class CallerEar implements AutoCloseable {

        private final DatagramChannel channel;
        private final List<String> frames = new CopyOnWriteArrayList<>();
        private final Thread listener;

        private CallerEar(DatagramChannel channel) {
            this.channel = channel;
            this.listener = new Thread(this::listen, "caller-ear");
            listener.setDaemon(true);
            listener.start();
        }

        static CallerEar open() throws IOException {
            DatagramChannel channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            return new CallerEar(channel);
        }

        int port() throws IOException {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        }

        private void listen() {
            ByteBuffer packet = ByteBuffer.allocate(2048);
            try {
                while (true) {
                    packet.clear();
                    channel.receive(packet);
                    packet.flip();
                    if (packet.remaining() > 12) {
                        frames.add(HexFormat.of().formatHex(packet.array(), 12, packet.limit()));
                    }
                }
            } catch (IOException closed) {
                // The test is over.
            }
        }

        int count() {
            return frames.size();
        }

        List<String> framesSince(int index) {
            return List.copyOf(frames.subList(index, frames.size()));
        }

        byte[] audioSince(int index) {
            return HexFormat.of().parseHex(String.join("", framesSince(index)));
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    @Test
    void aCallWhoseAgentsPhoneStoppedSendingAudioEndsAfterTheTimeoutAndFreesTheAgentThoughItsByeFails() throws Exception {
        Sipp sipp = sipp();
        RtpCapture oneSecond = RtpCapture.noise(13, 50);
        Path phoneScenario = Sipp.template("agent-talks-then-vanishes.xml",
                Map.of("@PCAP@", oneSecond.write(sippFolder.resolve("vanishing.pcap"), PCMA).toString()), sippFolder);
        sipp.registerAgent(1001, "demo-1001", 6777);
        Process phone = sipp.start(phoneScenario, 6777, List.of("-m", "1", "-mp", "16600", "-timeout", "60s"));
        setState("1001", "READY");
        String lastBefore = single("SELECT COALESCE(MAX(id), 0) FROM call_record WHERE id > ?", 0);

        Process caller = sipp.start("caller-hung-up-on.xml", 6785, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));

        String callId = awaitAnsweredCallAfter(Long.parseLong(lastBefore));
        assertThat(Sipp.await(caller, 30).exit()).as("the node hung up on the caller: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("the phone talked a second, went silent and answered the BYE with 481: %s",
                sipp.errorLogs()).isZero();
        JsonObject call = endedCall(admin, callId);
        assertThat(call.getString("outcome")).isEqualTo("ANSWERED");
        assertThat(step(call, "CallEnded").getString("endedBy")).isEqualTo("rtp-timeout:agent");
        assertThat(Duration.between(Instant.parse(call.getString("answeredAt")), Instant.parse(call.getString("endedAt"))))
                .as("a second of audio, then the 4 s timeout").isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get("api/v1/agents/1001/state").json()
                .getString("state")).as("Support has no wrap-up time: ready again, not ON_CALL").isEqualTo("READY"));
    }

    @Test
    void anAgentHearsTheGermanRingToneFromTheNodeWhileTheNumberRingsWithoutEarlyMedia() throws Exception {
        Sipp sipp = sipp();
        Path numberScenario = Sipp.template("number-rings-answers-hangs-up.xml",
                Map.of("@CALLER_ID@", HOTLINE, "@RING_MS@", "3000", "@TALK_MS@", "500"), sippFolder);

        byte[] heard = agentHearsOutboundCall(sipp, numberScenario, List.of());

        int[] levels = frameLevels(heard);
        long toneFrames = Arrays.stream(levels).filter(level -> level > 3000).count();
        assertThat(toneFrames).as("about 1 s of tone (50 frames) in the 3 s the number rang, of %d frames heard", levels.length)
                .isBetween(40L, 60L);
        short[] tone = linear(heard, firstLoudFrame(levels), 40);
        assertThat(crossingsPerSecond(tone)).as("425 Hz: 850 zero crossings a second").isBetween(830, 870);
    }

    @Test
    void anAgentHearsTheNumbersEarlyMediaWhileItRings() throws Exception {
        Sipp sipp = sipp();
        RtpCapture announcement = RtpCapture.noise(14, 100);
        Path numberScenario = Sipp.template("number-early-media.xml", Map.of("@CALLER_ID@", HOTLINE, "@RING_MS@", "3000", "@TALK_MS@", "500",
                "@PCAP@", announcement.write(sippFolder.resolve("early.pcap"), PCMA).toString()), sippFolder);

        byte[] heard = agentHearsOutboundCall(sipp, numberScenario, List.of("-mp", "16420"));

        // The first packets may come before the node has read the 183: its last second counts.
        byte[] early = announcement.audio();
        byte[] lastSecond = Arrays.copyOfRange(early, early.length - 8000, early.length);
        int[] levels = frameLevels(heard);
        assertThat(RtpCapture.indexOf(heard, lastSecond)).as("the last second of the number's 2 s of early media, byte for byte, "
                + "before it answered (%d frames heard, %d loud)", levels.length, Arrays.stream(levels).filter(level -> level > 3000).count())
                .isNotNegative();
        int crossings = crossingsPerSecond(linear(heard, firstLoudFrame(levels), 40));
        assertThat(crossings < 830 || crossings > 870).as("no local 425 Hz ring tone over it (%d crossings a second)", crossings).isTrue();
    }

    /**
     * Agent 1001 (a SIPp phone whose media port is the test's socket) places an outbound call to the
     * number's scenario; what the node sends to the agent's phone until the number hung up, as A-law payload.
     */
    private byte[] agentHearsOutboundCall(Sipp sipp, Path numberScenario, List<String> numberOptions) throws Exception {
        try (DatagramChannel rtp = DatagramChannel.open()) {
            rtp.bind(new InetSocketAddress("127.0.0.1", 0));
            rtp.socket().setSoTimeout(200);
            int port = ((InetSocketAddress) rtp.getLocalAddress()).getPort();
            sipp.registerAgent(1001, "demo-1001", 6778);
            Process phone = sipp.start("agent-answers-listens.xml", 6778, List.of("-m", "1", "-key", "rtpport", Integer.toString(port), "-timeout", "60s"));
            List<String> options = new ArrayList<>(List.of("-m", "1", "-timeout", "60s"));
            options.addAll(numberOptions);
            Process number = sipp.start(numberScenario, TRUNK_PORT, options);
            setState("1001", "READY");
            ApiClient.Answer placed = admin.post("api/v1/calls", "{\"number\":\"" + NUMBER + "\",\"agentId\":\"1001\"}");
            assertThat(placed.status()).as(placed.toString()).isEqualTo(202);

            ByteArrayOutputStream heard = new java.io.ByteArrayOutputStream();
            DatagramPacket packet = new java.net.DatagramPacket(new byte[2048], 2048);
            Instant deadline = Instant.now().plusSeconds(30);
            while (number.isAlive() && Instant.now().isBefore(deadline)) {
                try {
                    rtp.socket().receive(packet);
                    heard.write(packet.getData(), 12, packet.getLength() - 12);
                } catch (SocketTimeoutException quiet) {
                    // Nothing this moment: look whether the number has hung up.
                }
            }
            assertThat(Sipp.await(number, 10).exit()).as("the number rang, answered and hung up: %s", sipp.errorLogs()).isZero();
            assertThat(Sipp.await(phone, 10).exit()).as("1001's phone answered and got BYE: %s", sipp.errorLogs()).isZero();
            JsonObject call = endedCall(admin, placed.json().getString("callId"));
            assertThat(kinds(call)).containsSubsequence("NumberDialled", "NumberAnswered", "CallEnded");
            return heard.toByteArray();
        }
    }

    /** The peak level of each 20 ms A-law frame. */
    private static int[] frameLevels(byte[] alaw) {
        int[] levels = new int[alaw.length / 160];
        for (int frame = 0; frame < levels.length; frame++) {
            for (short sample : linear(alaw, frame, 1)) {
                levels[frame] = Math.max(levels[frame], Math.abs(sample));
            }
        }
        return levels;
    }

    private static int firstLoudFrame(int[] levels) {
        for (int frame = 0; frame < levels.length; frame++) {
            if (levels[frame] > 3000) {
                return frame;
            }
        }
        throw new AssertionError("the agent heard only silence (" + levels.length + " frames)");
    }

    private static short[] linear(byte[] alaw, int fromFrame, int frames) {
        short[] samples = new short[frames * 160];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = G711.decode(alaw[fromFrame * 160 + i], AudioCodec.PCMA);
        }
        return samples;
    }

    private static int crossingsPerSecond(short[] samples) {
        int crossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                crossings++;
            }
        }
        return crossings * 8000 / samples.length;
    }

    /** The call as {@code GET /calls/{id}} answers it once it has ended. */
    private static JsonObject endedCall(ApiClient client, String callId) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> client.get("api/v1/calls/" + callId),
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

    private static List<String> agentStatesOf(String callId) throws SQLException {
        List<String> states = new ArrayList<>();
        try (Connection db = node.database().connect();
             PreparedStatement query = db.prepareStatement("SELECT state FROM agent_event WHERE call_id = ? ORDER BY seq")) {
            query.setString(1, callId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.add(rows.getString(1));
                }
            }
        }
        return states;
    }

    private Sipp sipp() {
        return new Sipp(node.ports().sip(), sippFolder);
    }

    private static void setState(String extension, String state) {
        ApiClient.Answer answer = admin.put("api/v1/agents/" + extension + "/state", "{\"state\":\"" + state + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    /** A new service number of demo with a new call flow of this graph, through the configuration API. */
    private static String serviceNumber(String number, String flowName, String graph) {
        ApiClient.Answer flow = admin.post("api/v1/call-flows", "{\"name\":\"" + flowName + "\",\"graph\":" + graph + "}");
        assertThat(flow.status()).as(flow.toString()).isEqualTo(201);
        ApiClient.Answer created = admin.post("api/v1/service-numbers",
                "{\"number\":\"" + number + "\",\"label\":\"" + flowName + "\",\"callFlow\":\"" + flowName + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return number;
    }

    private static String awaitEndedCallOf(String number) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            String callId = single("SELECT call_id FROM call_record WHERE service_number = ? AND outcome IS NOT NULL ORDER BY id DESC LIMIT 1", number);
            if (callId != null) {
                return callId;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no ended call of " + number + " within 15 s");
    }

    private static String awaitAnsweredCallAfter(long lastBefore) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            String callId = single("SELECT call_id FROM call_record WHERE answered_at IS NOT NULL AND outcome IS NULL"
                    + " AND id > ? ORDER BY id DESC LIMIT 1", lastBefore);
            if (callId != null) {
                return callId;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no call answered within 20 s");
    }

    private static void awaitOutcome(String callId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline) && outcomeOf(callId) == null) {
            Thread.sleep(200);
        }
    }

    private static String outcomeOf(String callId) throws SQLException {
        return single("SELECT outcome FROM call_record WHERE call_id = ?", callId);
    }

    private static String agentOf(String callId) throws SQLException {
        return single("SELECT a.extension FROM call_record r JOIN agent a ON a.id = r.agent_id WHERE r.call_id = ?", callId);
    }

    private static List<String> eventsOf(String callId) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection db = node.database().connect();
             PreparedStatement query = db.prepareStatement("SELECT type FROM call_event WHERE call_id = ? ORDER BY seq")) {
            query.setString(1, callId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        }
        return types;
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
