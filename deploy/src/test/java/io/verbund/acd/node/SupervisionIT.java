package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.verbund.acd.launcher.DemoNode;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audio mixing through the real node: SIPp phones for the signalling (caller, agent 1001, the demo
 * supervisor's phone 1000) whose SDP points at the test's own RTP sockets, each sending a tone of
 * its own frequency; what each side hears is told apart by those tones. A supervisor's whisper
 * reaches the agent and never the caller; listening, it hears both and nobody hears it; barging in,
 * all hear all. One node for every method.
 */
class SupervisionIT {

    private static final String HOTLINE = "+4930500100";
    private static final int CALLER_HZ = 600;
    private static final int AGENT_HZ = 1400;
    private static final int SUPERVISOR_HZ = 2600;
    private static final int THIRD_HZ = 2000;
    /** Half a second of audio: a tone that is there shows in it at once after a change. */
    private static final int RECENT = 25;
    /** Two seconds: the window in which a tone that must not be there is looked for. */
    private static final int WINDOW = 100;

    @TempDir
    Path sippFolder;

    private static DemoNode node;
    private static ApiClient admin;
    private static ApiClient supervisor;

    @BeforeAll
    static void startNode() {
        node = TestNodes.callControlNode();
        admin = ApiClient.as(URI.create(node.portalUrl()), "admin@demo", "demo-admin");
        supervisor = ApiClient.as(URI.create(node.portalUrl()), "supervisor@demo", "demo-supervisor");
    }

    @AfterEach
    void everyoneOut() throws Exception {
        Sipp.stopAll();
        for (String extension : List.of("1001", "1002")) {
            admin.put("api/v1/agents/" + extension + "/state", "{\"state\":\"LOGGED_OUT\",\"force\":true}");
        }
    }

    @Test
    void theAgentAddsAThirdPartyAllThreeHearEachOtherAndWhenItLeavesTheTwoTalkOn() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        try (TonePhone caller = new TonePhone(CALLER_HZ); TonePhone agent = new TonePhone(AGENT_HZ); TonePhone third = new TonePhone(THIRD_HZ)) {
            sipp.registerAgent(1001, "demo-1001", 7541);
            Process agentPhone = sipp.start(phone(agent), 7541, List.of("-m", "1", "-timeout", "120s"));
            sipp.registerAgent(1002, "demo-1002", 7542);
            Path hangsUp = Sipp.template("phone-answers-media-elsewhere-hangs-up.xml", Map.of("@MEDIA_PORT@", Integer.toString(third.port()),
                    "@TALK_MS@", "6000"), java.nio.file.Files.createDirectories(sippFolder.resolve("third")));
            Process thirdPhone = sipp.start(hangsUp, 7542, List.of("-m", "1", "-timeout", "120s"));
            assertThat(admin.put("api/v1/agents/1001/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);
            Process callerPhone = sipp.start(Sipp.template("caller-media-elsewhere.xml", Map.of("@MEDIA_PORT@",
                    Integer.toString(caller.port())), sippFolder), 7543, List.of("-s", HOTLINE, "-m", "1", "-timeout", "120s"));
            String callId = awaitAnsweredCall();
            awaitHearing("caller and agent talk", () -> assertThat(agent.share(caller, RECENT)).isGreaterThan(0.3));
            assertThat(admin.put("api/v1/agents/1002/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);
            ApiClient agent1001 = ApiClient.as(URI.create(node.portalUrl()), "agent1001@demo", "demo-1001");
            ApiClient.Answer notTheirs = ApiClient.as(URI.create(node.portalUrl()), "agent1002@demo", "demo-1002")
                    .post("api/v1/calls/" + callId + "/conference", "{\"agent\":\"1003\"}");
            assertThat(notTheirs.status()).as("only the call's agent adds a party: %s", notTheirs).isIn(403, 404);
            ApiClient.Answer badTarget = agent1001.post("api/v1/calls/" + callId + "/conference", "{\"number\":\"+43900123456\"}");
            assertThat(badTarget.status()).as(badTarget.toString()).isEqualTo(422);
            assertThat(badTarget.body()).contains("number");

            ApiClient.Answer added = agent1001.post("api/v1/calls/" + callId + "/conference", "{\"agent\":\"1002\"}");
            assertThat(added.status()).as(added.toString()).isEqualTo(202);
            awaitHearing("each party hears the other two", () -> {
                assertThat(caller.share(agent, RECENT)).isGreaterThan(0.1);
                assertThat(caller.share(third, RECENT)).isGreaterThan(0.1);
                assertThat(agent.share(caller, RECENT)).isGreaterThan(0.1);
                assertThat(agent.share(third, RECENT)).isGreaterThan(0.1);
                assertThat(third.share(caller, RECENT)).isGreaterThan(0.1);
                assertThat(third.share(agent, RECENT)).isGreaterThan(0.1);
            });

            assertThat(Sipp.await(thirdPhone, 30).exit()).as("the third party hung up: %s", sipp.errorLogs()).isZero();
            window(caller, agent);
            assertThat(caller.share(agent, WINDOW)).as("caller and agent talk on").isGreaterThan(0.3);
            assertThat(agent.share(caller, WINDOW)).isGreaterThan(0.3);
            assertThat(caller.share(third, WINDOW)).as("the third party is gone").isLessThan(0.01);

            assertThat(admin.delete("api/v1/calls/" + callId).status()).isEqualTo(202);
            assertThat(Sipp.await(callerPhone, 30).exit()).as("caller: %s", sipp.errorLogs()).isZero();
            assertThat(Sipp.await(agentPhone, 30).exit()).as("agent: %s", sipp.errorLogs()).isZero();
            List<JsonObject> steps = stepsOf(callId, 2, "PartyJoined", "PartyLeft");
            assertThat(steps).as("the call's own events say who joined and left").hasSize(2);
            assertThat(steps.get(0).getJsonObject("data").getString("party")).isEqualTo("agent:1002");
            assertThat(steps.get(0).getJsonObject("data").getString("via")).isEqualTo("conference");
            assertThat(steps.get(1).getJsonObject("data").getString("party")).isEqualTo("agent:1002");
            assertThat(steps.get(1).getJsonObject("data").getString("why")).isEqualTo("hung up");
        }
    }

    @Test
    void aSupervisorWhispersListensAndBargesInOnlyInItsGroupsAndTheCallerNeverHearsAWhisper() throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        try (TonePhone caller = new TonePhone(CALLER_HZ); TonePhone agent = new TonePhone(AGENT_HZ);
             TonePhone boss = new TonePhone(SUPERVISOR_HZ)) {
            sipp.registerAgent(1001, "demo-1001", 7531);
            Process agentPhone = sipp.start(phone(agent), 7531, List.of("-m", "1", "-timeout", "120s"));
            sipp.registerAgent(1000, "demo-1000", 7532);
            Process supervisorPhone = sipp.start(phone(boss), 7532, List.of("-m", "1", "-timeout", "120s"));
            assertThat(admin.put("api/v1/agents/1001/state", "{\"state\":\"READY\"}").status()).isEqualTo(200);
            ApiClient.Answer notice = admin.put("api/v1/supervision-settings", "{\"notice\":true}");
            assertThat(notice.status()).as(notice.toString()).isEqualTo(200);

            Process callerPhone = sipp.start(Sipp.template("caller-media-elsewhere.xml", Map.of("@MEDIA_PORT@",
                    Integer.toString(caller.port())), sippFolder), 7533, List.of("-s", HOTLINE, "-m", "1", "-timeout", "120s"));
            String callId = awaitAnsweredCall();
            awaitHearing("caller and agent talk", () -> {
                assertThat(agent.share(caller, RECENT)).as("the agent hears the caller").isGreaterThan(0.3);
                assertThat(caller.share(agent, RECENT)).as("the caller hears the agent").isGreaterThan(0.3);
            });

            window(caller);
            assertThat(caller.otherThan(WINDOW, agent, boss)).as("before any supervision the caller hears only its agent").isLessThan(0.2);
            supervise(callId, "whisper");
            // The tenant's notice plays to the caller over its agent's voice as the supervisor joins.
            awaitHearing("the caller hears the supervision notice", () ->
                    assertThat(caller.otherThan(RECENT, agent, boss)).as("what the caller hears besides its agent").isGreaterThan(0.3));
            awaitHearing("the whisper reaches the agent", () -> {
                assertThat(agent.share(boss, RECENT)).isGreaterThan(0.1);
                assertThat(agent.share(caller, RECENT)).isGreaterThan(0.1);
                assertThat(boss.share(caller, RECENT)).as("the supervisor hears the caller").isGreaterThan(0.1);
                assertThat(boss.share(agent, RECENT)).as("and the agent").isGreaterThan(0.1);
            });
            window(caller, agent, boss);
            assertThat(caller.share(boss, WINDOW)).as("the caller never hears the whisper").isLessThan(0.01);
            assertThat(caller.share(agent, WINDOW)).as("the caller still hears its agent").isGreaterThan(0.2);

            supervise(callId, "listen");
            awaitHearing("the supervisor only listens", () -> assertThat(agent.share(boss, RECENT)).isLessThan(0.01));
            window(caller, agent, boss);
            assertThat(agent.share(boss, WINDOW)).as("nobody hears a listening supervisor: the agent").isLessThan(0.01);
            assertThat(caller.share(boss, WINDOW)).as("nor the caller").isLessThan(0.01);
            assertThat(boss.share(caller, WINDOW)).as("the supervisor hears the caller").isGreaterThan(0.1);
            assertThat(boss.share(agent, WINDOW)).as("and the agent").isGreaterThan(0.1);

            supervise(callId, "barge");
            awaitHearing("all hear all", () -> {
                assertThat(caller.share(boss, RECENT)).isGreaterThan(0.1);
                assertThat(caller.share(agent, RECENT)).isGreaterThan(0.1);
                assertThat(agent.share(boss, RECENT)).isGreaterThan(0.1);
                assertThat(agent.share(caller, RECENT)).isGreaterThan(0.1);
                assertThat(boss.share(caller, RECENT)).isGreaterThan(0.1);
                assertThat(boss.share(agent, RECENT)).isGreaterThan(0.1);
            });
            window(caller, agent, boss);
            assertThat(caller.share(boss, WINDOW)).as("barging in, the caller hears the supervisor").isGreaterThan(0.1);
            assertThat(agent.share(boss, WINDOW)).as("and the agent").isGreaterThan(0.1);

            ApiClient.Answer left = supervisor.delete("api/v1/calls/" + callId + "/supervision");
            assertThat(left.status()).as(left.toString()).isEqualTo(202);
            assertThat(Sipp.await(supervisorPhone, 30).exit()).as("the supervisor's phone was hung up: %s", sipp.errorLogs()).isZero();
            window(caller, agent);
            assertThat(caller.share(agent, WINDOW)).as("caller and agent talk on, bridged again").isGreaterThan(0.3);
            assertThat(agent.share(caller, WINDOW)).isGreaterThan(0.3);
            assertThat(caller.share(boss, WINDOW)).isLessThan(0.01);

            ApiClient.Answer user = admin.post("api/v1/users", """
                    {"login":"salesboss@demo","displayName":"Sales Boss","password":"sales-boss-1","roles":["SUPERVISOR"],
                     "supervisedGroups":["Sales"]}""");
            assertThat(user.status()).as(user.toString()).isEqualTo(201);
            ApiClient salesBoss = ApiClient.as(URI.create(node.portalUrl()), "salesboss@demo", "sales-boss-1");
            ApiClient.Answer refused = salesBoss.post("api/v1/calls/" + callId + "/supervision", "{\"mode\":\"listen\"}");
            assertThat(refused.status()).as("a supervisor of Sales may not listen to Support's agent: %s", refused).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            ApiClient.Answer byAdmin = admin.post("api/v1/calls/" + callId + "/supervision", "{\"mode\":\"listen\"}");
            assertThat(byAdmin.status()).as("a tenant admin configures, it does not listen in: %s", byAdmin).isEqualTo(403);
            ApiClient.Answer badMode = supervisor.post("api/v1/calls/" + callId + "/supervision", "{\"mode\":\"shout\"}");
            assertThat(badMode.status()).as(badMode.toString()).isEqualTo(422);
            assertThat(badMode.body()).contains("mode");

            List<JsonObject> supervision = stepsOf(callId, 4, "SupervisionStarted", "SupervisionModeChanged", "SupervisionEnded");
            assertThat(supervision).extracting(step -> step.getString("kind") + " " + step.getJsonObject("data").getString("mode", "-")
                    + " " + step.getJsonObject("data").getString("supervisor")).as("the supervision in the call's own steps")
                    .containsExactly("SupervisionStarted WHISPER supervisor@demo", "SupervisionModeChanged LISTEN supervisor@demo",
                            "SupervisionModeChanged BARGE supervisor@demo", "SupervisionEnded - supervisor@demo");
            JsonObject audit = admin.get("api/v1/audit?entityType=call-supervision").json();
            List<String> audited = audit.getJsonArray("items").stream().map(item -> (JsonObject) item)
                    .filter(item -> callId.equals(item.getString("entityId", null)))
                    .map(item -> item.getString("actorName") + " " + item.getString("action")).toList();
            assertThat(audited).as("every start, switch and end, by the supervisor: %s", audit)
                    .hasSize(4).allMatch(entry -> entry.startsWith("supervisor@demo "));

            assertThat(admin.delete("api/v1/calls/" + callId).status()).isEqualTo(202);
            assertThat(Sipp.await(callerPhone, 30).exit()).as("caller: %s", sipp.errorLogs()).isZero();
            assertThat(Sipp.await(agentPhone, 30).exit()).as("agent: %s", sipp.errorLogs()).isZero();

            // Support records: one file for the whole call, through bridge, room and bridge again.
            MediaCallIT.Channels recording = MediaCallIT.Channels.of(awaitCompleteRecording(callId), 2);
            assertThat(recording.formatTag()).as("µ-law, the caller's law").isEqualTo(7);
            short[] said = TonePhone.linear(recording.channel(0));
            short[] heard = TonePhone.linear(recording.channel(1));
            assertThat(windowsWith(said, CALLER_HZ, 0.5)).as("the left channel is what the caller said").isGreaterThan(10);
            assertThat(windowsWith(said, SUPERVISOR_HZ, 0.05)).as("the supervisor never in the caller's own channel").isZero();
            assertThat(windowsWith(said, AGENT_HZ, 0.05)).as("nor the agent").isZero();
            assertThat(windowsWith(heard, AGENT_HZ, 0.2)).as("the right channel is what the caller heard: its agent").isGreaterThan(10);
            assertThat(windowsWith(heard, SUPERVISOR_HZ, 0.1)).as("and the supervisor barging in, recorded through the room").isPositive();
        }
    }

    /** The call's steps of these kinds, in order, as {@code GET /calls/{id}} answers them, once there are {@code count}. */
    private static List<JsonObject> stepsOf(String callId, int count, String... kinds) {
        return await("the call's steps").atMost(Duration.ofSeconds(10)).until(() -> admin.get("api/v1/calls/" + callId).json()
                        .getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                        .filter(step -> List.of(kinds).contains(step.getString("kind"))).toList(), steps -> steps.size() >= count);
    }

    /** Half-second windows of the samples in which the tone has at least {@code share} of the energy. */
    private static long windowsWith(short[] samples, int hertz, double share) {
        int window = 4000;
        long count = 0;
        for (int start = 0; start + window <= samples.length; start += window) {
            if (TonePhone.share(java.util.Arrays.copyOfRange(samples, start, start + window), hertz) >= share) {
                count++;
            }
        }
        return count;
    }

    /** The call's recording once storage-service has it complete (the recorder finishes it after the call). */
    private static byte[] awaitCompleteRecording(String callId) {
        String file = await("the call's recording file").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection db = node.database().connect();
                 PreparedStatement query = db.prepareStatement("SELECT recording_file FROM call_record WHERE call_id = ?")) {
                query.setString(1, callId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        }, name -> name != null);
        return await("recording " + file + " complete").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> admin.sendBytes("GET", "storage/api/v1/tenants/demo/files/recordings/" + file, null, Map.of()),
                        answer -> answer.statusCode() == 200 && "true".equals(answer.headers().firstValue("X-File-Complete").orElse("")))
                .body();
    }

    /** The answering phone's scenario, its SDP naming the tone phone's socket (one folder each: the file names are the same). */
    private Path phone(TonePhone media) throws Exception {
        Path folder = java.nio.file.Files.createDirectories(sippFolder.resolve("phone-" + media.hertz));
        return Sipp.template("phone-answers-media-elsewhere.xml", Map.of("@MEDIA_PORT@", Integer.toString(media.port())), folder);
    }

    private static void supervise(String callId, String mode) {
        ApiClient.Answer asked = supervisor.post("api/v1/calls/" + callId + "/supervision", "{\"mode\":\"" + mode + "\"}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
    }

    private static void awaitHearing(String what, ThrowingRunnable check) {
        await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(check);
    }

    /** A fresh window of {@link #WINDOW} frames on each phone. */
    private static void window(TonePhone... phones) {
        for (TonePhone phone : phones) {
            phone.forget();
        }
        await("two seconds of audio").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> java.util.Arrays.stream(phones).allMatch(phone -> phone.framesHeard() >= WINDOW));
    }

    private static String awaitAnsweredCall() {
        return await("the call answered").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Connection db = node.database().connect();
                 PreparedStatement query = db.prepareStatement("SELECT call_id FROM call_record WHERE answered_at IS NOT NULL"
                         + " AND outcome IS NULL ORDER BY id DESC LIMIT 1");
                 ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }, callId -> callId != null);
    }
}
