package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call path through real SIP: SIPp as the trunk's caller and as agent phones, a real node, the
 * agent state API, and the call records in the real database.
 */
class CallPathIT {

    private static final int PORT_OFFSET = 600;
    private static final String HOTLINE = "+4930500100";
    /** Small on purpose: one test fills the node; the others never hold more than two calls. */
    private static final int MAX_CALLS = 2;

    @TempDir
    static Path homeFolder;

    @TempDir
    Path sippFolder;

    private static DemoNode node;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startNode() {
        node = TestNodes.startNode(homeFolder, PORT_OFFSET, java.util.Map.of("verbund.telephony.max-calls", Integer.toString(MAX_CALLS)));
    }

    @AfterAll
    static void stopNode() {
        TestNodes.stopNode(node);
    }

    @AfterEach
    void logEveryoneOut() throws Exception {
        Sipp.stopAll();
        for (int extension = 1001; extension <= 1005; extension++) {
            setState(extension, "LOGGED_OUT");
        }
    }

    @Test
    void aReadyRegisteredAgentGetsTheCallAndTheCallIsRecordedAsAnswered() throws Exception {
        Sipp sipp = sipp();
        register(sipp, 1001, 5671);
        Process phone = sipp.start("agent-answer.xml", 5671, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        setState(1001, "READY");

        Sipp.Result caller = sipp.run("caller.xml", 5690, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as("caller: %s%n%s", caller.command(), sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
        List<String> record = awaitRecord("ANSWERED");
        assertThat(record).containsExactly("ANSWERED", "1001", HOTLINE);
        assertThat(TestNodes.eventsOfLastCall(node)).containsSubsequence("CallReceived", "CallQueued", "CallOffered", "CallAnswered", "CallEnded");
        assertThat(stateOf(1001)).contains("\"READY\"");
    }

    @Test
    void aCallerWaitsInTheQueueUntilAnAgentGoesReady() throws Exception {
        Sipp sipp = sipp();
        register(sipp, 1002, 5672);
        Process phone = sipp.start("agent-answer.xml", 5672, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        Process caller = sipp.start("caller.xml", 5691, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));
        Thread.sleep(2000);
        assertThat(caller.isAlive()).as("caller still waiting with no agent ready").isTrue();

        setState(1002, "READY");

        assertThat(Sipp.await(caller, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(awaitRecord("ANSWERED")).contains("1002");
    }

    @Test
    void aCallerWhoHangsUpWhileQueuedIsRecordedAsAbandoned() throws Exception {
        Sipp sipp = sipp();

        Sipp.Result caller = sipp.run("caller-abandons.xml", 5692, List.of("-s", HOTLINE, "-m", "1", "-d", "1000", "-timeout", "30s"));

        assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
        assertThat(awaitRecord("ABANDONED")).first().isEqualTo("ABANDONED");
        assertThat(TestNodes.eventsOfLastCall(node)).containsSubsequence("CallReceived", "CallQueued", "CallAbandoned");
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentsPhoneRingsIsAbandonedAndTheAgentIsFreeAgain() throws Exception {
        Sipp sipp = sipp();
        register(sipp, 1003, 5716);
        Process ringing = sipp.start("agent-no-answer.xml", 5716, List.of("-m", "1", "-timeout", "60s"));
        setState(1003, "READY");

        // Hangs up 1.5 s after its 180, well inside the group's 15 s ring time.
        Sipp.Result caller = sipp.run("caller-abandons.xml", 5707, List.of("-s", HOTLINE, "-m", "1", "-d", "1500", "-timeout", "30s"));

        assertThat(caller.exit()).as("CANCEL answered with 487: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(ringing, 30).exit()).as("the agent's phone got CANCEL: %s", sipp.errorLogs()).isZero();
        assertThat(awaitRecord("ABANDONED")).first().isEqualTo("ABANDONED");
        assertThat(TestNodes.eventsOfLastCall(node)).containsSubsequence("CallQueued", "CallOffered", "OfferWithdrawn", "CallAbandoned");
        assertThat(stateOf(1003)).as("an abandoned offer is no no-answer").contains("\"READY\"");
    }

    @Test
    void anUnknownNumberGets404() throws Exception {
        Sipp sipp = sipp();

        Sipp.Result caller = sipp.run("caller-unknown-number.xml", 5693, List.of("-s", "+4999999999", "-m", "1", "-timeout", "30s"));

        assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
    }

    @Test
    void aReadyAgentWhosePhoneIsNotRegisteredIsSkipped() throws Exception {
        Sipp sipp = sipp();
        setState(1003, "READY");
        Thread.sleep(50);
        register(sipp, 1004, 5674);
        Process phone = sipp.start("agent-answer.xml", 5674, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        setState(1004, "READY");

        Sipp.Result caller = sipp.run("caller.xml", 5694, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).isZero();
        assertThat(awaitRecord("ANSWERED")).contains("1004");
    }

    @Test
    void anAgentWhoDoesNotAnswerIsPausedAndTheCallerGoesToTheNextAgentKeepingItsPlace() throws Exception {
        // ACME's Service group (2001, 2002) is used by no other test: ring 2 s, pause after 1 no-answer.
        configureAcmeService(2, 1);
        Sipp sipp = sipp();
        register(sipp, 2001, "acme-2001", 5675);
        register(sipp, 2002, "acme-2002", 5676);
        Process silent = sipp.start("agent-no-answer.xml", 5675, List.of("-m", "1", "-timeout", "60s"));
        Process answering = sipp.start("agent-answer.xml", 5676, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        setState("acme", 2001, "READY");
        Thread.sleep(50);
        setState("acme", 2002, "READY");

        Sipp.Result caller = sipp.run("caller.xml", 5695, List.of("-s", "+4940700100", "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(silent, 30).exit()).as("the silent phone was cancelled: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(answering, 30).exit()).isZero();
        assertThat(awaitRecord("ANSWERED")).contains("2002");
        assertThat(TestNodes.eventsOfLastCall(node)).containsSubsequence("CallOffered", "OfferNotTaken", "CallOffered", "CallAnswered");
        assertThat(stateOf("acme", 2001)).contains("\"PAUSED\"").contains("NO_ANSWER");
        setState("acme", 2001, "LOGGED_OUT");
        setState("acme", 2002, "LOGGED_OUT");
    }

    @Test
    void aBusyAgentIsSkippedAndTheNextOneGetsTheCall() throws Exception {
        Sipp sipp = sipp();
        register(sipp, 1005, 5677);
        Process busy = sipp.start("agent-busy.xml", 5677, List.of("-m", "1", "-timeout", "60s"));
        setState(1005, "READY");
        Thread.sleep(50);
        register(sipp, 1001, 5678);
        Process answering = sipp.start("agent-answer.xml", 5678, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        setState(1001, "READY");

        Sipp.Result caller = sipp.run("caller.xml", 5696, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(busy, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(answering, 30).exit()).isZero();
        assertThat(awaitRecord("ANSWERED")).contains("1001");
        assertThat(stateOf(1005)).as("busy is no no-answer: the agent stays ready").contains("\"READY\"");
    }

    @Test
    void aCallerWithHigherPriorityIsServedBeforeOneWhoWaitedLonger() throws Exception {
        String vip = numberQueueingWithPriority("+4930500190", 5);
        long before = lastRecordId();
        Sipp sipp = sipp();
        register(sipp, 1003, 5711);
        Process phone = sipp.start("agent-answer.xml", 5711, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        // Waits longer but with priority 0: it must still be waiting when it hangs up after 6 s.
        Process waitingLonger = sipp.start("caller-abandons.xml", 5701, List.of("-s", HOTLINE, "-m", "1", "-d", "6000", "-timeout", "60s"));
        Thread.sleep(700);
        Process important = sipp.start("caller.xml", 5702, List.of("-s", vip, "-m", "1", "-timeout", "60s"));
        Thread.sleep(1000);

        setState(1003, "READY");

        assertThat(Sipp.await(important, 30).exit()).as("the priority-5 caller was connected: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(waitingLonger, 30).exit()).as("the priority-0 caller was never offered: %s", sipp.errorLogs()).isZero();
        assertThat(awaitRecordsAfter(before, 2)).containsExactlyInAnyOrder(HOTLINE + " ABANDONED", vip + " ANSWERED 1003");
    }

    @Test
    void ofTwoCallersWithTheSamePriorityTheOneWaitingLongerIsServedFirst() throws Exception {
        long before = lastRecordId();
        Sipp sipp = sipp();
        register(sipp, 1004, 5712);
        Process phone = sipp.start("agent-answer.xml", 5712, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        Process first = sipp.start("caller.xml", 5703, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));
        Thread.sleep(700);
        // Came second: it must still be waiting when it hangs up after 6 s.
        Process second = sipp.start("caller-abandons.xml", 5704, List.of("-s", HOTLINE, "-m", "1", "-d", "6000", "-timeout", "60s"));
        // The first caller hears the welcome prompt before it is queued; the second has no media and is queued at once.
        awaitQueuedAfter(before, 2);

        setState(1004, "READY");

        assertThat(Sipp.await(first, 30).exit()).as("the first caller was connected: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(second, 30).exit()).as("the second caller was never offered: %s", sipp.errorLogs()).isZero();
        assertThat(awaitRecordsAfter(before, 2)).containsExactly(HOTLINE + " ANSWERED 1004", HOTLINE + " ABANDONED");
    }

    @Test
    void aRingAllGroupRingsEveryFreeAgentAndTheFirstToAnswerGetsTheCall() throws Exception {
        String number = ringAllGroupOf("+4930500180", 1001, 1002);
        Sipp sipp = sipp();
        register(sipp, 1001, 5714);
        register(sipp, 1002, 5715);
        Process answering = sipp.start("agent-answer.xml", 5714, List.of("-m", "1", "-d", "500", "-timeout", "60s"));
        Process ringingOnly = sipp.start("agent-no-answer.xml", 5715, List.of("-m", "1", "-timeout", "60s"));
        setState(1001, "READY");
        setState(1002, "READY");

        Sipp.Result caller = sipp.run("caller.xml", 5706, List.of("-s", number, "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(answering, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(ringingOnly, 30).exit()).as("the other phone rang and was cancelled: %s", sipp.errorLogs()).isZero();
        assertThat(awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1001", number);
        List<String> events = TestNodes.eventsOfLastCall(node);
        assertThat(events.stream().filter("CallOffered"::equals)).as("both phones offered: %s", events).hasSize(2);
        assertThat(events).containsSubsequence("CallOffered", "CallOffered", "OfferWithdrawn", "CallAnswered");
        assertThat(stateOf(1002)).as("losing a ring-all race is no no-answer").contains("\"READY\"");
    }

    @Test
    void aMemberBelowTheGroupsSkillMinimumNeverGetsItsCallAndTheDecisionRecordSaysWhy() throws Exception {
        ApiClient admin = ApiClient.as(URI.create(node.portalUrl()), "admin@demo", "demo-admin");
        long sales = admin.get("api/v1/groups?q=Sales").json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        // 1001 has no "sales" skill; the demo's Sales group requires sales >= 1.
        ApiClient.Answer joined = admin.put("api/v1/groups/" + sales + "/members/1001", "{\"penalty\":0}");
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        String number = numberQueueingTo("+4930500291", "Sales direct", "{\"group\":\"Sales\"}");
        Sipp sipp = sipp();
        register(sipp, 1001, 5681);
        register(sipp, 1006, 5682);
        Process skilled = sipp.start("agent-answer.xml", 5682, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        try {
            setState(1001, "READY");
            long before = lastRecordId();
            Process caller = sipp.start("caller.xml", 5695, List.of("-s", number, "-m", "1", "-timeout", "60s"));
            awaitQueuedAfter(before, 1);

            // 1001 is ready, registered, a member and the longest idle, but below the minimum: the caller waits.
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> caller.isAlive() && stateOf(1001).contains("\"READY\""));
            setState(1006, "READY");

            assertThat(Sipp.await(caller, 30).exit()).as(sipp.errorLogs()).isZero();
            assertThat(Sipp.await(skilled, 30).exit()).as(sipp.errorLogs()).isZero();
            assertThat(awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1006", number);
            String callId;
            try (Connection db = node.database().connect();
                 PreparedStatement query = db.prepareStatement("SELECT call_id FROM call_record ORDER BY id DESC LIMIT 1");
                 ResultSet row = query.executeQuery()) {
                row.next();
                callId = row.getString(1);
            }
            ApiClient.Answer decisions = admin.get("api/v1/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8) + "/decisions");
            assertThat(decisions.status()).as(decisions.toString()).isEqualTo(200);
            JsonArray list = Json.createReader(new StringReader(decisions.body())).readArray();
            JsonObject decision = list.getJsonObject(list.size() - 1).getJsonObject("decision");
            assertThat(decision.getString("strategy")).isEqualTo("SKILLS_BASED");
            assertThat(decision.getJsonArray("chosen").getString(0)).isEqualTo("1006");
            assertThat(decision.getJsonArray("considered").stream().map(JsonValue::asJsonObject)
                    .filter(agent -> agent.getString("agent").equals("1001")).findFirst().orElseThrow().getString("excluded"))
                    .isEqualTo("BELOW_SKILL_MINIMUM");
        } finally {
            setState(1006, "LOGGED_OUT");
            admin.delete("api/v1/groups/" + sales + "/members/1001");
        }
    }

    @Test
    void aCallerIsOfferedToTheAgentItLastTalkedToBeforeTheGroupsBestMatch() throws Exception {
        ApiClient admin = ApiClient.as(URI.create(node.portalUrl()), "admin@demo", "demo-admin");
        JsonObject sales = admin.get("api/v1/groups?q=Sales").json().getJsonArray("items").getJsonObject(0);
        String salesPath = "api/v1/groups/" + sales.getJsonNumber("id").longValue();
        ApiClient.Answer preferring = admin.put(salesPath, Json.createObjectBuilder(sales).add("lastAgentDays", 1).add("lastAgentSeconds", 30)
                .build().toString());
        assertThat(preferring.status()).as(preferring.toString()).isEqualTo(200);
        String number = numberQueueingTo("+4930500292", "Sales again", "{\"group\":\"Sales\"}");
        Sipp sipp = sipp();
        register(sipp, 1006, 5683);
        register(sipp, 1010, 5684);
        Process last = sipp.start("agent-answer.xml", 5683, List.of("-m", "2", "-d", "200", "-timeout", "60s"));
        Process best = sipp.start("agent-answer.xml", 5684, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        try {
            setState(1006, "READY");
            assertThat(sipp.run("caller.xml", 5696, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();
            assertThat(awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1006", number);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(1006).contains("\"READY\""));
            setState(1010, "READY");

            // Skills-based would pick 1010 (sales 5) over 1006 (sales 1): the caller's last agent comes first.
            assertThat(sipp.run("caller.xml", 5697, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();

            assertThat(awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1006", number);
            assertThat(Sipp.await(last, 30).exit()).as(sipp.errorLogs()).isZero();
            assertThat(best.isAlive()).as("1010's phone never rang").isTrue();
        } finally {
            best.destroy();
            setState(1006, "LOGGED_OUT");
            setState(1010, "LOGGED_OUT");
            JsonObject now = admin.get(salesPath).json();
            admin.put(salesPath, Json.createObjectBuilder(now).addNull("lastAgentDays").build().toString());
        }
    }

    @Test
    void aReInviteOfAConnectedCallIsAnsweredByTheNodesAnchoredMedia() throws Exception {
        Sipp sipp = sipp();
        register(sipp, 1005, 5713);
        Process phone = sipp.start("agent-answer.xml", 5713, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        setState(1005, "READY");

        Sipp.Result caller = sipp.run("caller-reinvite.xml", 5705, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as("re-INVITE answered with o=verbund: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(awaitRecord("ANSWERED")).contains("1005");
    }

    @Test
    void aNodeHoldingItsLimitOfCallsShedsTheNextWith503AndRetryAfter() throws Exception {
        Sipp sipp = sipp();
        List<Process> waiting = new ArrayList<>();
        for (int i = 0; i < MAX_CALLS; i++) {
            waiting.add(sipp.start("caller-abandons.xml", 5680 + i, List.of("-s", HOTLINE, "-m", "1", "-d", "4000", "-timeout", "30s")));
        }
        List<Integer> waitingExits = new ArrayList<>();
        Sipp.Result shed;
        try {
            Thread.sleep(1500);

            shed = sipp.run("caller-node-full.xml", 5689, List.of("-s", HOTLINE, "-m", "1", "-timeout", "30s"));
        } finally {
            // The node must be below its limit again before the next test, whatever happened here.
            for (Process caller : waiting) {
                waitingExits.add(Sipp.await(caller, 30).exit());
            }
        }

        assertThat(shed.exit()).as("503 with Retry-After: %s", sipp.errorLogs()).isZero();
        assertThat(waitingExits).as("the waiting callers were unaffected: %s", sipp.errorLogs()).containsOnly(0);
    }

    @Test
    void aTenantOverItsChannelLimitGets486() throws Exception {
        // A number of its own, so no cached look-up of ACME's Hotline hides the limit.
        try (Connection db = node.database().connect()) {
            db.createStatement().executeUpdate("INSERT INTO service_number (tenant_id, number, call_flow_id, label)"
                    + " SELECT s.tenant_id, '+4940700199', s.call_flow_id, 'limit test' FROM service_number s"
                    + " WHERE s.number = '+4940700100'");
            db.createStatement().executeUpdate("UPDATE tenant SET max_channels = 0 WHERE tenant_key = 'acme'");
        }
        try {
            Sipp.Result caller = sipp().run("caller-tenant-busy.xml", 5699, List.of("-s", "+4940700199", "-m", "1", "-timeout", "30s"));

            assertThat(caller.exit()).as(sipp().errorLogs()).isZero();
        } finally {
            try (Connection db = node.database().connect()) {
                db.createStatement().executeUpdate("UPDATE tenant SET max_channels = NULL WHERE tenant_key = 'acme'");
            }
        }
    }

    @Test
    void aMalformedInviteGets400NamingTheProblemAndTheNodeKeepsAnswering() throws Exception {
        String malformed = "INVITE sip:" + HOTLINE + "@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5697;branch=z9hG4bK-malformed\r\n"
                + "From: <sip:x@127.0.0.1>;tag=1\r\nTo: <sip:" + HOTLINE + "@127.0.0.1>\r\n"
                + "Call-ID: malformed-1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: abc\r\n\r\n";

        String noCallId = "INVITE sip:" + HOTLINE + "@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5697;branch=z9hG4bK-no-call-id\r\n"
                + "From: <sip:x@127.0.0.1>;tag=3\r\nTo: <sip:" + HOTLINE + "@127.0.0.1>\r\n"
                + "CSeq: 1 INVITE\r\nContact: <sip:x@127.0.0.1:5697>\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        // A branch of its own: with the no-Call-ID request's branch it could be taken for a retransmission.
        String noContact = noCallId.replace("Contact: <sip:x@127.0.0.1:5697>\r\n", "Call-ID: no-contact-1\r\n")
                .replace("branch=z9hG4bK-no-call-id", "branch=z9hG4bK-no-contact");
        int callsBefore = callRecordCount();

        String answer = exchange(malformed, 5697);
        String noCallIdAnswer = exchange(noCallId, 5697);
        String noContactAnswer = exchange(noContact, 5697);

        assertThat(answer).startsWith("SIP/2.0 400").contains("Content-Length");
        assertThat(noCallIdAnswer).startsWith("SIP/2.0 400").contains("missing Call-ID header");
        assertThat(noContactAnswer).startsWith("SIP/2.0 400").contains("Contact");
        assertThat(callRecordCount()).as("a malformed request changes nothing").isEqualTo(callsBefore);
        String options = "OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5697;branch=z9hG4bK-opt\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=2\r\nTo: <sip:127.0.0.1>\r\nCall-ID: options-1\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        assertThat(exchange(options, 5697)).as("OPTIONS, as a distributor's health probe sends it").startsWith("SIP/2.0 200");
        Sipp.Result next = sipp().run("caller-unknown-number.xml", 5698, List.of("-s", "+4999999999", "-m", "1", "-timeout", "30s"));
        assertThat(next.exit()).isZero();
    }

    /** Sends one UDP datagram to the node's SIP port and returns the first answer. */
    private static String exchange(String message, int localPort) throws Exception {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(localPort, java.net.InetAddress.getByName("127.0.0.1"))) {
            socket.setSoTimeout(5000);
            byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
            socket.send(new java.net.DatagramPacket(bytes, bytes.length, java.net.InetAddress.getByName("127.0.0.1"), node.ports().sip()));
            java.net.DatagramPacket answer = new java.net.DatagramPacket(new byte[8192], 8192);
            socket.receive(answer);
            return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
        }
    }

    private static void configureAcmeService(int ringSeconds, int maxNoAnswer) throws SQLException {
        try (Connection db = node.database().connect(); PreparedStatement update = db.prepareStatement(
                "UPDATE acd_group SET ring_time_seconds = ?, max_consecutive_no_answer = ?, redial_delay_seconds = 0"
                        + " WHERE name = 'Service'")) {
            update.setInt(1, ringSeconds);
            update.setInt(2, maxNoAnswer);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private Sipp sipp() {
        return new Sipp(node.ports().sip(), sippFolder);
    }

    private static void register(Sipp sipp, int extension, int port) throws Exception {
        register(sipp, extension, "demo-" + extension, port);
    }

    private static void register(Sipp sipp, int extension, String password, int port) throws Exception {
        Sipp.Result registered = sipp.run("agent-register.xml", port, List.of("-s", Integer.toString(extension),
                "-au", Integer.toString(extension), "-ap", password, "-m", "1", "-timeout", "20s"));
        assertThat(registered.exit()).as("REGISTER of %d: %s", extension, sipp.errorLogs()).isZero();
    }

    private void setState(int extension, String state) throws Exception {
        setState("demo", extension, state);
    }

    private void setState(String tenant, int extension, String state) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(agentStateUri(extension))
                .header("Authorization", basic("admin@" + tenant, tenant + "-admin"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"" + state + "\"}")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("PUT state %s of %d: %s", state, extension, response.body()).isIn(200, 409);
    }

    private String stateOf(int extension) throws Exception {
        return stateOf("demo", extension);
    }

    private String stateOf(String tenant, int extension) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(agentStateUri(extension))
                .header("Authorization", basic("admin@" + tenant, tenant + "-admin")).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI agentStateUri(int extension) {
        return URI.create("http://127.0.0.1:" + node.ports().http() + "/api/v1/agents/" + extension + "/state");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A service number of the demo tenant whose call flow queues to Support with the given priority. */
    private static String numberQueueingWithPriority(String number, int priority) throws SQLException {
        return numberQueueingTo(number, "Priority " + priority, "{\"group\":\"Support\",\"priority\":" + priority + "}");
    }

    /** A service number of the demo tenant queueing to a new ring-all group with these agents. */
    private static String ringAllGroupOf(String number, int... extensions) throws SQLException {
        try (Connection db = node.database().connect()) {
            long tenant = single(db, "SELECT id FROM tenant WHERE tenant_key = 'demo'");
            long group = insert(db, "INSERT INTO acd_group (tenant_id, name, strategy, wrap_up_seconds) VALUES (" + tenant + ", 'Ring all', 'RING_ALL', 0)");
            for (int extension : extensions) {
                insert(db, "INSERT INTO group_membership (tenant_id, group_id, agent_id) SELECT " + tenant + ", " + group
                        + ", id FROM agent WHERE tenant_id = " + tenant + " AND extension = '" + extension + "'");
            }
        }
        return numberQueueingTo(number, "Ring all", "{\"group\":\"Ring all\"}");
    }

    /** A new service number of the demo tenant with a call flow of one queue node with these parameters. */
    private static String numberQueueingTo(String number, String flowName, String queueParameters) throws SQLException {
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

    private static long insert(Connection db, String sql) throws SQLException {
        try (java.sql.Statement statement = db.createStatement()) {
            statement.executeUpdate(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
            try (ResultSet key = statement.getGeneratedKeys()) {
                return key.next() ? key.getLong(1) : 0;
            }
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long lastRecordId() throws SQLException {
        try (Connection db = node.database().connect()) {
            return single(db, "SELECT COALESCE(MAX(id), 0) FROM call_record");
        }
    }

    private static int callRecordCount() throws SQLException {
        try (Connection db = node.database().connect()) {
            return (int) single(db, "SELECT COUNT(*) FROM call_record");
        }
    }

    /** The call records after {@code afterId}, in the order calls arrived, once {@code count} have an outcome. */
    /** Waits until {@code count} calls received after {@code afterId} are in the queue. */
    private static void awaitQueuedAfter(long afterId, int count) throws Exception {
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

    private static List<String> awaitRecordsAfter(long afterId, int count) throws Exception {
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
    private static List<String> awaitRecord(String outcome) throws Exception {
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

}
