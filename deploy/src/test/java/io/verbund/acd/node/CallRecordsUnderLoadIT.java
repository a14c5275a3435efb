package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under a steady SIPp load through queue to agents, the call records in the database are exactly
 * the calls SIPp completed: one ANSWERED, ended record per completed Call-ID, each with its events,
 * and nothing else. A smaller cousin of deploy/bench/call-path-caps.sh that asserts instead of timing.
 */
class CallRecordsUnderLoadIT {

    private static final int AGENTS = 40;
    private static final int CALLS_PER_SECOND = 20;
    private static final int CALLS = 200;
    private static final int AGENT_PHONES_PORT = 5871;

    @TempDir
    Path sippFolder;

    private static DemoNode node;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startNode() {
        node = TestNodes.demoNode();
    }

    @AfterEach
    void stopSipp() throws InterruptedException {
        Sipp.stopAll();
    }

    @Test
    void everyCallSippCompletedHasExactlyOneAnsweredRecordWithItsEvents() throws Exception {
        try (Connection db = node.database().connect()) {
            BenchTenant.create(db, AGENTS);
        }
        Sipp sipp = new Sipp(node.ports().sip(), sippFolder);
        registerAgents(sipp);
        for (int i = 1; i <= AGENTS; i++) {
            makeReady(extension(i));
        }
        // One SIPp answers for every agent phone (their Contacts all point here), at once.
        sipp.start("agent-answer.xml", AGENT_PHONES_PORT, List.of("-d", "0", "-timeout", "180s"));

        Sipp.Result callers = sipp.run("caller.xml", 5890, List.of("-s", BenchTenant.SERVICE_NUMBER,
                "-r", Integer.toString(CALLS_PER_SECOND), "-m", Integer.toString(CALLS), "-l", Integer.toString(CALLS),
                "-d", "500", "-timeout", "120s", "-trace_logs"));

        Set<String> completed = completedCallIds();
        assertThat(callers.exit()).as("SIPp counted every call successful: %s", sipp.errorLogs()).isZero();
        assertThat(completed).as("Call-IDs SIPp logged as completed").hasSize(CALLS);
        assertThat(awaitEndedRecords(CALLS)).as("ANSWERED call records, one per completed call").isEqualTo(completed);
        assertThat(callIdsWithEvent("CallAnswered")).isEqualTo(completed);
        assertThat(callIdsWithEvent("CallEnded")).isEqualTo(completed);
    }

    private void registerAgents(Sipp sipp) throws Exception {
        Path agents = sippFolder.resolve("agents.csv");
        List<String> lines = new ArrayList<>(List.of("SEQUENTIAL"));
        IntStream.rangeClosed(1, AGENTS).mapToObj(CallRecordsUnderLoadIT::extension)
                .map(user -> user + ";[authentication username=" + user + " password=bench];" + AGENT_PHONES_PORT)
                .forEach(lines::add);
        Files.write(agents, lines);
        Sipp.Result registered = sipp.run("bench-register.xml", 5870, List.of("-inf", agents.toString(),
                "-m", Integer.toString(AGENTS), "-r", "50", "-timeout", "60s"));
        assertThat(registered.exit()).as("all %d agent phones registered: %s", AGENTS, sipp.errorLogs()).isZero();
    }

    private void makeReady(String extension) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.ports().http() + "/api/v1/agents/" + extension + "/state"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin@bench:bench-admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"READY\"}")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s READY: %s", extension, response.body()).isEqualTo(200);
    }

    private static String extension(int i) {
        return String.format("b%04d", i);
    }

    /** The Call-IDs the caller scenario logged after its final 200 to BYE (-trace_logs). */
    private Set<String> completedCallIds() throws Exception {
        try (var files = Files.list(sippFolder)) {
            List<Path> logs = files.filter(path -> path.getFileName().toString().matches("caller_\\d+_logs\\.log")).toList();
            assertThat(logs).as("the caller's -trace_logs file").hasSize(1);
            return Files.readAllLines(logs.get(0)).stream().filter(line -> line.startsWith("completed "))
                    .map(line -> line.substring("completed ".length()).trim()).collect(Collectors.toSet());
        }
    }

    /** The Call-IDs of the bench tenant's ended ANSWERED records, once there are {@code count} or 15 s passed. */
    private static Set<String> awaitEndedRecords(int count) throws Exception {
        Set<String> answered = awaitCallIds(count, "SELECT r.call_id FROM call_record r JOIN tenant t ON t.id = r.tenant_id"
                + " WHERE t.tenant_key = ? AND r.outcome = 'ANSWERED' AND r.ended_at IS NOT NULL AND r.answered_at IS NOT NULL");
        Set<String> all = callIds("SELECT r.call_id FROM call_record r JOIN tenant t ON t.id = r.tenant_id WHERE t.tenant_key = ?", "bench");
        assertThat(all).as("no call record beyond the answered ones").isEqualTo(answered);
        return answered;
    }

    private static Set<String> callIdsWithEvent(String type) throws Exception {
        return awaitCallIds(CALLS, "SELECT DISTINCT e.call_id FROM call_event e JOIN tenant t ON t.id = e.tenant_id"
                + " WHERE t.tenant_key = ? AND e.type = '" + type + "'");
    }

    /** Records and events are written in batches a moment after the call: wait for {@code count} or 15 s. */
    private static Set<String> awaitCallIds(int count, String sql) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        Set<String> ids = callIds(sql, "bench");
        while (ids.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            ids = callIds(sql, "bench");
        }
        return ids;
    }

    private static Set<String> callIds(String sql, String parameter) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
