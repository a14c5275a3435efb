package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.launcher.DemoHome;
import io.verbund.acd.launcher.DemoNode;
import io.verbund.acd.launcher.ExitCode;
import io.verbund.acd.launcher.NodePorts;
import io.verbund.acd.launcher.ProcessRecord;
import io.verbund.acd.launcher.ServiceHealth;
import io.verbund.acd.launcher.Verbund;
import io.verbund.acd.user.PasswordHash;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real node — the launcher's MariaDB and WildFly with the four WARs — started once for the
 * class. Every test leaves it running and healthy, so they do not depend on their order.
 */
class DemoNodeIT {

    private static final int PORT_OFFSET = 200;

    @TempDir
    static Path homeFolder;

    private static DemoNode node;

    @BeforeAll
    static void startNode() {
        node = TestNodes.startNode(homeFolder, PORT_OFFSET, java.util.Map.of());
    }

    @AfterAll
    static void stopNode() {
        TestNodes.stopNode(node);
    }

    @Test
    void everyServiceAnswersHealthWithItsNameAndTheThreeDatabaseRolesUp() {
        for (ServiceHealth.Endpoint endpoint : node.health().endpoints()) {
            ServiceHealth.Answer answer = node.health().probe(endpoint);

            assertThat(answer.status()).as(endpoint.uri().toString()).isEqualTo(200);
            JsonObject health = TestNodes.json(answer.body());
            assertThat(health.getString("status")).isEqualTo("UP");
            assertThat(health.getString("service")).isEqualTo(endpoint.service());
            assertThat(health.getString("node")).isEqualTo(DemoNode.NODE_NAME);
            JsonObject checks = health.getJsonObject("checks");
            for (String role : List.of("master", "realtime", "reporting")) {
                JsonObject datasource = checks.getJsonObject("datasources").getJsonObject(role);
                assertThat(datasource.getString("status")).as(endpoint.service() + " " + role).isEqualTo("UP");
                assertThat(datasource.getInt("port")).isEqualTo(node.database().port());
            }
            assertThat(checks.getJsonObject("schema").getString("status")).isEqualTo("UP");
            assertThat(checks.getJsonObject("schema").getString("version")).isNotBlank();
            JsonObject cache = checks.getJsonObject("cache");
            assertThat(cache.getString("status")).isEqualTo("UP");
            assertThat(cache.getJsonArray("members").getString(0)).isEqualTo(cache.getString("self"));
        }
    }

    @Test
    void demoDataIsPresentForBothTenants() throws SQLException {
        try (Connection db = node.database().connect()) {
            assertThat(column(db, "SELECT tenant_key FROM tenant WHERE tenant_key IN ('demo','acme') ORDER BY tenant_key"))
                    .containsExactly("acme", "demo");
            assertThat(column(db, "SELECT s.number FROM service_number s JOIN tenant t ON t.id = s.tenant_id"
                    + " WHERE t.tenant_key = 'demo' ORDER BY s.number"))
                    .containsExactly("+4930500100", "+4930500200", "+4930500300");
            assertThat(column(db, "SELECT s.number FROM service_number s JOIN tenant t ON t.id = s.tenant_id"
                    + " WHERE t.tenant_key = 'acme'")).containsExactly("+4940700100");
            assertThat(column(db, "SELECT a.extension FROM agent a JOIN tenant t ON t.id = a.tenant_id"
                    + " WHERE t.tenant_key = 'demo' ORDER BY a.extension"))
                    .containsExactly("1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1010");
            assertThat(column(db, "SELECT a.extension FROM agent a JOIN tenant t ON t.id = a.tenant_id"
                    + " WHERE t.tenant_key = 'acme' ORDER BY a.extension")).containsExactly("2001", "2002");
            assertThat(column(db, "SELECT CONCAT(g.name, ':', COUNT(m.agent_id)) FROM acd_group g"
                    + " JOIN group_membership m ON m.group_id = g.id GROUP BY g.name ORDER BY g.name"))
                    .containsExactly("Sales:5", "Service:2", "Support:5");
            assertThat(passwordOf(db, "admin@demo").matches("demo-admin".toCharArray())).isTrue();
            assertThat(passwordOf(db, "agent2001@acme").matches("acme-2001".toCharArray())).isTrue();
            assertThat(passwordOf(db, "sysadmin").matches("system-admin".toCharArray())).isTrue();
            assertThat(passwordOf(db, "supervisor@demo").matches("wrong".toCharArray())).isFalse();
        }
    }

    @Test
    void aSecondStartOnTheSameHomeIsRefusedPlainly() {
        Output output = new Output();

        int exit = Verbund.run(output.out, output.err, "demo", "--home", homeFolder.toString(),
                "--node", TestNodes.nodeDir().toString(), "--port-offset", "250");

        assertThat(exit).isEqualTo(ExitCode.ALREADY_RUNNING.code());
        assertThat(output.err()).contains("already running").contains("./verbund stop").doesNotContain("Exception");
        assertThat(node.health().probe(node.health().endpoints().get(0)).up()).isTrue();
    }

    @Test
    void aPortInUseIsNamedAndNothingStarts(@TempDir Path otherHome) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(NodePorts.HOST), NodePorts.firstFree(40080)));
            int offset = taken.getLocalPort() - 8080;
            Output output = new Output();

            int exit = Verbund.run(output.out, output.err, "demo", "--home", otherHome.toString(),
                    "--node", TestNodes.nodeDir().toString(), "--port-offset", Integer.toString(offset));

            assertThat(exit).isEqualTo(ExitCode.PORT_IN_USE.code());
            assertThat(output.err()).contains("Port " + taken.getLocalPort()).contains("HTTP");
            assertThat(otherHome.resolve("db/data")).doesNotExist();
            assertThat(new DemoHome(otherHome).isLocked()).isFalse();
        }
    }

    @Test
    void leftoversOfAKilledLauncherAreNamedAndStopEndsThem(@TempDir Path otherHome) throws Exception {
        // Stands in for a WildFly whose launcher was killed: a live process naming the home folder.
        Path log = java.nio.file.Files.createFile(otherHome.resolve("leftover.log"));
        Process orphan = new ProcessBuilder("tail", "-f", log.toString()).start();
        try {
            new ProcessRecord(Long.MAX_VALUE, OptionalLong.empty(), OptionalLong.of(orphan.pid()), 3316, 0,
                    "http://127.0.0.1:8080/", Instant.now()).write(new DemoHome(otherHome).processRecordFile());
            Output start = new Output();

            int exit = Verbund.run(start.out, start.err, "demo", "--home", otherHome.toString(),
                    "--node", TestNodes.nodeDir().toString(), "--port-offset", "260");

            assertThat(exit).isEqualTo(ExitCode.ALREADY_RUNNING.code());
            assertThat(start.err()).contains("earlier run").contains("pid " + orphan.pid()).contains("./verbund stop");
            assertThat(orphan.isAlive()).isTrue();

            Output stop = new Output();
            assertThat(Verbund.run(stop.out, stop.err, "stop", "--home", otherHome.toString())).isZero();
            assertThat(orphan.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("the leftover process ended").isTrue();
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void aStoppedDatabaseTurnsEveryHealthDownWith503AndBackUpWhenItReturns() {
        node.database().stop();
        try {
            for (ServiceHealth.Endpoint endpoint : node.health().endpoints()) {
                ServiceHealth.Answer answer = node.health().probe(endpoint);

                assertThat(answer.status()).as(endpoint.uri().toString()).isEqualTo(503);
                JsonObject health = TestNodes.json(answer.body());
                assertThat(health.getString("status")).isEqualTo("DOWN");
                assertThat(health.getJsonObject("checks").getJsonObject("datasources")
                        .getJsonObject("master").getString("status")).isEqualTo("DOWN");
            }
        } finally {
            node.database().start();
        }
        awaitAllUp(Duration.ofSeconds(60));
    }

    @Test
    void dataSurvivesARestartAndStopLeavesNoProcessBehind() throws SQLException {
        String marker = "IT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        long tenantsBefore;
        try (Connection db = node.database().connect()) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO pause_reason (tenant_id, code, label)"
                    + " SELECT id, ?, 'survives a restart' FROM tenant WHERE tenant_key = 'demo'")) {
                insert.setString(1, marker);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            tenantsBefore = count(db, "SELECT COUNT(*) FROM tenant");
        }
        long databasePid = node.database().pid().orElseThrow();
        long wildflyPid = node.wildfly().pid().orElseThrow();
        String certificate = node.wildfly().certificate().fingerprint();

        node.stop();

        assertThat(ProcessHandle.of(databasePid).map(ProcessHandle::isAlive)).as("MariaDB process").isNotEqualTo(java.util.Optional.of(true));
        assertThat(ProcessHandle.of(wildflyPid).map(ProcessHandle::isAlive)).as("WildFly process").isNotEqualTo(java.util.Optional.of(true));
        assertThat(TestNodes.processesUsing(homeFolder)).isEmpty();

        node.start(false);

        assertThat(node.wildfly().certificate().fingerprint()).as("the same certificate after a restart").isEqualTo(certificate);
        try (Connection db = node.database().connect()) {
            assertThat(count(db, "SELECT COUNT(*) FROM pause_reason WHERE code = '" + marker + "'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM tenant")).isEqualTo(tenantsBefore);
        }
    }

    private static void awaitAllUp(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            boolean allUp = node.health().endpoints().stream().allMatch(endpoint -> node.health().probe(endpoint).up());
            if (allUp) {
                return;
            }
            assertThat(Instant.now()).as("all services UP again within " + timeout).isBefore(deadline);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void httpsAnswersWithTheNodesOwnCertificateAndHstsOnEveryServiceButPlainHttpHasNoHsts() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(node.wildfly().certificate().trustingOnlyThis())
                .connectTimeout(Duration.ofSeconds(5)).build();

        for (String path : List.of("api/v1/health", "telephony/health", "stats/health", "storage/health")) {
            HttpResponse<String> secure = https.send(HttpRequest.newBuilder(URI.create(node.httpsUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(secure.statusCode()).as(path).isEqualTo(200);
            assertThat(secure.headers().firstValue("Strict-Transport-Security")).as(path).contains("max-age=31536000");

            HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.portalUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).as("plain HTTP stays for loopback clients: " + path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
        assertThat(node.httpsUrl()).isEqualTo("https://127.0.0.1:" + (8443 + PORT_OFFSET) + "/");
    }

    @Test
    void curlTrustingOnlyTheGeneratedCertificateReachesHealthOverHttps() throws Exception {
        Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "20", "--cacert", node.wildfly().certificate().certificatePem().toString(),
                node.httpsUrl() + "api/v1/health").redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(curl.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(curl.exitValue()).as(output).isZero();
        assertThat(TestNodes.json(output).getString("status")).isEqualTo("UP");

        Process untrusted = new ProcessBuilder("curl", "-sS", "--max-time", "20", node.httpsUrl() + "api/v1/health")
                .redirectErrorStream(true).start();
        untrusted.getInputStream().readAllBytes();
        assertThat(untrusted.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(untrusted.exitValue()).as("curl without --cacert refuses the self-signed certificate").isEqualTo(60);
    }

    @Test
    void aLoginOverHttpsGetsASecureSessionCookieAndOneOverLoopbackHttpStaysUsable() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(node.wildfly().certificate().trustingOnlyThis()).build();
        String login = "{\"login\":\"supervisor@demo\",\"password\":\"demo-supervisor\"}";

        HttpResponse<String> secure = https.send(HttpRequest.newBuilder(URI.create(node.httpsUrl() + "api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.portalUrl() + "api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(secure.statusCode()).as(secure.body()).isEqualTo(200);
        assertThat(sessionCookie(secure)).containsIgnoringCase("; secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        assertThat(sessionCookie(plain)).doesNotContainIgnoringCase("secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    void aCallOverSipTlsReachesAReadyAgentAndEndsCleanly(@TempDir Path sippFolder) throws Exception {
        DemoCalls calls = new DemoCalls(node, sippFolder);
        Sipp agentSide = calls.sipp();
        calls.register(agentSide, 1003, 5291);
        Process phone = agentSide.start("agent-answer.xml", 5291, List.of("-m", "1", "-d", "200", "-timeout", "60s"));
        calls.setState(1003, "READY");
        // The trunk's INVITE names TLS in its Via and Contact, as a caller on a TLS connection does.
        Path callerOverTls = sippFolder.resolve("caller-tls.xml");
        java.nio.file.Files.writeString(callerOverTls, java.nio.file.Files.readString(Sipp.scenario("caller.xml"))
                .replace("[transport]", "TLS").replace("transport=TLS", "transport=tls"));
        try (TlsRelay relay = new TlsRelay(NodePorts.HOST, node.ports().sipTls(), node.wildfly().certificate().trustingOnlyThis())) {
            Sipp.Result caller = new Sipp(relay.port(), sippFolder).run(callerOverTls, 5292,
                    List.of("-t", "t1", "-s", "+4930500100", "-m", "1", "-d", "500", "-timeout", "60s"));

            assertThat(caller.exit()).as("caller over TLS: %s%n%s", caller.command(), agentSide.errorLogs()).isZero();
            assertThat(relay.protocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", agentSide.errorLogs()).isZero();
            assertThat(calls.awaitRecord("ANSWERED")).contains("1003");
        } finally {
            Sipp.stopAll();
            calls.setState(1003, "LOGGED_OUT");
        }
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("VERBUND_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    private static PasswordHash passwordOf(Connection db, String login) throws SQLException {
        List<String> hashes = column(db, "SELECT password_hash FROM app_user WHERE login = '" + login + "'");
        assertThat(hashes).as("user " + login).hasSize(1);
        return PasswordHash.parse(hashes.get(0));
    }

    private static List<String> column(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Captures what the launcher prints. */
    private static final class Output {
        private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8) + outBytes.toString(StandardCharsets.UTF_8);
        }
    }
}
