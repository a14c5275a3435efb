package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who gets a call, through real SIP on one demo node: each strategy's choice, skill minimums and
 * steps, priority and one order across groups (with weights), the last-agent preference, and the
 * decision record each offer leaves at {@code GET /calls/{id}/decisions}. Groups are made through the
 * API as an admin would; each test has agents of its own where today's calls and talk time matter.
 */
class RoutingIT {

    @TempDir
    Path sippFolder;

    private static DemoNode node;
    private DemoCalls calls;

    @BeforeAll
    static void startNode() {
        node = TestNodes.demoNode();
    }

    @BeforeEach
    void calls() {
        calls = new DemoCalls(node, sippFolder);
    }

    @AfterEach
    void logEveryoneOut() throws Exception {
        Sipp.stopAll();
        for (int extension = 1001; extension <= 1010; extension++) {
            calls.setState(extension, "LOGGED_OUT");
        }
    }

    @Test
    void longestIdleOffersTheAgentReadyLongestAndTheDecisionNamesTheOthers() throws Exception {
        String number = queueOf(group("Idle order", "LONGEST_IDLE", 1001, 1002, 1003), "+4930500901");
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1001, 5901);
        calls.register(sipp, 1002, 5902);
        Process longest = sipp.start("agent-answer.xml", 5902, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1002, "READY");
        calls.setState(1001, "READY");

        assertThat(sipp.run("caller.xml", 5951, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();

        assertThat(Sipp.await(longest, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1002", number);
        JsonObject decision = lastDecision();
        assertThat(decision.getString("strategy")).isEqualTo("LONGEST_IDLE");
        assertThat(decision.getJsonArray("chosen").getString(0)).isEqualTo("1002");
        assertThat(considered(decision, "1001").getString("excluded")).isEqualTo("RANKED_LOWER");
        assertThat(considered(decision, "1001").getString("detail")).startsWith("longest idle: 1001 free for");
        assertThat(considered(decision, "1003").getString("excluded")).isEqualTo("LOGGED_OUT");
    }

    @Test
    void linearOffersTheFirstMemberInTheGroupsOrderWhoeverWaitedLonger() throws Exception {
        String number = queueOf(group("Linear order", "LINEAR", 1002, 1001), "+4930500902");
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1001, 5903);
        calls.register(sipp, 1002, 5904);
        Process first = sipp.start("agent-answer.xml", 5904, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1001, "READY");
        calls.setState(1002, "READY");

        assertThat(sipp.run("caller.xml", 5952, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();

        assertThat(Sipp.await(first, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1002", number);
        assertThat(lastDecision().getString("strategy")).isEqualTo("LINEAR");
    }

    @Test
    void roundRobinGoesOnFromTheMemberLastOfferedAndTheGroupsFairnessCountsEveryMember() throws Exception {
        long group = group("Rotation", "ROUND_ROBIN", 1003, 1001, 1002);
        String number = queueOf(group, "+4930500903");
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1001, 5905);
        calls.register(sipp, 1002, 5906);
        calls.register(sipp, 1003, 5907);
        Process top = sipp.start("agent-answer.xml", 5907, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        Process next = sipp.start("agent-answer.xml", 5905, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        // 1002 is ready longest: round robin must not care.
        calls.setState(1002, "READY");
        calls.setState(1001, "READY");
        calls.setState(1003, "READY");

        assertThat(sipp.run("caller.xml", 5953, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1003", number);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.stateOf(1003).contains("\"READY\""));
        assertThat(sipp.run("caller.xml", 5954, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();

        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1001", number);
        assertThat(Sipp.await(top, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(next, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(considered(lastDecision(), "1001").getString("detail")).contains("follows 1003");

        // Read from the real-time replica (here the same database); 1002 was offered nothing.
        JsonObject fairness = calls.admin().get("api/v1/groups/" + group + "/fairness").json().getJsonObject("fairness");
        assertThat(fairness.getInt("offers")).isEqualTo(2);
        assertThat(fairness.getJsonArray("members").stream().map(JsonValue::asJsonObject)
                .map(member -> member.getString("extension") + ":" + member.getInt("offers"))).containsExactly("1003:1", "1001:1", "1002:0");
        assertThat(fairness.getJsonObject("offersPerAgent").getJsonNumber("max").doubleValue()).isEqualTo(1.0);
        assertThat(fairness.getJsonObject("idleAtOfferSeconds").getJsonNumber("max").doubleValue())
                .as("1001 had been free since before the first call").isPositive();
        ApiClient.Answer badFrom = calls.admin().get("api/v1/groups/" + group + "/fairness?from=yesterday");
        assertThat(badFrom.status()).as(badFrom.toString()).isEqualTo(422);
        assertThat(badFrom.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("from");
    }

    @Test
    void randomOffersOneOfTheFreeMembersAndSaysSo() throws Exception {
        String number = queueOf(group("Lottery", "RANDOM", 1001, 1002), "+4930500904");
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1001, 5908);
        calls.register(sipp, 1002, 5909);
        Process one = sipp.start("agent-answer.xml", 5908, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        Process other = sipp.start("agent-answer.xml", 5909, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1001, "READY");
        calls.setState(1002, "READY");

        assertThat(sipp.run("caller.xml", 5955, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();

        List<String> record = calls.awaitRecord("ANSWERED");
        assertThat(record.get(1)).isIn("1001", "1002");
        JsonObject decision = lastDecision();
        assertThat(decision.getString("strategy")).isEqualTo("RANDOM");
        assertThat(decision.getJsonArray("chosen").getString(0)).isEqualTo(record.get(1));
        assertThat(decision.getInt("eligible")).isEqualTo(2);
        boolean first = record.get(1).equals("1001");
        assertThat(Sipp.await(first ? one : other, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat((first ? other : one).isAlive()).as("the other phone never rang").isTrue();
    }

    @Test
    void fewestCallsOffersTheAgentWithFewerCallsTodayOverTheOneIdleLonger() throws Exception {
        long group = group("Fewest", "LINEAR", 1004, 1005);
        String number = queueOf(group, "+4930500905");
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1004, 5910);
        calls.register(sipp, 1005, 5911);
        Process busier = sipp.start("agent-answer.xml", 5910, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        Process fewer = sipp.start("agent-answer.xml", 5911, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1004, "READY");
        assertThat(sipp.run("caller.xml", 5956, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1004", number);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.stateOf(1004).contains("\"READY\""));
        // 1004: first in the list, idle longer, one call today; 1005: none.
        calls.setState(1005, "READY");
        changeGroup(group, document -> Json.createObjectBuilder(document).add("strategy", "FEWEST_CALLS").build());

        assertThat(sipp.run("caller.xml", 5957, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();

        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1005", number);
        assertThat(Sipp.await(busier, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(fewer, 30).exit()).as(sipp.errorLogs()).isZero();
        JsonObject decision = lastDecision();
        assertThat(decision.getString("strategy")).isEqualTo("FEWEST_CALLS");
        assertThat(considered(decision, "1004").getString("detail")).as(decision.toString()).contains("1");
    }

    @Test
    void leastTalkTimeOffersTheAgentWhoTalkedLessTodayOverTheOneIdleLonger() throws Exception {
        long group = group("Least talk", "LINEAR", 1008, 1009);
        String number = queueOf(group, "+4930500906");
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1008, 5912);
        calls.register(sipp, 1009, 5913);
        Process talkative = sipp.start("agent-answer.xml", 5913, List.of("-m", "1", "-d", "100", "-timeout", "60s"));
        Process brief = sipp.start("agent-answer.xml", 5912, List.of("-m", "2", "-d", "100", "-timeout", "60s"));
        calls.setState(1009, "READY");
        assertThat(sipp.run("caller.xml", 5958, List.of("-s", number, "-m", "1", "-d", "3000", "-timeout", "60s")).exit())
                .as(sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1009", number);
        calls.setState(1008, "READY");
        assertThat(sipp.run("caller.xml", 5959, List.of("-s", number, "-m", "1", "-d", "200", "-timeout", "60s")).exit())
                .as(sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1008", number);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.stateOf(1008).contains("\"READY\""));
        // One call each today; 1009 talked 3 s and is idle longer, 1008 talked 0.2 s.
        changeGroup(group, document -> Json.createObjectBuilder(document).add("strategy", "LEAST_TALK_TIME").build());

        assertThat(sipp.run("caller.xml", 5960, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();

        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1008", number);
        assertThat(Sipp.await(brief, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(talkative, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(lastDecision().getString("strategy")).isEqualTo("LEAST_TALK_TIME");
    }

    @Test
    void aSkillStepWidensToASecondSkillOnlyAfterItsExpiry() throws Exception {
        ApiClient admin = calls.admin();
        ApiClient.Answer english = admin.post("api/v1/skills", "{\"name\":\"english\"}");
        assertThat(english.status()).as(english.toString()).isEqualTo(201);
        giveSkill(1007, "english", 2);
        long group = group("Steps", "SKILLS_BASED", 1007, 1009);
        // First 3 s: sales >= 5 (neither has it); then english >= 2 (1007 has, 1009 has not).
        changeGroup(group, document -> Json.createObjectBuilder(document).add("skillSteps", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("conditions", Json.createArrayBuilder().add(skill("sales", 5))).add("durationSeconds", 3))
                .add(Json.createObjectBuilder().add("conditions", Json.createArrayBuilder().add(skill("english", 2))))).build());
        String number = queueOf(group, "+4930500907");
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1007, 5914);
        calls.register(sipp, 1009, 5915);
        Process english2 = sipp.start("agent-answer.xml", 5914, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1007, "READY");
        calls.setState(1009, "READY");
        long before = calls.lastRecordId();

        Process caller = sipp.start("caller.xml", 5961, List.of("-s", number, "-m", "1", "-timeout", "60s"));

        calls.awaitQueuedAfter(before, 1);
        assertThat(Sipp.await(caller, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(english2, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1007", number);
        // Within the first step it would be offered at once (1007 was ready before the call came).
        assertThat(Double.parseDouble(calls.rows("SELECT TIMESTAMPDIFF(MICROSECOND, queued_at, offered_at) / 1000 FROM call_record"
                + " WHERE id > ?", before).get(0))).as("offered only once the 3 s step expired (ms after queueing)").isGreaterThan(2500);
        JsonObject decision = lastDecision();
        assertThat(decision.getJsonArray("chosen").getString(0)).isEqualTo("1007");
        assertThat(considered(decision, "1009").getString("excluded")).isIn("BELOW_SKILL_MINIMUM", "STEP_NOT_REACHED");
        assertThat(considered(decision, "1009").getString("detail")).contains("english");
    }

    @Test
    void aMemberBelowTheGroupsSkillMinimumNeverGetsItsCallAndTheDecisionRecordSaysWhy() throws Exception {
        ApiClient admin = calls.admin();
        long sales = admin.get("api/v1/groups?q=Sales").json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        // 1001 has no "sales" skill; the demo's Sales group requires sales >= 1.
        ApiClient.Answer joined = admin.put("api/v1/groups/" + sales + "/members/1001", "{\"penalty\":0}");
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        String number = calls.numberQueueingTo("+4930500291", "Sales direct", "{\"group\":\"Sales\"}");
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1001, 5916);
        calls.register(sipp, 1006, 5917);
        Process skilled = sipp.start("agent-answer.xml", 5917, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        try {
            calls.setState(1001, "READY");
            long before = calls.lastRecordId();
            Process caller = sipp.start("caller.xml", 5962, List.of("-s", number, "-m", "1", "-timeout", "60s"));
            calls.awaitQueuedAfter(before, 1);

            // 1001 is ready, registered, a member and the longest idle, but below the minimum: the caller waits.
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> caller.isAlive() && calls.stateOf(1001).contains("\"READY\""));
            calls.setState(1006, "READY");

            assertThat(Sipp.await(caller, 30).exit()).as(sipp.errorLogs()).isZero();
            assertThat(Sipp.await(skilled, 30).exit()).as(sipp.errorLogs()).isZero();
            assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1006", number);
            JsonObject decision = lastDecision();
            assertThat(decision.getString("strategy")).isEqualTo("SKILLS_BASED");
            assertThat(decision.getJsonArray("chosen").getString(0)).isEqualTo("1006");
            assertThat(considered(decision, "1001").getString("excluded")).isEqualTo("BELOW_SKILL_MINIMUM");
        } finally {
            admin.delete("api/v1/groups/" + sales + "/members/1001");
        }
    }

    @Test
    void skillsBasedOffersTheBestMatchUnlessTheCallersLastAgentIsFree() throws Exception {
        ApiClient admin = calls.admin();
        JsonObject sales = admin.get("api/v1/groups?q=Sales").json().getJsonArray("items").getJsonObject(0);
        String salesPath = "api/v1/groups/" + sales.getJsonNumber("id").longValue();
        String number = calls.numberQueueingTo("+4930500292", "Sales again", "{\"group\":\"Sales\"}");
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1006, 5918);
        calls.register(sipp, 1010, 5919);
        Process last = sipp.start("agent-answer.xml", 5918, List.of("-m", "2", "-d", "200", "-timeout", "60s"));
        Process best = sipp.start("agent-answer.xml", 5919, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        try {
            // Sales 5 over sales 1, however long 1006 is idle.
            calls.setState(1006, "READY");
            calls.setState(1010, "READY");
            assertThat(sipp.run("caller.xml", 5963, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();
            assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1010", number);
            calls.setState(1010, "LOGGED_OUT");
            assertThat(sipp.run("caller.xml", 5964, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();
            assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1006", number);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.stateOf(1006).contains("\"READY\""));
            ApiClient.Answer preferring = admin.put(salesPath, Json.createObjectBuilder(admin.get(salesPath).json())
                    .add("lastAgentDays", 1).add("lastAgentSeconds", 30).build().toString());
            assertThat(preferring.status()).as(preferring.toString()).isEqualTo(200);
            calls.setState(1010, "READY");

            // The same caller number again: its last agent, 1006, comes before the best match.
            assertThat(sipp.run("caller.xml", 5965, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit()).as(sipp.errorLogs()).isZero();

            assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1006", number);
            assertThat(Sipp.await(last, 30).exit()).as(sipp.errorLogs()).isZero();
            assertThat(Sipp.await(best, 30).exit()).as(sipp.errorLogs()).isZero();
            assertThat(considered(lastDecision(), "1010").getString("excluded")).isEqualTo("LAST_AGENT_FIRST");
        } finally {
            admin.put(salesPath, Json.createObjectBuilder(admin.get(salesPath).json()).addNull("lastAgentDays").build().toString());
        }
    }

    @Test
    void aRingAllGroupRingsEveryFreeAgentAndTheFirstToAnswerGetsTheCall() throws Exception {
        String number = queueOf(group("Ring all", "RING_ALL", 1001, 1002), "+4930500908");
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1001, 5920);
        calls.register(sipp, 1002, 5921);
        Process answering = sipp.start("agent-answer.xml", 5920, List.of("-m", "1", "-d", "500", "-timeout", "60s"));
        Process ringingOnly = sipp.start("agent-no-answer.xml", 5921, List.of("-m", "1", "-timeout", "60s"));
        calls.setState(1001, "READY");
        calls.setState(1002, "READY");

        Sipp.Result caller = sipp.run("caller.xml", 5966, List.of("-s", number, "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(answering, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(ringingOnly, 30).exit()).as("the other phone rang and was cancelled: %s", sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1001", number);
        List<String> events = TestNodes.eventsOfLastCall(node);
        assertThat(events.stream().filter("CallOffered"::equals)).as("both phones offered: %s", events).hasSize(2);
        assertThat(events).containsSubsequence("CallOffered", "CallOffered", "OfferWithdrawn", "CallAnswered");
        assertThat(calls.stateOf(1002)).as("losing a ring-all race is no no-answer").contains("\"READY\"");
    }

    @Test
    void aCallerOfPriorityNinetyIsServedBeforeOneOfPriorityTenWhoWaitedLonger() throws Exception {
        String vip = calls.numberQueueingTo("+4930500190", "Priority 90", "{\"group\":\"Support\",\"priority\":90}");
        String normal = calls.numberQueueingTo("+4930500110", "Priority 10", "{\"group\":\"Support\",\"priority\":10}");

        assertThat(answerOrderOfTwoCallers(1003, 5922, normal, vip, 1)).containsExactly(vip, normal);
    }

    @Test
    void ofTwoCallersWithTheSamePriorityTheOneWaitingLongerIsServedFirst() throws Exception {
        String first = calls.numberQueueingTo("+4930500113", "Support first", "{\"group\":\"Support\"}");
        String second = calls.numberQueueingTo("+4930500114", "Support second", "{\"group\":\"Support\"}");

        assertThat(answerOrderOfTwoCallers(1004, 5923, first, second, 1)).containsExactly(first, second);
    }

    @Test
    void anAgentInTwoGroupsTakesTheOlderCallerOfTheOtherGroupFirst() throws Exception {
        // 1003 is in Support (the demo's first group) and in a second-line group made after it.
        String secondLine = queueOf(group("Second line", "LONGEST_IDLE", 1003), "+4930500909");
        String support = calls.numberQueueingTo("+4930500911", "Support direct", "{\"group\":\"Support\"}");

        assertThat(answerOrderOfTwoCallers(1003, 5924, secondLine, support, 1)).containsExactly(secondLine, support);
    }

    @Test
    void aGroupWeightLetsItsNewerCallerGoFirstAndABadWeightIsNamed() throws Exception {
        long weighted = group("Weighted line", "LONGEST_IDLE", 1005);
        ApiClient.Answer negative = calls.admin().put("api/v1/groups/" + weighted,
                Json.createObjectBuilder(calls.admin().get("api/v1/groups/" + weighted).json()).add("weight", -1).build().toString());
        assertThat(negative.status()).as(negative.toString()).isEqualTo(422);
        assertThat(negative.header("Content-Type")).startsWith("application/problem+json");
        assertThat(negative.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("weight");
        changeGroup(weighted, document -> Json.createObjectBuilder(document).add("weight", 10).build());
        String weightedNumber = queueOf(weighted, "+4930500910");
        String support = calls.numberQueueingTo("+4930500912", "Support again", "{\"group\":\"Support\"}");

        assertThat(answerOrderOfTwoCallers(1005, 5925, support, weightedNumber, 10))
                .containsExactly(weightedNumber, support);
        assertThat(calls.admin().get("api/v1/groups/" + weighted).json().getJsonNumber("weight").doubleValue()).isEqualTo(10.0);
    }

    /**
     * Calls {@code earlier}, then once it is queued {@code later}; once both are queued (and, when
     * {@code laterWeight} is above 1, once the later caller's wait times that weight has outgrown the
     * earlier one's) the agent goes ready and its phone answers both: the service numbers in the
     * order the agent answered them.
     */
    private List<String> answerOrderOfTwoCallers(int agent, int phonePort, String earlier, String later, double laterWeight)
            throws Exception {
        long before = calls.lastRecordId();
        Sipp sipp = calls.sipp();
        calls.register(sipp, agent, phonePort);
        Process phone = sipp.start("agent-answer.xml", phonePort, List.of("-m", "2", "-d", "200", "-timeout", "60s"));
        Process first = sipp.start("caller.xml", phonePort + 50, List.of("-s", earlier, "-m", "1", "-timeout", "60s"));
        calls.awaitQueuedAfter(before, 1);
        Process second = sipp.start("caller.xml", phonePort + 51, List.of("-s", later, "-m", "1", "-timeout", "60s"));
        calls.awaitQueuedAfter(before, 2);
        if (laterWeight > 1) {
            // Half a second ahead, for the agent's state change to reach the distributor.
            Awaitility.await("the weighted wait ahead").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> calls.rows("SELECT TIMESTAMPDIFF(MICROSECOND, queued_at, NOW(3)) / 1000 FROM call_record"
                            + " WHERE id > ? ORDER BY id", before), waits -> laterWeight * Double.parseDouble(waits.get(1))
                            > Double.parseDouble(waits.get(0)) + 500);
        }

        calls.setState(agent, "READY");

        assertThat(Sipp.await(first, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(second, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();
        return answeredInOrderAfter(before);
    }

    /** A new group of the demo tenant made through the API, with these members in this order; its id. */
    private long group(String name, String strategy, int... extensions) {
        JsonArrayBuilder members = Json.createArrayBuilder();
        for (int extension : extensions) {
            members.add(Json.createObjectBuilder().add("extension", Integer.toString(extension)));
        }
        ApiClient.Answer created = calls.admin().post("api/v1/groups", Json.createObjectBuilder().add("name", name).add("strategy", strategy)
                .add("wrapUpSeconds", 0).add("members", members).build().toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getJsonNumber("id").longValue();
    }

    /**
     * A queue with nothing to announce: the caller an agent takes at once hears its own ringback and
     * then the agent, with no early media at all (caller-rings.xml fails on a 183); one who waits
     * hears the ring for verbund.queue.ringback-before-music-ms (2 s) before the 183 and the music.
     */
    @Test
    void aCallerTakenAtOnceHearsOnlyItsRingbackAndOneWhoWaitsGetsMusicAfterTheRing() throws Exception {
        String number = queueOf(group("Ringback", "LONGEST_IDLE", 1004), "+4930500913");
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1004, 5926);
        Process phone = sipp.start("agent-answer.xml", 5926, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1004, "READY");

        assertThat(sipp.run("caller-rings.xml", 5967, List.of("-s", number, "-m", "1", "-timeout", "60s")).exit())
                .as("180, then the agent's 200, and no 183: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1004", number);

        calls.setState(1004, "LOGGED_OUT");
        try (SipTransport.Connection sip = SipTransport.UDP.connect(new InetSocketAddress("127.0.0.1", node.ports().sip()))) {
            String id = "ringback-" + System.nanoTime();
            String target = "sip:" + number + "@127.0.0.1:" + node.ports().sip();
            String via = "Via: SIP/2.0/UDP " + sip.local() + ";branch=z9hG4bK-" + id + "\r\n";
            String dialog = "From: <sip:+49301234567@127.0.0.1>;tag=" + id + "\r\nTo: <" + target + ">\r\nCall-ID: " + id + "\r\n";
            String sdp = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";
            long sent = System.nanoTime();
            sip.send(("INVITE " + target + " SIP/2.0\r\n" + via + dialog + "CSeq: 1 INVITE\r\nContact: <sip:caller@" + sip.local()
                    + ">\r\nMax-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp)
                    .getBytes(StandardCharsets.US_ASCII));

            String early = sip.response(id, status -> status == 183 || status >= 200, Duration.ofSeconds(15)).orElseThrow();
            long rangMillis = Duration.ofNanos(System.nanoTime() - sent).toMillis();
            assertThat(SipTransport.status(early)).as(early).isEqualTo(183);
            assertThat(early).as("music comes with our session description").contains("m=audio ");
            assertThat(rangMillis).as("the caller's phone rang before the music").isGreaterThanOrEqualTo(1900);

            sip.send(("CANCEL " + target + " SIP/2.0\r\n" + via + dialog + "CSeq: 1 CANCEL\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String terminated = sip.response(id, status -> status == 487, Duration.ofSeconds(10)).orElseThrow();
            Matcher to = Pattern.compile("(?m)^To: ([^\r\n]+)").matcher(terminated);
            assertThat(to.find()).as(terminated).isTrue();
            assertThat(to.group(1)).as("the 487 names the early dialog of our 180 and 183").contains(";tag=");
            sip.send(("ACK " + target + " SIP/2.0\r\n" + via + "From: <sip:+49301234567@127.0.0.1>;tag=" + id + "\r\nTo: " + to.group(1)
                    + "\r\nCall-ID: " + id + "\r\nCSeq: 1 ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * A service number that answers on queue: its waiting caller gets a 200 (after the ringback of
     * an empty queue), not early media, so its dialog is confirmed; an agent who takes it later sends
     * it no second answer (one would fail and hang the agent up), and a caller answered so who hangs up
     * while it waits abandons the queue.
     */
    @Test
    void aNumberThatAnswersOnQueueAnswersItsWaitingCallerAndTheAgentTakesTheAnsweredCall() throws Exception {
        String number = queueOf(group("Answered on queue", "LONGEST_IDLE", 1005), "+4930500914");
        JsonObject numberDocument = calls.admin().get("api/v1/service-numbers?q=" + number.replace("+", "%2B")).json()
                .getJsonArray("items").getJsonObject(0);
        assertThat(numberDocument.getBoolean("answerOnQueue")).as("off unless set").isFalse();
        ApiClient.Answer set = calls.admin().put("api/v1/service-numbers/" + numberDocument.getJsonNumber("id").longValue(),
                Json.createObjectBuilder(numberDocument).add("answerOnQueue", true).build().toString());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().getBoolean("answerOnQueue")).isTrue();

        Sipp sipp = calls.sipp();
        calls.register(sipp, 1005, 5927);
        Process phone = sipp.start("agent-answer.xml", 5927, List.of("-m", "1", "-timeout", "60s"));
        try (SipTransport.Connection sip = SipTransport.UDP.connect(new InetSocketAddress("127.0.0.1", node.ports().sip()))) {
            String target = "sip:" + number + "@127.0.0.1:" + node.ports().sip();
            String taken = "answered-taken-" + System.nanoTime();
            long sent = System.nanoTime();
            String toTag = answeredOnQueue(sip, target, taken);
            assertThat(Duration.ofNanos(System.nanoTime() - sent).toMillis()).as("the caller's phone rang before the answer").isGreaterThanOrEqualTo(1900);

            calls.setState(1005, "READY");
            Awaitility.await("1005 talks to the caller it took").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> calls.rows("SELECT a.extension FROM call_record r JOIN agent a ON a.id = r.agent_id"
                            + " WHERE r.call_id = ? AND r.answered_at IS NOT NULL", taken), List.of("1005")::equals);
            sip.send(inDialog(sip, "BYE", target, taken, toTag, 2));
            assertThat(sip.response(taken, status -> status == 200, Duration.ofSeconds(10))).as("the BYE's 200").isPresent();
            assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();
            assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1005", number);

            calls.setState(1005, "LOGGED_OUT");
            String left = "answered-left-" + System.nanoTime();
            String leftTag = answeredOnQueue(sip, target, left);
            sip.send(inDialog(sip, "BYE", target, left, leftTag, 2));
            assertThat(sip.response(left, status -> status == 200, Duration.ofSeconds(10))).as("the BYE's 200").isPresent();
            assertThat(calls.awaitRecord("ABANDONED")).as("answered on queue, then hung up waiting").containsExactly("ABANDONED", number);
        }
    }

    /** Sends a caller's INVITE and ACKs the 200 it must get with no 183 before it; returns the answer's To tag. */
    private String answeredOnQueue(SipTransport.Connection sip, String target, String callId) throws Exception {
        String sdp = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\n";
        sip.send(("INVITE " + target + " SIP/2.0\r\nVia: SIP/2.0/UDP " + sip.local() + ";branch=z9hG4bK-" + callId
                + "\r\nFrom: <sip:+49301234567@127.0.0.1>;tag=" + callId + "\r\nTo: <" + target + ">\r\nCall-ID: " + callId
                + "\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@" + sip.local() + ">\r\nMax-Forwards: 70\r\nContent-Type: application/sdp"
                + "\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp).getBytes(StandardCharsets.US_ASCII));
        String answer = sip.response(callId, status -> status == 183 || status >= 200, Duration.ofSeconds(15)).orElseThrow();
        assertThat(SipTransport.status(answer)).as("answered, not early media: %s", answer).isEqualTo(200);
        assertThat(answer).as("the queue's audio comes with our session description").contains("m=audio ");
        Matcher to = Pattern.compile("(?m)^To: [^\r\n]*;tag=([^;\r\n]+)").matcher(answer);
        assertThat(to.find()).as(answer).isTrue();
        sip.send(inDialog(sip, "ACK", target, callId, to.group(1), 1));
        return to.group(1);
    }

    private static byte[] inDialog(SipTransport.Connection sip, String method, String target, String callId, String toTag, int cseq) {
        return (method + " " + target + " SIP/2.0\r\nVia: SIP/2.0/UDP " + sip.local() + ";branch=z9hG4bK-" + method + "-" + callId
                + "\r\nFrom: <sip:+49301234567@127.0.0.1>;tag=" + callId + "\r\nTo: <" + target + ">;tag=" + toTag + "\r\nCall-ID: " + callId
                + "\r\nCSeq: " + cseq + " " + method + "\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void changeGroup(long id, UnaryOperator<JsonObject> change) {
        String path = "api/v1/groups/" + id;
        ApiClient.Answer changed = calls.admin().put(path, change.apply(calls.admin().get(path).json()).toString());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    /** A new service number queueing to the group. */
    private String queueOf(long group, String number) throws Exception {
        String name = calls.admin().get("api/v1/groups/" + group).json().getString("name");
        return calls.numberQueueingTo(number, name + " flow", "{\"group\":\"" + name + "\"}");
    }

    private void giveSkill(int extension, String skill, int proficiency) {
        String path = "api/v1/agents/" + extension;
        JsonObject agent = calls.admin().get(path).json();
        JsonArrayBuilder skills = Json.createArrayBuilder(agent.getJsonArray("skills")).add(
                Json.createObjectBuilder().add("skill", skill).add("proficiency", proficiency));
        ApiClient.Answer changed = calls.admin().put(path, Json.createObjectBuilder(agent).add("skills", skills).build().toString());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private static JsonObject skill(String name, int atLeast) {
        return Json.createObjectBuilder().add("skill", name).add("minProficiency", atLeast).build();
    }

    /** The newest call's last routing decision. */
    private JsonObject lastDecision() throws Exception {
        JsonArray decisions = calls.decisionsOf(calls.lastCallId());
        assertThat(decisions).as("the call has a decision record").isNotEmpty();
        return decisions.getJsonObject(decisions.size() - 1).getJsonObject("decision");
    }

    private static JsonObject considered(JsonObject decision, String extension) {
        return decision.getJsonArray("considered").stream().map(JsonValue::asJsonObject)
                .filter(agent -> agent.getString("agent").equals(extension)).findFirst()
                .orElseThrow(() -> new AssertionError(extension + " is not named in " + decision));
    }

    /** The service numbers of the calls after {@code afterId}, in the order agents answered them. */
    private List<String> answeredInOrderAfter(long afterId) {
        return Awaitility.await("two calls over").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> calls.rows("SELECT IF(answered_at IS NULL, CONCAT(service_number, ' unanswered'), service_number)"
                        + " FROM call_record WHERE id > ? AND outcome IS NOT NULL ORDER BY answered_at, id", afterId), numbers -> numbers.size() >= 2);
    }
}
