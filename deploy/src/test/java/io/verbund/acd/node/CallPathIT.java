package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
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
    /** REGISTER limits for the test: every test registers from 127.0.0.1, so the address limit is kept out of reach. */
    private static final int REGISTER_FAILURES_PER_USER = 5;
    private static final int REGISTER_LOCKOUT_SECONDS = 3;
    /** SIP over TCP limits for the test; the torture messages over TCP close each connection. */
    private static final int TCP_PER_SOURCE = 4;
    private static final int TCP_IDLE_SECONDS = 5;
    /** Every SIP transport the node listens on; the torture messages go over each. */
    private static final List<SipTransport> TRANSPORTS = List.of(SipTransport.UDP, SipTransport.TCP, SipTransport.TLS);

    @TempDir
    static Path homeFolder;

    @TempDir
    Path sippFolder;

    private static DemoNode node;
    private DemoCalls calls;

    @BeforeAll
    static void startNode() {
        node = TestNodes.startNode(homeFolder, PORT_OFFSET, Map.of("verbund.telephony.max-calls", Integer.toString(MAX_CALLS),
                "verbund.telephony.register.max-failures-per-user", Integer.toString(REGISTER_FAILURES_PER_USER),
                "verbund.telephony.register.max-failures-per-source", "100",
                "verbund.telephony.register.lockout-seconds", Integer.toString(REGISTER_LOCKOUT_SECONDS),
                "verbund.telephony.tcp.max-connections-per-source", Integer.toString(TCP_PER_SOURCE),
                "verbund.telephony.tcp.idle-timeout-seconds", Integer.toString(TCP_IDLE_SECONDS)));
    }

    @AfterAll
    static void stopNode() {
        TestNodes.stopNode(node);
    }

    @BeforeEach
    void calls() {
        calls = new DemoCalls(node, sippFolder);
    }

    @AfterEach
    void logEveryoneOut() throws Exception {
        Sipp.stopAll();
        for (int extension = 1001; extension <= 1005; extension++) {
            calls.setState(extension, "LOGGED_OUT");
        }
    }

    @Test
    void aReadyRegisteredAgentGetsTheCallAndTheCallIsRecordedAsAnswered() throws Exception {
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1001, 5671);
        Process phone = sipp.start("agent-answer.xml", 5671, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1001, "READY");

        Sipp.Result caller = sipp.run("caller.xml", 5690, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as("caller: %s%n%s", caller.command(), sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
        List<String> record = calls.awaitRecord("ANSWERED");
        assertThat(record).containsExactly("ANSWERED", "1001", HOTLINE);
        assertThat(TestNodes.eventsOfLastCall(node)).containsSubsequence("CallReceived", "CallQueued", "CallOffered", "CallAnswered", "CallEnded");
        assertThat(calls.stateOf(1001)).contains("\"READY\"");
    }

    @Test
    void aCallerWaitsInTheQueueUntilAnAgentGoesReady() throws Exception {
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1002, 5672);
        Process phone = sipp.start("agent-answer.xml", 5672, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        Process caller = sipp.start("caller.xml", 5691, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));
        Thread.sleep(2000);
        assertThat(caller.isAlive()).as("caller still waiting with no agent ready").isTrue();

        calls.setState(1002, "READY");

        assertThat(Sipp.await(caller, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).contains("1002");
    }

    @Test
    void aCallerWhoHangsUpWhileQueuedIsRecordedAsAbandoned() throws Exception {
        Sipp sipp = calls.sipp();

        Sipp.Result caller = sipp.run("caller-abandons.xml", 5692, List.of("-s", HOTLINE, "-m", "1", "-d", "1000", "-timeout", "30s"));

        assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ABANDONED")).first().isEqualTo("ABANDONED");
        assertThat(TestNodes.eventsOfLastCall(node)).containsSubsequence("CallReceived", "CallQueued", "CallAbandoned");
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentsPhoneRingsIsAbandonedAndTheAgentIsFreeAgain() throws Exception {
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1003, 5716);
        Process ringing = sipp.start("agent-no-answer.xml", 5716, List.of("-m", "1", "-timeout", "60s"));
        calls.setState(1003, "READY");

        // Hangs up 1.5 s after its 180, well inside the group's 15 s ring time.
        Sipp.Result caller = sipp.run("caller-abandons.xml", 5707, List.of("-s", HOTLINE, "-m", "1", "-d", "1500", "-timeout", "30s"));

        assertThat(caller.exit()).as("CANCEL answered with 487: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(ringing, 30).exit()).as("the agent's phone got CANCEL: %s", sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ABANDONED")).first().isEqualTo("ABANDONED");
        assertThat(TestNodes.eventsOfLastCall(node)).containsSubsequence("CallQueued", "CallOffered", "OfferWithdrawn", "CallAbandoned");
        assertThat(calls.stateOf(1003)).as("an abandoned offer is no no-answer").contains("\"READY\"");
    }

    @Test
    void theMetricsAddressCountsOfferedAnsweredAndAbandonedCallsOfTheGroupAndShowsTheCallerWaiting() throws Exception {
        String demo = "tenant=\"demo\"";
        NodeMetrics before = NodeMetrics.scrape(node);
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1001, 5720);
        Process phone = sipp.start("agent-answer.xml", 5720, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1001, "READY");
        awaitMetrics("agent 1001 counted as ready", metrics -> metrics.count("verbund_agents", demo, "state=\"READY\"") >= 1);

        Sipp.Result answered = sipp.run("caller.xml", 5721, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));
        assertThat(answered.exit()).as("caller: %s%n%s", answered.command(), sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
        calls.awaitRecord("ANSWERED");
        String group = "group=\"" + calls.rows("SELECT group_id FROM call_record ORDER BY id DESC LIMIT 1").get(0) + "\"";
        calls.setState(1001, "LOGGED_OUT");

        Process abandoning = sipp.start("caller-abandons.xml", 5722, List.of("-s", HOTLINE, "-m", "1", "-d", "4000", "-timeout", "30s"));
        NodeMetrics waiting = awaitMetrics("the caller waiting in the group's queue",
                metrics -> metrics.count("verbund_queue_waiting", demo, group) == 1
                        && metrics.count("verbund_queue_longest_wait_seconds", demo, group) > 0);
        assertThat(waiting.count("verbund_queue_longest_wait_seconds", demo, group)).isLessThan(30);
        assertThat(Sipp.await(abandoning, 30).exit()).as(sipp.errorLogs()).isZero();
        calls.awaitRecord("ABANDONED");

        NodeMetrics after = awaitMetrics("the abandoned call counted",
                metrics -> metrics.count("verbund_calls_abandoned_total", demo) - before.count("verbund_calls_abandoned_total", demo) >= 1
                        && metrics.count("verbund_queue_waiting", demo, group) == 0);
        Map.of("verbund_calls_offered_total", 2.0, "verbund_calls_answered_total", 1.0, "verbund_calls_abandoned_total", 1.0)
                .forEach((counter, calls) -> {
                    assertThat(after.count(counter, demo) - before.count(counter, demo)).as(counter).isEqualTo(calls);
                    assertThat(after.value(counter, demo, group)).as("%s of %s", counter, group).isPresent();
                });
        for (String state : List.of("LOGGED_OUT", "READY", "PAUSED", "RESERVED", "RINGING", "ON_CALL", "WRAP_UP")) {
            assertThat(after.value("verbund_agents", demo, "state=\"" + state + "\"")).as("agents %s", state).isPresent();
        }
        assertThat(after.count("verbund_agents", demo, "state=\"LOGGED_OUT\"")).as("1001, logged out again").isGreaterThanOrEqualTo(1);
        assertThat(after.count("verbund_distributor_pass_seconds_count")).isPositive();
        assertThat(after.value("verbund_journal_backlog_entries", "journal=\"call-records\"")).isPresent();
        assertThat(after.value("verbund_event_dead_letters")).isPresent();
    }

    private static NodeMetrics awaitMetrics(String what, Predicate<NodeMetrics> until) {
        return Awaitility.await(what + " at " + NodeMetrics.address(node)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> NodeMetrics.scrape(node), until);
    }

    @Test
    void anUnknownNumberGets404() throws Exception {
        Sipp sipp = calls.sipp();

        Sipp.Result caller = sipp.run("caller-unknown-number.xml", 5693, List.of("-s", "+4999999999", "-m", "1", "-timeout", "30s"));

        assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
    }

    @Test
    void aReadyAgentWhosePhoneIsNotRegisteredIsSkipped() throws Exception {
        Sipp sipp = calls.sipp();
        // Earlier tests register 1003 at ports no phone answers on any more: without this, 1003 would
        // be a registered phone that never answers, rung for the group's whole ring time.
        Sipp.Result unregistered = sipp.run("agent-unregister.xml", 5673, List.of("-s", "1003", "-au", "1003", "-ap", "demo-1003",
                "-m", "1", "-timeout", "20s"));
        assertThat(unregistered.exit()).as("1003 unregistered: %s", sipp.errorLogs()).isZero();
        calls.setState(1003, "READY");
        Thread.sleep(50);
        calls.register(sipp, 1004, 5674);
        Process phone = sipp.start("agent-answer.xml", 5674, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1004, "READY");

        Sipp.Result caller = sipp.run("caller.xml", 5694, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).contains("1004");
    }

    @Test
    void anAgentWhoDoesNotAnswerIsPausedAndTheCallerGoesToTheNextAgentKeepingItsPlace() throws Exception {
        // ACME's Service group (2001, 2002) is used by no other test: ring 2 s, pause after 1 no-answer.
        configureAcmeService(2, 1);
        Sipp sipp = calls.sipp();
        calls.register(sipp, 2001, "acme-2001", 5675);
        calls.register(sipp, 2002, "acme-2002", 5676);
        Process silent = sipp.start("agent-no-answer.xml", 5675, List.of("-m", "1", "-timeout", "60s"));
        Process answering = sipp.start("agent-answer.xml", 5676, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState("acme", 2001, "READY");
        Thread.sleep(50);
        calls.setState("acme", 2002, "READY");

        Sipp.Result caller = sipp.run("caller.xml", 5695, List.of("-s", "+4940700100", "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(silent, 30).exit()).as("the silent phone was cancelled: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(answering, 30).exit()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).contains("2002");
        assertThat(TestNodes.eventsOfLastCall(node)).containsSubsequence("CallOffered", "OfferNotTaken", "CallOffered", "CallAnswered");
        assertThat(calls.stateOf("acme", 2001)).contains("\"PAUSED\"").contains("NO_ANSWER");
        calls.setState("acme", 2001, "LOGGED_OUT");
        calls.setState("acme", 2002, "LOGGED_OUT");
    }

    @Test
    void aBusyAgentIsSkippedAndTheNextOneGetsTheCall() throws Exception {
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1005, 5677);
        Process busy = sipp.start("agent-busy.xml", 5677, List.of("-m", "1", "-timeout", "60s"));
        calls.setState(1005, "READY");
        Thread.sleep(50);
        calls.register(sipp, 1001, 5678);
        Process answering = sipp.start("agent-answer.xml", 5678, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1001, "READY");

        Sipp.Result caller = sipp.run("caller.xml", 5696, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(busy, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(Sipp.await(answering, 30).exit()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).contains("1001");
        assertThat(calls.stateOf(1005)).as("busy is no no-answer: the agent stays ready").contains("\"READY\"");
    }

    @Test
    void aReInviteOfAConnectedCallIsAnsweredByTheNodesAnchoredMedia() throws Exception {
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1005, 5713);
        Process phone = sipp.start("agent-answer.xml", 5713, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1005, "READY");

        Sipp.Result caller = sipp.run("caller-reinvite.xml", 5705, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));

        assertThat(caller.exit()).as("re-INVITE answered with o=verbund: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as(sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).contains("1005");
    }

    @Test
    void aNodeHoldingItsLimitOfCallsShedsTheNextWith503AndRetryAfter() throws Exception {
        Sipp sipp = calls.sipp();
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
            Sipp.Result caller = calls.sipp().run("caller-tenant-busy.xml", 5699, List.of("-s", "+4940700199", "-m", "1", "-timeout", "30s"));

            assertThat(caller.exit()).as(calls.sipp().errorLogs()).isZero();
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
        int callsBefore = calls.callRecordCount();

        String answer = exchange(malformed, 5697);
        String noCallIdAnswer = exchange(noCallId, 5697);
        String noContactAnswer = exchange(noContact, 5697);

        assertThat(answer).startsWith("SIP/2.0 400").contains("Content-Length");
        assertThat(noCallIdAnswer).startsWith("SIP/2.0 400").contains("missing Call-ID header");
        assertThat(noContactAnswer).startsWith("SIP/2.0 400").contains("Contact");
        assertThat(calls.callRecordCount()).as("a malformed request changes nothing").isEqualTo(callsBefore);
        String options = "OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5697;branch=z9hG4bK-opt\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=2\r\nTo: <sip:127.0.0.1>\r\nCall-ID: options-1\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        assertThat(exchange(options, 5697)).as("OPTIONS, as a distributor's health probe sends it").startsWith("SIP/2.0 200");
        Sipp.Result next = calls.sipp().run("caller-unknown-number.xml", 5698, List.of("-s", "+4999999999", "-m", "1", "-timeout", "30s"));
        assertThat(next.exit()).isZero();
    }

    /**
     * The SIP torture suite (src/test/resources/sip-torture, written from RFC 4475's descriptions):
     * each message over each transport gets the answer its file names, and after each the node
     * still answers OPTIONS. One node for all: a message that hurt it shows in the next probe.
     */
    @TestFactory
    Stream<DynamicTest> sipTortureMessagesGetTheirAnswerAndTheNodeAnswersOptionsAfterEach() {
        SipTransport.trust(node.wildfly().certificate().trustingOnlyThis());
        return SipTorture.cases().stream().flatMap(torture -> TRANSPORTS.stream().map(transport ->
                DynamicTest.dynamicTest(torture.name() + " over " + transport, () -> {
                    java.net.InetSocketAddress sip = new java.net.InetSocketAddress("127.0.0.1",
                            transport == SipTransport.TLS ? node.ports().sipTls() : node.ports().sip());
                    SipTorture.Outcome outcome = SipTorture.send(torture, transport, sip);
                    int alive = SipTorture.options(transport, sip);
                    // The table in docs/security.md is made from these lines.
                    System.out.println("sip-torture " + torture.name() + " " + transport + ": " + outcome.firstLine());

                    assertThat(alive).as("OPTIONS over %s after %s", transport, torture.name()).isEqualTo(200);
                    assertThat(torture.expected(transport)).as("%s over %s (%s) was answered: %s", torture.name(), transport,
                            torture.description(), outcome.firstLine()).contains(outcome.answer());
                })));
    }

    /**
     * Over TCP and TLS the node frames the stream itself (StreamFramer): a double-CRLF keep-alive
     * ping gets its CRLF pong, and the requests after it on the same connection, one in compact
     * forms written in pieces and one without Content-Length, get 200 and 400.
     */
    @Test
    void overStreamsAKeepAlivePingGetsItsPongAndCompactFormsInPiecesAndAMissingContentLengthGetTheirAnswers() throws Exception {
        SipTransport.trust(node.wildfly().certificate().trustingOnlyThis());
        for (SipTransport transport : List.of(SipTransport.TCP, SipTransport.TLS)) {
            java.net.InetSocketAddress sip = new java.net.InetSocketAddress("127.0.0.1",
                    transport == SipTransport.TLS ? node.ports().sipTls() : node.ports().sip());
            try (SipTransport.Connection connection = transport.connect(sip)) {
                connection.send("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(connection.read(2, Duration.ofSeconds(5))).as("pong over %s", transport).isEqualTo("\r\n");

                String id = "framing-" + transport + "-" + ProcessHandle.current().pid();
                String compact = "OPTIONS sip:127.0.0.1:" + sip.getPort() + " SIP/2.0\r\n"
                        + "v: SIP/2.0/" + transport.via + " " + connection.local() + ";branch=z9hG4bK-" + id + "\r\n"
                        + "f: <sip:probe@example.org>;tag=" + id + "\r\nt: <sip:127.0.0.1>\r\n"
                        + "i : " + id + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nL: 0\r\n\r\n";
                byte[] bytes = compact.getBytes(StandardCharsets.US_ASCII);
                for (int from = 0; from < bytes.length; from += 40) {
                    connection.send(java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 40)));
                }
                assertThat(connection.finalResponse(id, Duration.ofSeconds(8)).map(SipTransport::status))
                        .as("compact OPTIONS in pieces over %s", transport).contains(200);

                String noLength = compact.replace("L: 0\r\n", "").replace("z9hG4bK-", "z9hG4bK-nolength-")
                        .replace("CSeq: 1", "CSeq: 2");
                connection.send(noLength.getBytes(StandardCharsets.US_ASCII));
                assertThat(connection.finalResponse(id, Duration.ofSeconds(8)).map(SipTransport::status))
                        .as("OPTIONS without Content-Length over %s", transport).contains(400);
            }
            assertThat(SipTorture.options(transport, sip)).as("OPTIONS over %s afterwards", transport).isEqualTo(200);
        }
    }

    @Test
    void aByeInfoReInviteOrCancelWithTheCallIdButNotTheDialogsTagsGets481AndTheCallGoesOn() throws Exception {
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1003, 5731);
        Process phone = sipp.start("agent-answer.xml", 5731, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1003, "READY");
        Process caller = sipp.start("caller.xml", 5732, List.of("-s", HOTLINE, "-m", "1", "-d", "6000", "-timeout", "60s"));
        // SIPp's defaults: Call-ID "<call number>-<pid>@<local ip>", and the scenario's From tag "<pid>SIPpTag09<call number>".
        String callId = "1-" + caller.pid() + "@127.0.0.1";
        String callerTag = caller.pid() + "SIPpTag091";
        awaitState(1003, "ON_CALL");
        assertThat(calls.lastCallId()).as("the caller's Call-ID, as everyone with the call's id sees it").isEqualTo(callId);

        String rightFromWrongTo = inDialog("BYE", callId, callerTag, "forged", 2, "");
        String noTags = inDialog("BYE", callId, null, null, 2, "");
        String swapped = inDialog("BYE", callId, "forged", callerTag, 2, "");
        String info = inDialog("INFO", callId, callerTag, "forged", 3, "Content-Type: application/dtmf-relay\r\nContent-Length: 10\r\n\r\nSignal=5\r\n");
        String reInvite = inDialog("INVITE", callId, callerTag, "forged", 4, "Contact: <sip:x@127.0.0.1:5733>\r\n");
        String cancel = inDialog("CANCEL", callId, callerTag, null, 1, "");

        assertThat(List.of(exchange(rightFromWrongTo, 5733), exchange(noTags, 5733), exchange(swapped, 5733), exchange(info, 5733),
                exchange(reInvite, 5733), exchange(cancel, 5733)))
                .as("BYE (right From tag, wrong To tag; no tags; tags swapped), INFO, re-INVITE, CANCEL of another branch")
                .allSatisfy(answer -> assertThat(answer).startsWith("SIP/2.0 481"));
        assertThat(calls.stateOf(1003)).as("the agent still talks to the caller").contains("\"ON_CALL\"");
        assertThat(Sipp.await(caller, 30).exit()).as("the caller's own BYE ends the call: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1003", HOTLINE);
    }

    @Test
    void anAgentWhoHangsUpEndsTheCallInItsOwnDialog() throws Exception {
        Sipp sipp = calls.sipp();
        calls.register(sipp, 1003, 5737);
        Process phone = sipp.start("agent-hangs-up.xml", 5737, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1003, "READY");

        Sipp.Result caller = sipp.run("caller-hung-up-on.xml", 5738, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));

        assertThat(Sipp.await(phone, 30).exit()).as("the agent's BYE got 200: %s", sipp.errorLogs()).isZero();
        assertThat(caller.exit()).as("the caller got the node's BYE: %s", sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).containsExactly("ANSWERED", "1003", HOTLINE);
    }

    @Test
    void anInviteWithMaxForwardsZeroGets483AndOneOfSip30Gets505AndTheNodeGoesOnTakingCalls() throws Exception {
        String invite = "INVITE sip:" + HOTLINE + "@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5734;branch=z9hG4bK-hops\r\n"
                + "From: <sip:x@127.0.0.1>;tag=hops\r\nTo: <sip:" + HOTLINE + "@127.0.0.1>\r\n"
                + "Call-ID: hops-1\r\nCSeq: 1 INVITE\r\nContact: <sip:x@127.0.0.1:5734>\r\nMax-Forwards: 0\r\nContent-Length: 0\r\n\r\n";
        String sip30 = invite.replace(" SIP/2.0\r\nVia", " SIP/3.0\r\nVia").replace("Max-Forwards: 0", "Max-Forwards: 70")
                .replace("z9hG4bK-hops", "z9hG4bK-sip30").replace("hops-1", "sip30-1");
        int callsBefore = calls.callRecordCount();

        assertThat(exchange(invite, 5734)).startsWith("SIP/2.0 483");
        assertThat(exchange(sip30, 5734)).startsWith("SIP/2.0 505");
        assertThat(calls.callRecordCount()).as("neither was taken as a call").isEqualTo(callsBefore);

        Sipp sipp = calls.sipp();
        calls.register(sipp, 1003, 5735);
        Process phone = sipp.start("agent-answer.xml", 5735, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1003, "READY");
        Sipp.Result caller = sipp.run("caller.xml", 5736, List.of("-s", HOTLINE, "-m", "1", "-timeout", "60s"));
        assertThat(caller.exit()).as("caller: %s", sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).contains("1003");
    }

    /**
     * Issue 16, REGISTER: a captured REGISTER with its Authorization, sent again (with a Contact of
     * the attacker's, which the digest does not cover), is refused; wrong passwords for a user that
     * does not exist and for one that does get the same answers, then the same lockout; the right
     * password works again once the lockout is over.
     */
    @Test
    void aReplayedRegisterIsRefusedAndWrongPasswordsGetTheSameAnswersForAnyUserUntilTheLockout() throws Exception {
        Registration ok = register("1006", "demo-1006", 5741, "z9hG4bK-reg-ok");
        assertThat(ok.answer()).startsWith("SIP/2.0 200");
        String replay = ok.request().replace("z9hG4bK-reg-ok", "z9hG4bK-reg-replay")
                .replace("<sip:1006@127.0.0.1:5741>", "<sip:1006@127.0.0.1:5799>");
        String replayed = exchange(replay, 5741);
        assertThat(replayed).as("the same Authorization again").startsWith("SIP/2.0 401").contains("stale=true");

        List<String> unknown = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (int i = 0; i < REGISTER_FAILURES_PER_USER; i++) {
            unknown.add(register("7777", "guess-" + i, 5742, "z9hG4bK-reg-u" + i).answer());
            known.add(register("1006", "guess-" + i, 5743, "z9hG4bK-reg-k" + i).answer());
        }
        assertThat(known).allSatisfy(answer -> assertThat(answer).startsWith("SIP/2.0 401"));
        assertThat(unknown.stream().map(CallPathIT::comparable).toList()).as("an unknown user's answers are a known one's")
                .isEqualTo(known.stream().map(CallPathIT::comparable).toList());

        String lockedKnown = register("1006", "demo-1006", 5743, "z9hG4bK-reg-locked-k").answer();
        String lockedUnknown = register("7777", "demo-1006", 5742, "z9hG4bK-reg-locked-u").answer();
        assertThat(lockedKnown).as("locked out: even the right password").startsWith("SIP/2.0 403").contains("Retry-After");
        assertThat(comparable(lockedUnknown)).as("the lockout of an unknown name looks the same").isEqualTo(comparable(lockedKnown));

        Awaitility.await().atMost(Duration.ofSeconds(REGISTER_LOCKOUT_SECONDS + 10)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(register("1006", "demo-1006", 5744, "z9hG4bK-reg-after-" + System.nanoTime()).answer())
                        .as("the right password after the lockout").startsWith("SIP/2.0 200"));
    }

    /**
     * Issue 16, SIP over TCP: a client opening connections and sending nothing gets no more than its
     * share (the next one is closed at once), loses the idle ones after the timeout, and holds no
     * thread meanwhile; a call over TCP works afterwards.
     */
    @Test
    void idleTcpConnectionsAreCappedPerSourceAndClosedAfterTheIdleTimeoutAndACallOverTcpStillWorks() throws Exception {
        // The TLS port has the same limits, counted apart (its silent connections never start the handshake).
        for (int port : List.of(node.ports().sip(), node.ports().sipTls())) {
            List<java.net.Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i <= TCP_PER_SOURCE; i++) {
                    idle.add(new java.net.Socket("127.0.0.1", port));
                }
                assertThat(closedByNode(idle.get(TCP_PER_SOURCE), 5000)).as("port %d: one connection over the share: closed at once", port).isTrue();
                for (int i = 0; i < TCP_PER_SOURCE; i++) {
                    assertThat(closedByNode(idle.get(i), 200)).as("port %d: connection %d, within the share: open", port, i).isFalse();
                }
                for (int i = 0; i < TCP_PER_SOURCE; i++) {
                    assertThat(closedByNode(idle.get(i), (TCP_IDLE_SECONDS + 10) * 1000))
                            .as("port %d: connection %d, silent: closed after the idle timeout", port, i).isTrue();
                }
            } finally {
                for (java.net.Socket socket : idle) {
                    socket.close();
                }
            }
        }

        Sipp sipp = calls.sipp();
        calls.register(sipp, 1004, 5745);
        Process phone = sipp.start("agent-answer.xml", 5745, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1004, "READY");
        Sipp.Result caller = sipp.run("caller.xml", 5746, List.of("-s", HOTLINE, "-m", "1", "-t", "t1", "-timeout", "60s"));
        assertThat(caller.exit()).as("a caller over TCP: %s%n%s", caller.command(), sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
        assertThat(calls.awaitRecord("ANSWERED")).contains("1004");
    }

    /** Whether the node ended the TCP connection within the time (end of stream or reset). */
    private static boolean closedByNode(java.net.Socket socket, int millis) throws Exception {
        socket.setSoTimeout(millis);
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private record Registration(String request, String answer) {
    }

    /** REGISTER as a phone sends it: without credentials, then with the digest answer (qop=auth, nc=1) to the 401's challenge. */
    private static Registration register(String user, String password, int port, String branch) throws Exception {
        String uri = "sip:127.0.0.1:" + node.ports().sip();
        String base = "REGISTER " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=" + branch + "-%d\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=" + branch + "\r\nTo: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + branch + "@127.0.0.1\r\nCSeq: %d REGISTER\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + port + ">\r\nExpires: 60\r\nMax-Forwards: 70\r\n";
        String challenge = exchange(String.format(base, 1, 1) + "Content-Length: 0\r\n\r\n", port);
        if (!challenge.startsWith("SIP/2.0 401")) {
            return new Registration(null, challenge);
        }
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(nonce.find()).as("a nonce in %s", challenge).isTrue();
        String cnonce = Long.toHexString(System.nanoTime());
        String ha1 = md5(user + ":verbund:" + password);
        String response = md5(ha1 + ":" + nonce.group(1) + ":00000001:" + cnonce + ":auth:" + md5("REGISTER:" + uri));
        String request = String.format(base, 2, 2) + "Authorization: Digest username=\"" + user + "\", realm=\"verbund\", nonce=\""
                + nonce.group(1) + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\""
                + cnonce + "\"\r\nContent-Length: 0\r\n\r\n";
        return new Registration(request, exchange(request, port));
    }

    /** An answer without what differs between any two requests: the nonce, the request's own Via, tags, Call-ID and user. */
    private static String comparable(String answer) {
        return answer.lines()
                .filter(line -> !line.startsWith("Via:") && !line.startsWith("From:") && !line.startsWith("To:") && !line.startsWith("Call-ID:"))
                .map(line -> line.replaceAll("nonce=\"[^\"]*\"", "nonce=…").replaceAll("Retry-After: \\d+", "Retry-After: …"))
                .toList().toString();
    }

    private static String md5(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A request on the caller's Call-ID as a stranger could write it: its own Via branch, the tags given (null for none). */
    private static String inDialog(String method, String callId, String fromTag, String toTag, int cseq, String rest) {
        return method + " sip:acd@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5733;branch=z9hG4bK-stranger-" + method + "-" + System.nanoTime() + "\r\n"
                + "From: <sip:+49301234567@127.0.0.1>" + (fromTag == null ? "" : ";tag=" + fromTag) + "\r\n"
                + "To: <sip:" + HOTLINE + "@127.0.0.1>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " " + method + "\r\nMax-Forwards: 70\r\n"
                + (rest.contains("Content-Length") ? rest : rest + "Content-Length: 0\r\n\r\n");
    }

    private void awaitState(int extension, String state) {
        Awaitility.await(extension + " " + state).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> calls.stateOf(extension), body -> body.contains("\"" + state + "\""));
    }

    /** Sends one UDP datagram to the node's SIP port and returns the first answer. */
    private static String exchange(String message, int localPort) throws Exception {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(localPort, java.net.InetAddress.getByName("127.0.0.1"))) {
            socket.setSoTimeout(5000);
            byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
            socket.send(new java.net.DatagramPacket(bytes, bytes.length, java.net.InetAddress.getByName("127.0.0.1"), node.ports().sip()));
            java.net.DatagramPacket answer = new java.net.DatagramPacket(new byte[8192], 8192);
            String text;
            do {
                // Provisional answers (100 Trying) come before the one that counts.
                socket.receive(answer);
                text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
            } while (text.startsWith("SIP/2.0 1"));
            return text;
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
}
