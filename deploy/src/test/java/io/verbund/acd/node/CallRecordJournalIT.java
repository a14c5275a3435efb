package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.verbund.acd.launcher.DemoNode;
import io.verbund.acd.launcher.ServiceHealth;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call records' journal through the real path: what the node acknowledged reaches the master
 * exactly once across a SIGKILL of the server and across an outage of the database, and a row the
 * database refuses goes to the dead letters without holding back the rows after it.
 */
class CallRecordJournalIT {

    private static final int PORT_OFFSET = 2000;
    private static final int AGENTS = 10;
    private static final int AGENT_PHONES_PORT = 7071;
    private static final String HOTLINE = "+4930500100";

    @TempDir
    static Path homeFolder;

    @TempDir
    Path sippFolder;

    private static DemoNode node;
    private Sipp sipp;

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNodes.startNode(homeFolder, PORT_OFFSET, Map.of());
        try (Connection db = node.database().connect()) {
            BenchTenant.create(db, AGENTS);
        }
    }

    @AfterAll
    static void stopNode() {
        TestNodes.stopNode(node);
    }

    @BeforeEach
    void sippInThisTestsFolder() {
        sipp = new Sipp(node.ports().sip(), sippFolder);
    }

    @AfterEach
    void stopSipp() throws InterruptedException {
        Sipp.stopAll();
    }

    @Test
    void callsCompletedBeforeTheServerIsKilledAreAllRecordedOnceAfterItRestarts() throws Exception {
        readyAgents();
        // With the database stopped, the calls' writes can only be in the journal when the server dies.
        node.database().stop();
        Sipp.Result callers = sipp.run("caller.xml", 7080, callerOptions("killed", 30, 10));
        Set<String> completed = completedCallIds("killed");

        node.killServer();
        node.database().start();
        node.restartServer();

        assertThat(completed).as("calls SIPp completed (exit %d): %s", callers.exit(), sipp.errorLogs()).hasSizeGreaterThanOrEqualTo(20);
        assertRecordedOnce(completed);
    }

    @Test
    void callsDuringADatabaseOutageAreAllRecordedOnceItIsBack() throws Exception {
        readyAgents();
        Process callers = sipp.start("caller.xml", 7090, callerOptions("outage", 400, 10));
        awaitCompletedCalls("outage", 3);

        node.database().stop();
        // Calls go on at 10 a second; their writes wait in the journal until it is 30 s behind.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> journalFigures().getJsonNumber("oldestAgeMillis").longValue() >= 30_000);
        JsonObject duringOutage = journalFigures();
        node.database().start();

        Sipp.Result result = Sipp.await(callers, 120);
        Set<String> completed = completedCallIds("outage");
        assertThat(duringOutage.getBoolean("waitingForMaster")).isTrue();
        assertThat(duringOutage.getJsonNumber("backlogEntries").longValue()).isPositive();
        assertThat(completed).as("calls SIPp completed (exit %d): %s", result.exit(), sipp.errorLogs()).hasSizeGreaterThan(300);
        assertRecordedOnce(completed);
        await().atMost(Duration.ofSeconds(30)).until(() -> journalFigures().getJsonNumber("backlogEntries").longValue() == 0);
    }

    @Test
    void aRecordTheDatabaseRefusesGoesToTheDeadLettersAndTheWritesAfterItAreStored() throws Exception {
        // The database refuses this caller's record, as it would a row breaking a constraint a
        // later migration added; its events and every other call's rows it takes.
        String refusedCaller = "4930555000111";
        execute("ALTER TABLE call_record ADD CONSTRAINT ck_refused_in_test CHECK (caller IS NULL OR caller <> '" + refusedCaller + "')");
        try {
            String scenario = Files.readString(Sipp.scenario("caller-abandons.xml")).replace("+49301234567", refusedCaller);
            Path refusedCallerScenario = Files.writeString(sippFolder.resolve("caller-abandons-refused.xml"), scenario);

            Sipp.Result refused = sipp.run(refusedCallerScenario, 7095, List.of("-s", HOTLINE, "-m", "1", "-d", "500", "-cid_str", "refused-%u@%s"));
            Sipp.Result next = sipp.run("caller-abandons.xml", 7096, List.of("-s", HOTLINE, "-m", "1", "-d", "500", "-cid_str", "after-refused-%u@%s"));

            assertThat(refused.exit()).as(sipp.errorLogs()).isZero();
            assertThat(next.exit()).as(sipp.errorLogs()).isZero();
            await().atMost(Duration.ofSeconds(15)).until(() -> count("SELECT COUNT(*) FROM call_record WHERE call_id = ? AND outcome = 'ABANDONED'",
                    "after-refused-1@127.0.0.1") == 1);
            assertThat(count("SELECT COUNT(*) FROM call_record WHERE call_id = ?", "refused-1@127.0.0.1")).isZero();
            assertThat(count("SELECT COUNT(*) FROM event_dead_letter WHERE source = 'call-records' AND kind = 'RECORD'"
                    + " AND reason LIKE '%ck_refused_in_test%' AND payload LIKE CONCAT('[\"', ?, '\"%')", "refused-1@127.0.0.1")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM call_event WHERE call_id = ? AND type = 'CallAbandoned'", "refused-1@127.0.0.1"))
                    .as("the refused record's call events are stored").isEqualTo(1);
            assertThat(journalFigures().getJsonNumber("deadLetters").longValue()).isGreaterThanOrEqualTo(1);
        } finally {
            execute("ALTER TABLE call_record DROP CONSTRAINT ck_refused_in_test");
        }
    }

    /** Registers the bench agents' phones (one SIPp answers for all) and makes them READY: again after a restart. */
    private void readyAgents() throws Exception {
        Path agents = sippFolder.resolve("agents.csv");
        List<String> lines = new ArrayList<>(List.of("SEQUENTIAL"));
        IntStream.rangeClosed(1, AGENTS).mapToObj(CallRecordJournalIT::extension)
                .map(user -> user + ";[authentication username=" + user + " password=bench];" + AGENT_PHONES_PORT)
                .forEach(lines::add);
        Files.write(agents, lines);
        Sipp.Result registered = sipp.run("bench-register.xml", 7070, List.of("-inf", agents.toString(),
                "-m", Integer.toString(AGENTS), "-r", "50", "-timeout", "60s"));
        assertThat(registered.exit()).as("agent phones registered: %s", sipp.errorLogs()).isZero();
        sipp.start("agent-answer.xml", AGENT_PHONES_PORT, List.of("-d", "0", "-timeout", "240s"));
        ApiClient admin = ApiClient.as(URI.create(node.portalUrl()), "admin@bench", "bench-admin");
        for (int i = 1; i <= AGENTS; i++) {
            ApiClient.Answer answer = admin.put("api/v1/agents/" + extension(i) + "/state", "{\"state\":\"READY\"}");
            assertThat(answer.status()).as("%s READY: %s", extension(i), answer).isEqualTo(200);
        }
    }

    private static List<String> callerOptions(String name, int calls, int perSecond) {
        return List.of("-s", BenchTenant.SERVICE_NUMBER, "-r", Integer.toString(perSecond), "-m", Integer.toString(calls),
                "-l", Integer.toString(calls), "-d", "500", "-timeout", "150s", "-trace_logs", "-cid_str", name + "-%u-%p@%s");
    }

    private void awaitCompletedCalls(String name, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> completedCallIds(name).size() >= atLeast);
    }

    /** The Call-IDs the caller scenario logged after its final 200 to BYE (-trace_logs), of calls named {@code name}. */
    private Set<String> completedCallIds(String name) throws Exception {
        try (var files = Files.list(sippFolder)) {
            Set<String> ids = new java.util.HashSet<>();
            for (Path log : files.filter(path -> path.getFileName().toString().matches("caller_\\d+_logs\\.log")).toList()) {
                Files.readAllLines(log).stream().filter(line -> line.startsWith("completed " + name + "-"))
                        .map(line -> line.substring("completed ".length()).trim()).forEach(ids::add);
            }
            return ids;
        }
    }

    /**
     * Every completed call has one ended ANSWERED record, and each of its events once with the
     * call's sequence numbers 1..n without a gap; waits for the journal's drain.
     */
    private static void assertRecordedOnce(Set<String> completed) throws Exception {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> answeredAndEnded(completed).size() == completed.size());
        assertThat(answeredAndEnded(completed)).isEqualTo(completed);
        Map<String, List<String>> events = eventsByCall(completed);
        assertThat(events.keySet()).isEqualTo(completed);
        events.forEach((call, types) -> {
            assertThat(types).as("events of %s", call).containsOnlyOnce("CallReceived", "CallAnswered", "CallEnded");
        });
        // The agents' side of each call, journaled by the call path as well: reserved and on call once each (a phone
        // that answers at once skips ringing).
        Map<String, List<String>> agentStates = agentStatesByCall(completed);
        assertThat(agentStates.keySet()).isEqualTo(completed);
        agentStates.forEach((call, states) -> assertThat(states).as("agent states of %s", call).containsOnlyOnce("RESERVED", "ON_CALL"));
    }

    private static Set<String> answeredAndEnded(Set<String> calls) throws SQLException {
        Set<String> found = new java.util.HashSet<>();
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                "SELECT call_id FROM call_record WHERE call_id = ? AND outcome = 'ANSWERED' AND ended_at IS NOT NULL AND answered_at IS NOT NULL")) {
            for (String call : calls) {
                query.setString(1, call);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
        }
        return found;
    }

    /** The states agents entered for each call, from the agents' history. */
    private static Map<String, List<String>> agentStatesByCall(Set<String> calls) throws SQLException {
        Map<String, List<String>> states = new HashMap<>();
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                "SELECT state FROM agent_event WHERE call_id = ? ORDER BY occurred_at, seq")) {
            for (String call : calls) {
                query.setString(1, call);
                List<String> entered = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        entered.add(rows.getString(1));
                    }
                }
                if (!entered.isEmpty()) {
                    states.put(call, entered);
                }
            }
        }
        return states;
    }

    /** Each call's event types in seq order; fails on a gap in the sequence (a lost event). */
    private static Map<String, List<String>> eventsByCall(Set<String> calls) throws SQLException {
        Map<String, List<String>> events = new HashMap<>();
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                "SELECT seq, type FROM call_event WHERE call_id = ? ORDER BY seq")) {
            for (String call : calls) {
                query.setString(1, call);
                List<String> types = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        assertThat(rows.getInt(1)).as("seq of %s", call).isEqualTo(types.size() + 1);
                        types.add(rows.getString(2));
                    }
                }
                if (!types.isEmpty()) {
                    events.put(call, types);
                }
            }
        }
        return events;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection db = node.database().connect(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** {@code checks.callRecords} of the telephony server's health: answered also while the master is down (503). */
    private static JsonObject journalFigures() {
        ServiceHealth.Endpoint telephony = node.health().endpoints().stream()
                .filter(endpoint -> endpoint.service().equals("telephony-server")).findFirst().orElseThrow();
        return TestNodes.json(node.health().probe(telephony).body()).getJsonObject("checks").getJsonObject("callRecords");
    }

    private static String extension(int i) {
        return String.format("b%04d", i);
    }
}
