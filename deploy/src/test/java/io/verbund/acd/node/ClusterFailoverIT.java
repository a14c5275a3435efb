package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.launcher.Cluster;
import io.verbund.acd.launcher.ClusterDatabase;
import io.verbund.acd.launcher.HaproxyAdmin;
import io.verbund.acd.launcher.NodeCertificate;
import io.verbund.acd.launcher.Verbund;
import io.verbund.acd.lbconfig.topology.Database;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The redundant topology of ./verbund cluster, started from lb-config's generated files (every
 * port moved, see cluster-it.yaml), and the failures it is built for, each under real SIPp calls
 * through Kamailio: the primary master killed with SIGKILL, each replica killed, a WildFly node
 * killed. Statistics are read where the concept says: reports from replica 2 only (never a master,
 * never replica 1), one node keeping the slices by the lease row. The tests run in order on one
 * cluster; the node kill comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final int AGENTS = 20;
    private static final int AGENT_PHONES_PORT = 5971;
    /** The raw phone of the agent who hangs up right after its call's node was killed (extension AGENTS + 1). */
    private static final int HANGING_UP_PHONE_PORT = 5998;
    /** The phone that rings for a caller on the killed node and is never picked up. */
    private static final int RINGING_PHONE_PORT = 5989;
    private static final long MASTER1 = 1;
    private static final long MASTER2 = 2;
    private static final long REPLICA1 = 3;
    private static final long REPLICA2 = 4;

    @TempDir
    static Path home;

    @TempDir
    Path sippFolder;

    private static Cluster cluster;
    /** Plain HTTP to the nodes, HTTPS through haproxy trusting only the certificate the cluster made. */
    private static HttpClient http;

    @BeforeAll
    static void startCluster() throws Exception {
        Path topology = home.resolve("cluster-it.yaml");
        Files.copy(Path.of(ClusterFailoverIT.class.getResource("/cluster-it.yaml").toURI()), topology, StandardCopyOption.REPLACE_EXISTING);
        cluster = new Cluster(TestNodes.installation(), home.resolve("cluster"), topology, System.out);
        // Without --demo, as an operator starts it: no demo tenants, a generated system administrator.
        cluster.start(false, false);
        http = HttpClient.newBuilder().sslContext(cluster.certificate().trustingOnlyThis()).build();
        try (Connection db = master()) {
            BenchTenant.create(db, AGENTS + 2);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @AfterEach
    void stopSipp() throws InterruptedException {
        Sipp.stopAll();
    }

    @Test
    @Order(1)
    void statusShowsEveryPartHealthyAndWritesOnThePrimary() throws Exception {
        Launch status = verbund("status");

        assertThat(status.exit()).as(status.output()).isZero();
        assertThat(status.output()).contains("Active master: master1 (the primary", "All parts are healthy.");
        assertThat(status.output()).containsPattern("replica1 .*replicates from master1: running, lag \\d+ s");
        assertThat(status.output()).as("the softphone edge beside Kamailio").containsPattern("edge +pid \\d+ running +browser softphones at wss://")
                .containsPattern("rtpengine +pid \\d+ running");
        for (Cluster.Node node : cluster.nodes()) {
            JsonObject cache = health(node, "/telephony/health").getJsonObject("checks").getJsonObject("cache");
            assertThat(cache.getJsonArray("members").getValuesAs(jakarta.json.JsonString::getString))
                    .as("one cache cluster of both nodes").containsExactlyInAnyOrder("node-a", "node-b");
        }
        assertThat(cluster.serverIdBehind(cluster.topology().frontends().dbMaster())).isEqualTo(MASTER1);
        assertThat(cluster.serverIdBehind(cluster.topology().frontends().dbRealtime())).isEqualTo(3);
        assertThat(cluster.serverIdBehind(cluster.topology().frontends().dbReporting())).isEqualTo(4);
        // master1's commits wait for master2's receipt (so a failover loses nothing acknowledged, and master1's
        // crash recovery cuts what master2 never got); the replicas' acks do not count.
        assertThat(semiSyncStatus("master1")).containsEntry("Rpl_semi_sync_master_status", "ON")
                .containsEntry("Rpl_semi_sync_master_clients", "1").containsEntry("Rpl_semi_sync_slave_status", "ON");
        assertThat(semiSyncStatus("master2")).containsEntry("Rpl_semi_sync_slave_status", "ON");
        assertThat(semiSyncStatus("replica1")).containsEntry("Rpl_semi_sync_slave_status", "OFF");
    }

    /** ./verbund backup on a running cluster: the dump from a healthy replica, not from the master taking the writes. */
    @Test
    @Order(1)
    void aBackupIsTakenFromAHealthyReplicaAndARunningClusterIsNotRestored() throws Exception {
        awaitTrue("the bench tenant replicated to replica1", Duration.ofSeconds(30), () -> {
            try (Connection db = cluster.database("replica1").connect(); Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM tenant WHERE tenant_key = 'bench'")) {
                return rows.next() && rows.getInt(1) == 1;
            }
        });
        Path backup = sippFolder.resolve("backup");

        Launch backedUp = verbund("backup", backup.toString());

        assertThat(backedUp.exit()).as(backedUp.output()).isZero();
        assertThat(backedUp.output()).contains("Backing up from replica replica1 (replication running");
        assertThat(Files.readString(backup.resolve("manifest.properties"))).contains("database.source=replica1 (replica, ")
                .containsPattern("database.gtid=[0-9-,]+\\n");
        assertThat(Files.readString(backup.resolve("database/verbund.sql"))).contains("INSERT INTO `tenant`").contains("'bench'");
        assertThat(backedUp.output()).as("the administrator's password stays out of the output")
                .doesNotContain(new io.verbund.acd.launcher.DemoHome(home.resolve("cluster")).databaseAdminPassword());
        Launch restore = verbund("restore", backup.toString());
        assertThat(restore.exit()).as(restore.output()).isEqualTo(io.verbund.acd.launcher.ExitCode.ALREADY_RUNNING.code());
        assertThat(restore.output()).contains("restore needs it stopped").contains("Nothing was changed.");
    }

    /**
     * Last, as it stops the cluster: a backup, every database's data folder and the storage lost,
     * the restore (the primary master loaded, the others re-seeded from it by replication), and the
     * cluster started again on it with the same records on every server.
     */
    @Test
    @Order(8)
    void aClusterWhoseDatabasesAndStorageWereLostComesBackFromItsBackup() throws Exception {
        awaitTrue("replica1 has every call record of the master", Duration.ofSeconds(30), () -> records("replica1").equals(records("master1")));
        List<String> records = records("master1");
        assertThat(records).as("agents and tenants at least").isNotEmpty();
        Path storage = cluster.root().resolve("storage");
        Path backup = sippFolder.resolve("backup");
        assertThat(verbund("backup", backup.toString()).exit()).isZero();
        Map<String, String> files = checksums(backup.resolve("storage"));

        cluster.stop();
        for (Database database : cluster.topology().databases()) {
            deleteTree(cluster.root().resolve("db").resolve(database.name()).resolve("data"));
        }
        deleteTree(storage);
        Launch restored = verbund("restore", backup.toString());

        assertThat(restored.exit()).as(restored.output()).isZero();
        assertThat(restored.output()).contains("every file matches its SHA-256").contains("loading the dump into master1")
                .containsPattern("replica2 +has applied the restore");
        assertThat(checksums(storage)).isEqualTo(files);
        cluster = new Cluster(TestNodes.installation(), home.resolve("cluster"), home.resolve("cluster-it.yaml"), System.out);
        cluster.start(false, false);
        for (Database database : cluster.topology().databases()) {
            assertThat(records(database.name())).as("the same records on " + database.name()).isEqualTo(records);
        }
    }

    /** Every tenant's, agent's and call record's id, as one server holds them. */
    private static List<String> records(String database) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection db = cluster.database(database).connect(); Statement statement = db.createStatement()) {
            for (String table : List.of("tenant", "agent", "call_record")) {
                try (ResultSet rows = statement.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
                    while (rows.next()) {
                        ids.add(table + " " + rows.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    private static Map<String, String> checksums(Path root) throws Exception {
        Map<String, String> sums = new java.util.TreeMap<>();
        if (Files.isDirectory(root)) {
            try (var paths = Files.walk(root)) {
                for (Path file : paths.filter(Files::isRegularFile).toList()) {
                    sums.put(root.relativize(file).toString(), java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
                }
            }
        }
        return sums;
    }

    private static void deleteTree(Path tree) throws Exception {
        if (Files.exists(tree)) {
            try (var paths = Files.walk(tree)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static Map<String, String> semiSyncStatus(String database) throws SQLException {
        Map<String, String> status = new HashMap<>();
        try (Connection db = cluster.database(database).connectAsAdmin(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Rpl_semi_sync_%'")) {
            while (rows.next()) {
                status.put(rows.getString(1), rows.getString(2));
            }
        }
        return status;
    }

    @Test
    @Order(0)
    void withoutDemoTheFirstStartCreatedOnlyTheSystemAdministratorWithItsPrintedPassword() throws Exception {
        assertThat(cluster.firstAdminPassword()).as("the password the banner prints once").isPresent();
        String tenants = cluster.httpsUrl() + "api/v1/tenants";
        HttpResponse<String> asAdmin = http.send(HttpRequest.newBuilder(URI.create(tenants)).header("Authorization",
                basic("sysadmin", cluster.firstAdminPassword().orElseThrow())).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asAdmin.statusCode()).as(asAdmin.body()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("\"bench\"").doesNotContain("\"demo\"", "\"acme\"");
        for (String[] published : new String[][] {{"sysadmin", "system-admin"}, {"admin@demo", "demo-admin"}}) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(tenants)).header("Authorization",
                    basic(published[0], published[1])).timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("the demo's published login %s", published[0]).isEqualTo(401);
        }
        try (Connection db = master(); PreparedStatement query = db.prepareStatement(
                "SELECT password_hash FROM app_user WHERE login = 'sysadmin'"); ResultSet row = query.executeQuery()) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).as("only the hash is stored").startsWith("PBKDF2WithHmacSHA256:")
                    .doesNotContain(cluster.firstAdminPassword().orElseThrow());
        }
    }

    @Test
    @Order(1)
    void everyDatabaseConnectionIsTlsAndThePlainOneIsRefused() throws Exception {
        try (Connection db = master(); Statement statement = db.createStatement();
             ResultSet cipher = statement.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
            assertThat(cipher.next()).isTrue();
            assertThat(cipher.getString(2)).as("the application user's session through haproxy is encrypted").isNotBlank();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(masterUrl() + "?connectTimeout=3000", "verbund", cluster.applicationPassword()).close())
                .as("the application user without TLS").isInstanceOf(SQLException.class);
        // The nodes work (the tests before and after), so their pools connect as 'verbund', which only TLS lets in,
        // and check the server's name: their generated datasources say verify-full.
        for (Cluster.Node node : cluster.nodes()) {
            assertThat(Files.readString(home.resolve("cluster/config/wildfly/" + node.name() + ".cli")))
                    .contains("/verbund?sslMode=verify-full&serverSslCert=").doesNotContain("verify-ca");
        }
        // The same server under a name its certificate does not carry: the CA signed it, the name is wrong.
        String byName = "jdbc:mariadb://localhost:" + cluster.topology().frontends().dbMaster() + "/verbund?connectTimeout=3000&serverSslCert="
                + cluster.tlsDir().resolve("ca.pem") + "&sslMode=";
        try (Connection caOnly = DriverManager.getConnection(byName + "verify-ca", "verbund", cluster.applicationPassword())) {
            assertThat(caOnly.isValid(5)).as("the CA alone accepts it").isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(byName + "verify-full", "verbund", cluster.applicationPassword()).close())
                .as("verify-full refuses a certificate without the dialled name in its subjectAltName").isInstanceOf(SQLException.class);
        try (Connection db = cluster.database("master1").connectAsAdmin(); Statement statement = db.createStatement();
             ResultSet accounts = statement.executeQuery("SELECT User, ssl_type FROM mysql.user WHERE User IN ('verbund', 'verbund_admin', 'replication')")) {
            int accountsSeen = 0;
            while (accounts.next()) {
                accountsSeen++;
                assertThat(accounts.getString(2)).as("%s requires TLS", accounts.getString(1)).isEqualTo("ANY");
            }
            assertThat(accountsSeen).isGreaterThanOrEqualTo(3);
        }
        for (String replica : List.of("master1", "master2", "replica1", "replica2")) {
            try (Connection db = cluster.database(replica).connectAsAdmin(); Statement statement = db.createStatement();
                 ResultSet status = statement.executeQuery("SHOW SLAVE STATUS")) {
                assertThat(status.next()).isTrue();
                assertThat(status.getString("Master_SSL_Allowed")).as("%s replicates over TLS", replica).isEqualTo("Yes");
                assertThat(status.getString("Master_SSL_Verify_Server_Cert")).isEqualTo("Yes");
            }
        }
    }

    @Test
    @Order(2)
    void haproxyEndsTlsWithHstsRedirectsPlainHttpAndTheNodesMarkTheSessionCookieSecure() throws Exception {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cluster.httpUrl() + "agent?x=1"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(308);
        assertThat(plain.headers().firstValue("location")).contains(cluster.httpsUrl() + "agent?x=1");

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(cluster.httpsUrl() + "api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("login", "sysadmin")
                        .add("password", cluster.firstAdminPassword().orElseThrow()).build().toString()))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().allValues("strict-transport-security")).containsExactly("max-age=31536000");
        assertThat(login.headers().allValues("set-cookie")).filteredOn(cookie -> cookie.startsWith("VERBUND_SESSION="))
                .singleElement().asString().containsIgnoringCase("; secure");
        assertThat(login.headers().allValues("set-cookie")).filteredOn(cookie -> cookie.startsWith("SERVERID="))
                .singleElement().asString().containsIgnoringCase("secure");
    }

    /**
     * Issue 16, REGISTER in the cluster: wrong answers spread over both nodes (as Kamailio may send
     * them) add up to one lockout that both nodes enforce; a nonce is only good on the node that
     * issued it (per-node key, so per-node replay tracking is complete): an answer to node A's
     * challenge sent to node B gets 401 stale, the answer to B's own challenge registers, and that
     * answer replayed at A is refused too.
     */
    @Test
    @Order(2)
    void registerFailuresCountClusterWideAndANonceIsGoodOnlyOnTheNodeThatIssuedIt() throws Exception {
        Cluster.Node a = cluster.nodes().get(0);
        Cluster.Node b = cluster.nodes().get(1);
        // An unknown name: counted like a known one (the per-user limit is 10), and no agent is locked out.
        for (int i = 0; i < 10; i++) {
            Cluster.Node node = i % 2 == 0 ? a : b;
            String answer = answerChallenge(node, node, "7788", "guess-" + i, 5961, "z9hG4bK-cl-guess-" + i).answer();
            assertThat(answer).as("guess %d on %s", i, node.name()).startsWith("SIP/2.0 401");
        }
        for (Cluster.Node node : List.of(a, b)) {
            String locked = sipExchange(node, registerRequest(node, "7788", 5962, "z9hG4bK-cl-locked-" + node.name(), 1, 0, ""), 5962);
            assertThat(locked).as("5 guesses on each node lock the name on %s", node.name()).startsWith("SIP/2.0 403")
                    .contains("Retry-After");
        }

        Registration crossed = answerChallenge(a, b, extension(AGENTS), "bench", 5963, "z9hG4bK-cl-cross");
        assertThat(crossed.answer()).as("node A's nonce at node B").startsWith("SIP/2.0 401").contains("stale=true");
        Registration atB = answerChallenge(b, b, extension(AGENTS), "bench", 5963, "z9hG4bK-cl-b");
        assertThat(atB.answer()).as("B's own challenge").startsWith("SIP/2.0 200");
        String replayed = sipExchange(a, atB.request().replace("z9hG4bK-cl-b-2", "z9hG4bK-cl-replay"), 5963);
        assertThat(replayed).as("B's answer replayed at A").startsWith("SIP/2.0 401").contains("stale=true");
    }

    /**
     * In a master failover's seconds the configuration a call needs is read from replica 1: here both
     * masters are out of haproxy's master frontend for a moment, and a phone's REGISTER (its account,
     * never served stale) still gets its 200.
     */
    @Test
    @Order(2)
    void aPhoneRegistersWhileTheMasterFrontendRefusesItsAccountReadFromReplica1() throws Exception {
        Cluster.Node node = cluster.nodes().get(1);
        HaproxyAdmin haproxy = cluster.haproxy();
        Path serverLog = node.wildfly().serverLog();
        long logBefore = Files.size(serverLog);
        List<String> masters = List.of("master1", "master2");
        try {
            for (String master : masters) {
                haproxy.command("disable server " + HaproxyAdmin.DB_MASTER + "/" + master);
                haproxy.shutdownSessions(master);
            }
            try (Connection refused = master()) {
                throw new AssertionError("the master frontend still let a connection through to " + refused);
            } catch (SQLException expected) {
                // As in a failover's seconds: no master behind the frontend.
            }
            Registration registered = answerChallenge(node, node, extension(AGENTS - 1), "bench", 5964, "z9hG4bK-cl-replica", 0);
            assertThat(registered.answer()).as("REGISTER with no master reachable").startsWith("SIP/2.0 200");
        } finally {
            for (String master : masters) {
                haproxy.enableServer(master);
            }
        }
        String logged;
        try (var log = Files.newInputStream(serverLog)) {
            log.skipNBytes(logBefore);
            logged = new String(log.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(logged).as("%s says where it read", node.name()).contains("event=read-from-replica");
        awaitTrue("haproxy sees both masters up again", Duration.ofSeconds(15),
                () -> haproxy.servers(HaproxyAdmin.DB_MASTER).stream().allMatch(HaproxyAdmin.Server::up));
        assertThat(cluster.serverIdBehind(cluster.topology().frontends().dbMaster())).as("writes go to master1 again").isEqualTo(MASTER1);
    }

    private record Registration(String request, String answer) {
    }

    /** REGISTER without credentials to {@code challenger}, then the digest answer (qop=auth, nc=1) to {@code answered}. */
    private static Registration answerChallenge(Cluster.Node challenger, Cluster.Node answered, String user, String password, int port,
                                                String branch) throws Exception {
        return answerChallenge(challenger, answered, user, password, port, branch, 0);
    }

    /** As above, for a binding that lasts {@code expires} seconds (0 removes it). */
    private static Registration answerChallenge(Cluster.Node challenger, Cluster.Node answered, String user, String password, int port,
                                                String branch, int expires) throws Exception {
        String challenge = sipExchange(challenger, registerRequest(challenger, user, port, branch, 1, expires, ""), port);
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(nonce.find()).as("a nonce in %s", challenge).isTrue();
        String uri = "sip:127.0.0.1:" + answered.ports().sip();
        String cnonce = Long.toHexString(System.nanoTime());
        String ha1 = md5(user + ":verbund:" + password);
        String response = md5(ha1 + ":" + nonce.group(1) + ":00000001:" + cnonce + ":auth:" + md5("REGISTER:" + uri));
        String request = registerRequest(answered, user, port, branch, 2, expires, "Authorization: Digest username=\"" + user
                + "\", realm=\"verbund\", nonce=\"" + nonce.group(1) + "\", uri=\"" + uri + "\", response=\"" + response
                + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"" + cnonce + "\"\r\n");
        return new Registration(request, sipExchange(answered, request, port));
    }

    private static String registerRequest(Cluster.Node node, String user, int port, String branch, int cseq, int expires, String authorization) {
        return "REGISTER sip:127.0.0.1:" + node.ports().sip() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=" + branch + "-" + cseq + "\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=" + branch + "\r\nTo: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + branch + "@127.0.0.1\r\nCSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + port + ">\r\nExpires: " + expires + "\r\nMax-Forwards: 70\r\n"
                + authorization + "Content-Length: 0\r\n\r\n";
    }

    private static String md5(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One UDP datagram straight to the node's SIP port; the first final answer. */
    private static String sipExchange(Cluster.Node node, String message, int localPort) throws Exception {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(localPort, java.net.InetAddress.getByName("127.0.0.1"))) {
            socket.setSoTimeout(5000);
            byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
            socket.send(new java.net.DatagramPacket(bytes, bytes.length, java.net.InetAddress.getByName("127.0.0.1"), node.ports().sip()));
            java.net.DatagramPacket answer = new java.net.DatagramPacket(new byte[8192], 8192);
            String text;
            do {
                socket.receive(answer);
                text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
            } while (text.startsWith("SIP/2.0 1"));
            return text;
        }
    }

    /**
     * An agent's status changed through one node reaches an event stream held on the other: a
     * supervisor's screen shows every node's changes, not only those of the node it is connected
     * to. (Published from the JGroups thread that applied the other node's write, they were lost:
     * CDI found no deployment on that thread's class loader.)
     */
    @Test
    @Order(2)
    void anAgentStateChangedThroughOneNodeReachesTheEventStreamOnTheOther() throws Exception {
        Cluster.Node watching = cluster.nodes().get(0);
        Cluster.Node changing = cluster.nodes().get(1);
        try (SseClient events = SseClient.open(URI.create("http://127.0.0.1:" + watching.ports().http() + "/"), "admin@bench", "bench-admin")) {
            assertThat(events.status()).isEqualTo(200);
            events.await(event -> event.name().equals("hello"), 10, "hello");
            HttpResponse<String> changed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + changing.ports().http()
                            + "/api/v1/agents/" + extension(7) + "/state"))
                    .header("Authorization", benchAdmin()).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"READY\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(changed.statusCode()).as("%s on %s: %s", extension(7), changing.name(), changed.body()).isEqualTo(200);
            SseClient.Event state = events.await(event -> event.name().equals("agent-state") && event.data().contains("\"" + extension(7) + "\""),
                    SseClient.LAST_OF_BURST_SECONDS, extension(7) + "'s agent-state on " + watching.name() + "'s stream");
            assertThat(state.data()).contains("\"READY\"");
        } finally {
            setState(extension(7), "{\"state\":\"LOGGED_OUT\",\"force\":true}", "");
        }
        assertThat(Files.readString(watching.wildfly().serverLog())).as("no event publication failed on " + watching.name())
                .doesNotContain("a serial task failed");
    }

    @Test
    @Order(2)
    void reportsAreReadFromReplica2OnBothNodesAndExactlyOneNodeKeepsTheSlices() throws Exception {
        for (Cluster.Node node : cluster.nodes()) {
            assertThat(reportServerId(node)).as("%s reads its reports from replica2, never a master", node.name())
                    .isEqualTo(REPLICA2).isNotIn(MASTER1, MASTER2);
        }

        SliceLeaseRow lease = sliceLease();
        assertThat(lease.current()).as("the slice lease is held: %s", lease).isTrue();
        assertThat(cluster.nodes()).extracting(Cluster.Node::name).contains(lease.holder());
        for (Cluster.Node node : cluster.nodes()) {
            assertThat(Files.readString(node.wildfly().serverLog()).contains("node " + node.name() + " keeps the statistics slices now"))
                    .as("%s took the slices (the lease says %s)", node.name(), lease.holder()).isEqualTo(node.name().equals(lease.holder()));
        }
        awaitTrue("the slices advance under " + lease.holder(), Duration.ofSeconds(40), () -> {
            SliceLeaseRow now = sliceLease();
            return now.holder().equals(lease.holder()) && now.passes() > lease.passes() && now.callWatermark().isAfter(lease.callWatermark());
        });
    }

    @Test
    @Order(3)
    void master1KilledUnderLoadLosesNoCallRecordRaisesTheAlarmAndWritesStayOnMaster2UntilFailback() throws Exception {
        Sipp sipp = readyAgents();
        Instant loadStarted = Instant.now();
        Process callers = sipp.start("caller.xml", 5990, List.of("-s", BenchTenant.SERVICE_NUMBER,
                "-r", "10", "-m", "300", "-l", "100", "-d", "500", "-timeout", "120s", "-trace_logs"));
        Thread.sleep(10_000);
        // Whether master1 still waits for master2's acknowledgement (semi-sync ON): what makes the kill lose nothing acknowledged.
        try (Connection master1 = cluster.database("master1").connect(); Statement status = master1.createStatement();
             ResultSet rows = status.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Rpl_semi_sync_master_status',"
                     + " 'Rpl_semi_sync_master_no_tx', 'Rpl_semi_sync_master_yes_tx', 'Rpl_semi_sync_master_no_times')")) {
            StringBuilder semiSync = new StringBuilder("master1 before the kill:");
            while (rows.next()) {
                semiSync.append(' ').append(rows.getString(1)).append('=').append(rows.getString(2));
            }
            System.out.println(semiSync);
        }
        kill("master1");
        Instant killed = Instant.now();

        awaitTrue("writes go to master2 through haproxy", Duration.ofSeconds(10),
                () -> cluster.serverIdBehind(cluster.topology().frontends().dbMaster()) == MASTER2);
        System.out.printf("first connection through the master frontend reached master2 %d ms after the kill%n",
                Duration.between(killed, Instant.now()).toMillis());
        Sipp.Result result = Sipp.await(callers, 150);
        Set<String> completed = completedCallIds();
        System.out.printf("master1 killed %d s into the load; SIPp exit %d, %d of 300 calls completed%n",
                Duration.between(loadStarted, killed).toSeconds(), result.exit(), completed.size());

        assertThat(completed).as("calls SIPp completed (%s)", sipp.errorLogs()).hasSizeGreaterThan(250);
        Set<String> recorded = awaitAnsweredRecords(completed, () -> callIds(master()));
        if (!recorded.containsAll(completed)) {
            // What became of the missing ones, for the report: their rows on the active master, and each node's journal.
            for (String callId : completed.stream().filter(id -> !recorded.contains(id)).toList()) {
                System.out.printf("missing %s: outcome %s, ended %s, node %s%n", callId, outcomeOf(callId), recordColumn(callId, "ended_at"),
                        handlerOf(callId));
                // Its events say how it ended (an ACK the node never saw ends a call FAILED 32 s after the answer).
                try (Connection db = master(); PreparedStatement events = db.prepareStatement(
                        "SELECT seq, type, node, occurred_at, detail FROM call_event WHERE call_id = ? ORDER BY seq")) {
                    events.setString(1, callId);
                    try (ResultSet rows = events.executeQuery()) {
                        while (rows.next()) {
                            System.out.printf("  %d %s %s %s %s%n", rows.getInt(1), rows.getString(2), rows.getString(3),
                                    rows.getString(4), rows.getString(5));
                        }
                    }
                }
                for (Cluster.Node node : cluster.nodes()) {
                    Files.readAllLines(node.wildfly().serverLog()).stream().filter(line -> line.contains(callId)).limit(20)
                            .forEach(line -> System.out.println("  " + node.name() + ": " + line));
                }
            }
            for (Cluster.Node node : cluster.nodes()) {
                System.out.println(node.name() + " journal: " + health(node, "/telephony/health").getJsonObject("checks").get("callRecords"));
            }
        }
        assertThat(recorded).as("an ANSWERED, ended call record for every call SIPp completed").containsAll(completed);
        // A retried batch must not overtake master1's copy in master2's relay log (a duplicate key would stop replication).
        ClusterDatabase.ReplicationState master2Replication = cluster.database("master2").replicationState();
        assertThat(master2Replication.sqlRunning()).as("master2 still applies what it received from master1: %s", master2Replication)
                .isTrue();
        for (Cluster.Node node : cluster.nodes()) {
            String log = Files.readString(node.wildfly().serverLog());
            assertThat(log).as("%s's journals waited for master2 to apply what it received", node.name())
                    .containsPattern("journal=call-records event=master-changed serverId=" + MASTER2);
            log.lines().filter(line -> line.contains("event=master-changed")).map(line -> line.replaceAll(".*(journal=\\S+).*(waitedMillis=\\d+).*", "$1 $2"))
                    .forEach(line -> System.out.println(node.name() + " " + line));
        }

        for (Cluster.Node node : cluster.nodes()) {
            awaitTrue(node.name() + " raises DB_MASTER_FAILED_OVER", Duration.ofSeconds(10),
                    () -> health(node, "/telephony/health").toString().contains("\"code\":\"DB_MASTER_FAILED_OVER\""));
            assertThat(Files.readString(node.wildfly().serverLog()))
                    .containsPattern("\"level\":\"ERROR\"[^\\n]*DB_MASTER_FAILED_OVER");
        }

        Launch restart = verbund("restart", "master1");
        assertThat(restart.exit()).as(restart.output()).isZero();
        System.out.print(restart.output());
        // What master1's crash recovery cut as never acknowledged (started as master2's replica): for the report.
        Files.readAllLines(cluster.root().resolve("db/master1/mariadbd.err")).stream()
                .filter(line -> line.toLowerCase(java.util.Locale.ROOT).contains("truncat") || line.contains("semi-sync recovery"))
                .forEach(line -> System.out.println("master1 recovery: " + line));
        awaitTrue("haproxy sees master1 up again", Duration.ofSeconds(15), () -> cluster.haproxy()
                .servers("db_master").stream().anyMatch(server -> server.name().equals("master1") && server.up()));
        Thread.sleep(3000);
        assertThat(cluster.serverIdBehind(cluster.topology().frontends().dbMaster()))
                .as("no automatic failback: writes stay on master2 with master1 up").isEqualTo(MASTER2);
        Launch failedOver = verbund("status");
        assertThat(failedOver.exit()).isNotZero();
        assertThat(failedOver.output()).contains("Active master: master2 - FAILED OVER from master1");

        Launch failback = verbund("failback");
        assertThat(failback.exit()).as(failback.output()).isZero();
        assertThat(failback.output()).contains("Failback done: writes go to master1");
        assertThat(cluster.serverIdBehind(cluster.topology().frontends().dbMaster())).isEqualTo(MASTER1);
        try (Connection master1 = cluster.database("master1").connect()) {
            assertThat(callIds(master1)).as("master1 caught up with every record written on master2").containsAll(completed);
        }
        for (Cluster.Node node : cluster.nodes()) {
            awaitTrue(node.name() + " clears the alarm", Duration.ofSeconds(10),
                    () -> !health(node, "/telephony/health").toString().contains("DB_MASTER_FAILED_OVER"));
        }
        Launch healthy = verbund("status");
        assertThat(healthy.exit()).as(healthy.output()).isZero();
    }

    /**
     * The case a master kill under load leaves now and then (a commit waiting for master2's
     * acknowledgement when master1 died), made certain: master2 stops receiving, master1 commits a
     * row alone and is killed. Its restart must not start it with that row; it and replica1 are made
     * anew from master2, and the failback goes through.
     */
    @Test
    @Order(4)
    void aMasterBackWithACommitMaster2NeverReceivedIsRebuiltFromMaster2AndFailsBack() throws Exception {
        String position = "rebuild-test/" + UUID.randomUUID();
        try (Connection master2 = cluster.database("master2").connectAsAdmin(); Statement statement = master2.createStatement()) {
            statement.execute("STOP SLAVE IO_THREAD");
        }
        try (Connection master1 = cluster.database("master1").connectAsAdmin(); Statement statement = master1.createStatement()) {
            statement.execute("SET GLOBAL rpl_semi_sync_master_enabled = OFF");
            statement.executeUpdate("INSERT INTO verbund.event_dead_letter (source, kind, payload, reason, failed_at, node, position)"
                    + " VALUES ('test', 'TEST', '[]', 'only master1 has it', NOW(3), 'test', '" + position + "')");
        }
        kill("master1");
        try (Connection master2 = cluster.database("master2").connectAsAdmin(); Statement statement = master2.createStatement()) {
            statement.execute("START SLAVE IO_THREAD");
        }
        awaitTrue("writes go to master2 through haproxy", Duration.ofSeconds(10),
                () -> cluster.serverIdBehind(cluster.topology().frontends().dbMaster()) == MASTER2);

        Launch restart = verbund("restart", "master1");
        System.out.print(restart.output());
        assertThat(restart.exit()).as(restart.output()).isZero();
        assertThat(restart.output()).contains("1 commit(s) master2 never received", "master1 and replica1 are made anew from master2",
                "replica1 has applied master1's load");
        try (var kept = Files.list(cluster.root().resolve("db/master1"))) {
            assertThat(kept.map(path -> path.getFileName().toString())).as("master1's old data kept")
                    .anyMatch(name -> name.startsWith("data.before-rebuild-"));
        }
        assertThat(cluster.root().resolve("db/master1/rebuild.pending")).as("a finished rebuild leaves no mark to start over").doesNotExist();
        awaitTrue("haproxy sees master1 up again", Duration.ofSeconds(15), () -> cluster.haproxy()
                .servers("db_master").stream().anyMatch(server -> server.name().equals("master1") && server.up()));
        Launch failback = verbund("failback");
        assertThat(failback.exit()).as(failback.output()).isZero();
        assertThat(failback.output()).contains("Failback done: writes go to master1");
        for (String name : List.of("master1", "master2", "replica1", "replica2")) {
            try (Connection database = cluster.database(name).connectAsAdmin();
                 PreparedStatement query = database.prepareStatement("SELECT COUNT(*) FROM verbund.event_dead_letter WHERE position = ?")) {
                query.setString(1, position);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    assertThat(row.getInt(1)).as("%s holds the commit master2 never received", name).isZero();
                }
            }
        }
        // What master2 wrote while master1 was away reached master1 and its rebuilt replica.
        awaitTrue("replica1 replicates master1, which replicates master2", Duration.ofSeconds(20), () -> {
            try (Connection master2 = cluster.database("master2").connectAsAdmin(); Statement statement = master2.createStatement();
                 ResultSet row = statement.executeQuery("SELECT @@gtid_binlog_pos")) {
                row.next();
                String written = row.getString(1);
                return cluster.database("replica1").replicationState().healthy() && cluster.database("master1").replicationState().healthy()
                        && cluster.database("master2").replicationState().healthy() && applied(cluster.database("replica1"), written);
            }
        });
        for (Cluster.Node node : cluster.nodes()) {
            awaitTrue(node.name() + " clears the alarm", Duration.ofSeconds(10),
                    () -> !health(node, "/telephony/health").toString().contains("DB_MASTER_FAILED_OVER"));
        }
        Launch healthy = verbund("status");
        assertThat(healthy.exit()).as(healthy.output()).isZero();
    }

    /** Whether {@code database} has applied {@code position} (all its domains but the server's own). */
    private static boolean applied(ClusterDatabase database, String position) throws SQLException {
        try (Connection connection = database.connectAsAdmin();
             PreparedStatement wait = connection.prepareStatement("SELECT MASTER_GTID_WAIT(?, 1)")) {
            wait.setString(1, position);
            try (ResultSet row = wait.executeQuery()) {
                row.next();
                return row.getInt(1) == 0;
            }
        }
    }

    @Test
    @Order(4)
    void replica1KilledSendsRealtimeReadsToReplica2AndBackWhenItReturns() throws Exception {
        Cluster.Node node = cluster.nodes().get(0);
        assertThat(realtimeServerId(node)).isEqualTo(3);

        kill("replica1");

        awaitTrue("the stats service's realtime reads go to replica2", Duration.ofSeconds(15), () -> realtimeServerId(node) == 4);
        assertThat(cluster.serverIdBehind(cluster.topology().frontends().dbRealtime())).isEqualTo(4);

        Launch restart = verbund("restart", "replica1");
        assertThat(restart.exit()).as(restart.output()).isZero();
        awaitTrue("realtime reads return to replica1", Duration.ofSeconds(15), () -> realtimeServerId(node) == 3);
        assertThat(cluster.serverIdBehind(cluster.topology().frontends().dbRealtime())).isEqualTo(3);
    }

    @Test
    @Order(5)
    void replica2KilledReportsAnswer503WithRetryAfterWhileRealtimeStaysOnReplica1AndTheyReturnWithIt() throws Exception {
        kill("replica2");

        for (Cluster.Node node : cluster.nodes()) {
            awaitTrue(node.name() + " answers reports 503", Duration.ofSeconds(15), () -> callReport(node).statusCode() == 503);
            Instant asked = Instant.now();
            HttpResponse<String> report = callReport(node);
            System.out.printf("%s answered the report %d in %d ms with replica2 down%n", node.name(), report.statusCode(),
                    Duration.between(asked, Instant.now()).toMillis());
            assertThat(report.statusCode()).as(report.body()).isEqualTo(503);
            assertThat(report.headers().firstValue("Retry-After")).as("Retry-After").hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonObject problem = TestNodes.json(report.body());
            assertThat(problem.getString("type")).endsWith("database-unavailable");
            assertThat(problem.getInt("status")).isEqualTo(503);
            assertThat(problem.getString("detail")).contains("reporting database");

            assertThat(realtimeServerId(node)).as("%s's realtime reads stay on replica1", node.name()).isEqualTo(REPLICA1);
            HttpResponse<String> portal = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.ports().http()
                    + "/api/v1/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(portal.statusCode()).as("%s's portal stays in haproxy's web backend: %s", node.name(), portal.body()).isEqualTo(200);
        }
        assertThat(cluster.serverIdBehind(cluster.topology().frontends().dbRealtime())).isEqualTo(REPLICA1);
        assertThat(cluster.haproxy().servers("web")).as("both web nodes up in haproxy").allMatch(server -> server.up()).hasSize(2);

        Launch restart = verbund("restart", "replica2");
        assertThat(restart.exit()).as(restart.output()).isZero();
        for (Cluster.Node node : cluster.nodes()) {
            awaitTrue(node.name() + " reads reports from replica2 again", Duration.ofSeconds(20), () -> {
                HttpResponse<String> report = callReport(node);
                return report.statusCode() == 200 && readFromServerId(report) == REPLICA2;
            });
        }
        SliceLeaseRow back = sliceLease();
        awaitTrue("the slices advance again", Duration.ofSeconds(40), () -> {
            SliceLeaseRow now = sliceLease();
            return now.current() && now.passes() > back.passes() && now.callWatermark().isAfter(back.callWatermark());
        });
    }

    @Test
    @Order(6)
    void ofTwoCallersWaitingOnTwoNodesTheOlderGetsTheOneFreeAgentAndOnlyOneOfferIsMade() throws Exception {
        Sipp viaKamailio = new Sipp(cluster.topology().frontends().sip(), sippFolder);
        for (int i = 1; i <= AGENTS; i++) {
            setState(extension(i), "{\"state\":\"LOGGED_OUT\",\"force\":true}", "");
        }
        Sipp.Result registered = viaKamailio.run("agent-register.xml", AGENT_PHONES_PORT, List.of("-s", extension(1),
                "-au", extension(1), "-ap", "bench", "-m", "1", "-timeout", "20s"));
        assertThat(registered.exit()).as(viaKamailio.errorLogs()).isZero();
        Process phone = viaKamailio.start("agent-answer.xml", AGENT_PHONES_PORT, List.of("-m", "1", "-d", "0", "-timeout", "60s"));
        long before = lastRecordId();
        Cluster.Node first = cluster.nodes().get(1);
        Cluster.Node second = cluster.nodes().get(0);
        // Straight to each node, past Kamailio: the older caller waits on one node, the younger on the other.
        Process older = new Sipp(first.ports().sip(), sippFolder).start("caller.xml", 5994,
                List.of("-s", BenchTenant.SERVICE_NUMBER, "-m", "1", "-d", "1000", "-timeout", "60s", "-trace_logs"));
        awaitTrue("the older caller waits on " + first.name(), Duration.ofSeconds(15), () -> waitingOn(first.name(), before) == 1);
        Process younger = new Sipp(second.ports().sip(), sippFolder).start("caller-abandons.xml", 5995,
                List.of("-s", BenchTenant.SERVICE_NUMBER, "-m", "1", "-d", "5000", "-timeout", "60s"));
        awaitTrue("the younger caller waits on " + second.name(), Duration.ofSeconds(15), () -> waitingOn(second.name(), before) == 1);

        setState(extension(1), "{\"state\":\"READY\"}", "");

        assertThat(Sipp.await(older, 30).exit()).as("the older caller was connected: %s", viaKamailio.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as(viaKamailio.errorLogs()).isZero();
        assertThat(Sipp.await(younger, 30).exit()).as("the younger caller kept waiting, then hung up").isZero();
        try (Connection db = master(); PreparedStatement offers = db.prepareStatement("SELECT r.handled_by_node, e.type, e.occurred_at"
                + " FROM call_event e JOIN call_record r ON r.call_id = e.call_id WHERE r.id > ?"
                + " AND e.type IN ('CallOffered', 'CallAnswered', 'CallEnded') ORDER BY e.occurred_at, e.id")) {
            offers.setLong(1, before);
            List<String> events = new ArrayList<>();
            try (ResultSet rows = offers.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            assertThat(events).as("offers while the agent took the older caller").startsWith(
                    first.name() + " CallOffered", first.name() + " CallAnswered", first.name() + " CallEnded");
        }
        setState(extension(1), "{\"state\":\"LOGGED_OUT\",\"force\":true}", "");
    }

    /**
     * Callers spread over both nodes by Kamailio, with free agents: each is offered at once. A node's
     * pass stops at the first caller of the group the other node holds; it must look again as soon
     * as that caller leaves the queue. When it waited for its one-second safety tick instead, each
     * node served about one caller per tick and callers waited seconds with twenty agents free. (The
     * rule itself, a caller of the other node keeping the agent it would get, is DistributorTest's.)
     */
    @Test
    @Order(6)
    void callersSpreadOverBothNodesAreOfferedAtOnceWhileAgentsAreFree() throws Exception {
        Sipp sipp = readyAgents();
        long before = lastRecordId();
        // Five a second: a load this cluster carries on any box it runs on, so a wait is the distribution's, not the box's.
        Sipp.Result callers = sipp.run("caller.xml", 5996, List.of("-s", BenchTenant.SERVICE_NUMBER,
                "-r", "5", "-m", "30", "-l", "20", "-d", "500", "-timeout", "60s"));
        assertThat(callers.exit()).as("30 callers through Kamailio answered: %s", sipp.errorLogs()).isZero();
        Map<String, List<Long>> waits = new TreeMap<>();
        awaitTrue("their 30 offered call records", Duration.ofSeconds(15), () -> {
            waits.clear();
            try (Connection db = master(); PreparedStatement query = db.prepareStatement("SELECT handled_by_node,"
                    + " TIMESTAMPDIFF(MICROSECOND, queued_at, offered_at) DIV 1000 FROM call_record"
                    + " WHERE id > ? AND service_number = ? AND offered_at IS NOT NULL")) {
                query.setLong(1, before);
                query.setString(2, BenchTenant.SERVICE_NUMBER);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        waits.computeIfAbsent(rows.getString(1), node -> new ArrayList<>()).add(rows.getLong(2));
                    }
                }
            }
            return waits.values().stream().mapToInt(List::size).sum() == 30;
        });
        System.out.printf("queued -> first offer, ms, per node: %s%n", waits);
        assertThat(waits.keySet()).as("Kamailio spread the callers over both nodes").containsExactlyInAnyOrder("node-a", "node-b");
        List<Long> all = waits.values().stream().flatMap(List::stream).sorted().toList();
        assertThat(all.get(all.size() / 2)).as("median wait for an offer with agents free (the safety tick is 1000 ms): %s", waits)
                .isLessThan(1000);
    }

    @Test
    @Order(6)
    void aCallOverSipTlsThroughKamailioMeetsTheCertificateTheClusterMadeAndReachesAnAgent() throws Exception {
        Sipp viaKamailio = new Sipp(cluster.topology().frontends().sip(), sippFolder);
        for (int i = 1; i <= AGENTS; i++) {
            setState(extension(i), "{\"state\":\"LOGGED_OUT\",\"force\":true}", "");
        }
        String agent = extension(2);
        Sipp.Result registered = viaKamailio.run("agent-register.xml", AGENT_PHONES_PORT, List.of("-s", agent,
                "-au", agent, "-ap", "bench", "-m", "1", "-timeout", "20s"));
        assertThat(registered.exit()).as(viaKamailio.errorLogs()).isZero();
        Process phone = viaKamailio.start("agent-answer.xml", AGENT_PHONES_PORT, List.of("-m", "1", "-d", "0", "-timeout", "60s"));
        setState(agent, "{\"state\":\"READY\"}", "");
        long before = lastRecordId();
        // The caller's Via and Contact name TLS, as a trunk on a TLS connection does.
        Path callerOverTls = sippFolder.resolve("caller-tls.xml");
        Files.writeString(callerOverTls, Files.readString(Sipp.scenario("caller.xml"))
                .replace("[transport]", "TLS").replace("transport=TLS", "transport=tls"));
        // Trusts only the certificate the cluster made for SIP, and checks the virtual IP in it.
        try (TlsRelay relay = new TlsRelay(cluster.topology().virtualIp(), cluster.topology().frontends().sipTls(),
                cluster.sipCertificate().trustingOnlyThis())) {
            Sipp.Result caller = new Sipp(relay.port(), sippFolder).run(callerOverTls, 5996,
                    List.of("-t", "t1", "-s", BenchTenant.SERVICE_NUMBER, "-m", "1", "-d", "500", "-timeout", "60s"));

            assertThat(caller.exit()).as("caller over TLS through Kamailio: %s%n%s", caller.command(), viaKamailio.errorLogs()).isZero();
            assertThat(relay.protocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(NodeCertificate.fingerprint(relay.peerCertificate()))
                    .as("Kamailio presents the SIP certificate the cluster made (the banner prints its fingerprint)")
                    .isEqualTo(cluster.sipCertificate().fingerprint()).isNotEqualTo(cluster.certificate().fingerprint());
        }
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", viaKamailio.errorLogs()).isZero();
        awaitAnsweredBy(agent, before, "the call over TLS");
        setState(agent, "{\"state\":\"LOGGED_OUT\",\"force\":true}", "");
    }

    /**
     * A browser softphone in the cluster, its signalling only: a secure WebSocket to haproxy's
     * {@code /sip-ws} on the portal's origin (trusting only the cluster's certificate), handed on to
     * the softphone edge, registers through the dispatcher with a node's digest challenge; a call
     * then arrives on that WebSocket with WebRTC media offered (rtpengine's DTLS-SRTP and ICE, not the
     * node's plain RTP), is answered there, and the node's ACK and BYE find the browser again.
     */
    @Test
    @Order(6)
    void aBrowserSoftphoneRegistersThroughHaproxysWebSocketAndItsCallArrivesWithWebRtcMedia() throws Exception {
        assertThat(cluster.hasSoftphoneEdge()).as("the cluster started its softphone edge").isTrue();
        for (int i = 1; i <= AGENTS; i++) {
            setState(extension(i), "{\"state\":\"LOGGED_OUT\",\"force\":true}", "");
        }
        String agent = extension(3);
        String host = cluster.topology().virtualIp();
        URI address = URI.create(io.verbund.acd.lbconfig.kamailio.SoftphoneEdgeConfig.clusterWebSocketUrl(cluster.topology()));
        String origin = "https://" + host + ":" + cluster.topology().frontends().https();
        try (SoftphoneSocket browser = SoftphoneSocket.open(address, origin, cluster.certificate().trustingOnlyThis())) {
            browser.send(SoftphoneSocket.register(agent, host, 1, null));
            String challenge = browser.await("SIP/2.0 401", Duration.ofSeconds(10));
            browser.send(SoftphoneSocket.register(agent, host, 2,
                    SoftphoneSocket.digest(challenge, agent, io.verbund.acd.agent.SipCredentials.DEFAULT_REALM, "bench", "sip:" + host)));
            String registered = browser.await("SIP/2.0 200", Duration.ofSeconds(10));
            assertThat(registered).as("the registrar echoes the edge's Path").containsIgnoringCase("Path:").contains("transport%3Dws");

            setState(agent, "{\"state\":\"READY\"}", "");
            Sipp viaKamailio = new Sipp(cluster.topology().frontends().sip(), sippFolder);
            long before = lastRecordId();
            Process caller = viaKamailio.start("caller.xml", 5997, List.of("-s", BenchTenant.SERVICE_NUMBER, "-m", "1", "-d", "1000",
                    "-timeout", "40s"));

            String invite = browser.await("INVITE ", Duration.ofSeconds(20));
            assertThat(invite).as("the node's offer as the browser gets it, through rtpengine")
                    .contains("UDP/TLS/RTP/SAVPF").contains("a=fingerprint:").contains("a=ice-ufrag:").contains("a=setup:")
                    .doesNotContainPattern("m=audio \\d+ RTP/AVP ");
            browser.send(SoftphoneSocket.answerWithWebRtc(invite));
            // The node's ACK and, when the caller hangs up after 1 s, its BYE find the browser's connection
            // through the edge's Record-Route and the alias it put into the browser's Contact.
            browser.await("ACK ", Duration.ofSeconds(10));
            String bye = browser.await("BYE ", Duration.ofSeconds(15));
            browser.send(SoftphoneSocket.answer(bye, "200 OK"));
            assertThat(Sipp.await(caller, 30).exit()).as("the caller: %s", viaKamailio.errorLogs()).isZero();
            awaitAnsweredBy(agent, before, "the browser's call");
            setState(agent, "{\"state\":\"LOGGED_OUT\",\"force\":true}", "");

            // Unregistered as JsSIP does when the agent switches the softphone off.
            browser.send(SoftphoneSocket.register(agent, host, 3, null, 0));
            String again = browser.await("SIP/2.0 401", Duration.ofSeconds(10));
            browser.send(SoftphoneSocket.register(agent, host, 4,
                    SoftphoneSocket.digest(again, agent, io.verbund.acd.agent.SipCredentials.DEFAULT_REALM, "bench", "sip:" + host), 0));
            browser.await("SIP/2.0 200", Duration.ofSeconds(10));
        } finally {
            setState(agent, "{\"state\":\"LOGGED_OUT\",\"force\":true}", "");
        }
    }

    /** Waits until exactly one call record after {@code afterId} is ANSWERED by {@code agent}. */
    private static void awaitAnsweredBy(String agent, long afterId, String what) throws Exception {
        awaitTrue(what + " is recorded as answered by " + agent, Duration.ofSeconds(15), () -> {
            try (Connection db = master(); PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM call_record r"
                    + " JOIN agent a ON a.id = r.agent_id WHERE r.id > ? AND r.outcome = 'ANSWERED' AND a.extension = ?")) {
                query.setLong(1, afterId);
                query.setString(2, agent);
                try (ResultSet count = query.executeQuery()) {
                    return count.next() && count.getInt(1) == 1;
                }
            }
        });
    }

    private static long lastRecordId() throws SQLException {
        try (Connection db = master(); PreparedStatement query = db.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM call_record");
             ResultSet max = query.executeQuery()) {
            max.next();
            return max.getLong(1);
        }
    }

    /** A second number of the bench tenant into the same flow, answering its callers on queue. */
    private static String answeringOnQueue() throws SQLException {
        return answeringOnQueue("+4930999002");
    }

    private static String answeringOnQueue(String number) throws SQLException {
        try (Connection db = master(); Statement statement = db.createStatement()) {
            statement.executeUpdate("INSERT IGNORE INTO service_number (tenant_id, number, call_flow_id, label, answer_on_queue)"
                    + " SELECT n.tenant_id, '" + number + "', n.call_flow_id, 'Bench, answered on queue', TRUE FROM service_number n"
                    + " WHERE n.number = '" + BenchTenant.SERVICE_NUMBER + "'");
        }
        return number;
    }

    /**
     * A number answering on queue into a group of its own, "Ringing", whose only member is {@code agent}
     * (taken out of the bench group) and whose phones ring two minutes before an offer counts as not taken.
     */
    private static String ringingGroupNumber(String agent) throws SQLException {
        String number = "+4930999003";
        try (Connection db = master(); Statement statement = db.createStatement()) {
            statement.executeUpdate("INSERT INTO acd_group (tenant_id, name, strategy, wrap_up_seconds, redial_delay_seconds, ring_time_seconds)"
                    + " SELECT id, 'Ringing', 'LONGEST_IDLE', 0, 0, 120 FROM tenant WHERE tenant_key = 'bench'");
            statement.executeUpdate("DELETE m FROM group_membership m JOIN agent a ON a.id = m.agent_id WHERE a.extension = '" + agent + "'");
            statement.executeUpdate("INSERT INTO group_membership (tenant_id, group_id, agent_id) SELECT g.tenant_id, g.id, a.id"
                    + " FROM acd_group g JOIN agent a ON a.tenant_id = g.tenant_id AND a.extension = '" + agent + "' WHERE g.name = 'Ringing'");
            statement.executeUpdate("INSERT INTO call_flow (tenant_id, name) SELECT id, 'Ringing' FROM tenant WHERE tenant_key = 'bench'");
            statement.executeUpdate("INSERT INTO call_flow_version (tenant_id, call_flow_id, version, graph) SELECT tenant_id, id, 1,"
                    + " '{\"start\":\"q\",\"nodes\":[{\"id\":\"q\",\"type\":\"queue\",\"parameters\":{\"group\":\"Ringing\"},\"exits\":{}}]}'"
                    + " FROM call_flow WHERE name = 'Ringing'");
            statement.executeUpdate("UPDATE call_flow SET current_version = 1 WHERE name = 'Ringing'");
            statement.executeUpdate("INSERT INTO service_number (tenant_id, number, call_flow_id, label, answer_on_queue)"
                    + " SELECT tenant_id, '" + number + "', id, 'Ringing, answered on queue', TRUE FROM call_flow WHERE name = 'Ringing'");
        }
        return number;
    }

    /** The callers of {@code number} that {@code node} holds, not ended. */
    private static long waitingOn(String node, String number) throws SQLException {
        try (Connection db = master(); PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM call_record"
                + " WHERE service_number = ? AND handled_by_node = ? AND ended_at IS NULL")) {
            query.setString(1, number);
            query.setString(2, node);
            try (ResultSet count = query.executeQuery()) {
                return count.next() ? count.getLong(1) : 0;
            }
        }
    }

    /** The outcomes of the calls to {@code number}, once every one has ended. */
    private static List<String> outcomesOf(String number) throws Exception {
        List<String> outcomes = new ArrayList<>();
        awaitTrue("the calls to " + number + " ended", Duration.ofSeconds(20), () -> {
            outcomes.clear();
            try (Connection db = master(); PreparedStatement query = db.prepareStatement(
                    "SELECT COALESCE(outcome, 'OPEN') FROM call_record WHERE service_number = ? ORDER BY id")) {
                query.setString(1, number);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        outcomes.add(rows.getString(1));
                    }
                }
            }
            return !outcomes.contains("OPEN");
        });
        return outcomes;
    }

    private static long occurrences(Cluster.Node node, String text) throws java.io.IOException {
        return Files.readAllLines(node.wildfly().serverLog()).stream().filter(line -> line.contains(text)).count();
    }

    /** Callers since record {@code afterId} waiting in the queue that {@code node} holds (their call records say so). */
    private static int waitingOn(String node, long afterId) throws SQLException {
        try (Connection db = master(); PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM call_record"
                + " WHERE id > ? AND handled_by_node = ? AND queued_at IS NOT NULL AND ended_at IS NULL")) {
            query.setLong(1, afterId);
            query.setString(2, node);
            try (ResultSet count = query.executeQuery()) {
                return count.next() ? count.getInt(1) : 0;
            }
        }
    }

    /**
     * A caller of a number answering on queue, by raw SIP through Kamailio, waiting on {@code node}.
     * Its own number, so the test's counts of the other answered-on-queue callers stay as they are.
     */
    private LeavingCaller callerWaitingOn(Cluster.Node node) throws Exception {
        return callerOn(node, answeringOnQueue("+4930999003"), "leaving");
    }

    /** A caller of the bench number, by raw SIP through Kamailio, talking to an agent on {@code node}. */
    private LeavingCaller callerTalkingOn(Cluster.Node node) throws Exception {
        return callerOn(node, BenchTenant.SERVICE_NUMBER, "talking");
    }

    /**
     * A caller of {@code number} answered on {@code node} (Kamailio picks the node by Call-ID:
     * callers that land on the other one hang up, the next tries).
     */
    private LeavingCaller callerOn(Cluster.Node node, String number, String kind) throws Exception {
        for (int attempt = 1; attempt <= 12; attempt++) {
            LeavingCaller caller = LeavingCaller.call(cluster.topology().frontends().sip(), number, kind + "-" + attempt + "-" + System.nanoTime());
            String[] holder = new String[1];
            awaitTrue("the record of " + caller.callId, Duration.ofSeconds(10), () -> (holder[0] = handlerOf(caller.callId)) != null);
            if (holder[0].equals(node.name())) {
                return caller;
            }
            caller.hangUp();
            assertThat(caller.byeAnswer()).as("BYE of a caller on %s", holder[0]).startsWith("SIP/2.0 200");
            caller.close();
        }
        throw new AssertionError("Kamailio sent no " + kind + " caller to " + node.name());
    }

    /**
     * The caller hung up right after its node was killed: Kamailio moved the BYE to the survivor,
     * which answered it and ended the call as a hang-up in queue, moved to itself, and did not
     * re-INVITE the caller afterwards.
     */
    private static void assertHungUpAtTheSurvivor(LeavingCaller caller, Cluster.Node killed, Cluster.Node survivor) throws Exception {
        assertByeAnsweredAndEndedAt(caller, "ABANDONED", survivor);
        // Before the cluster noticed the kill (the caller's dialog still the killed node's), or while
        // the takeover's re-INVITE was on its way: which comes first is a race of seconds, both end it.
        String log = Files.readString(survivor.wildfly().serverLog());
        int hungUp = Math.max(log.indexOf("caller " + caller.callId + " of " + killed.name() + " hung up here, its node not answering"),
                log.indexOf("caller " + caller.callId + " hung up while its takeover's re-INVITE was unanswered"));
        assertThat(hungUp).as("%s ended the call of %s as a hang-up", survivor.name(), caller.callId).isNotNegative();
        assertThat(log.substring(hungUp)).as("no takeover after the hang-up").doesNotContain("taking over waiting caller " + caller.callId);
    }

    /**
     * The caller's BYE, sent through Kamailio right after the kill, was answered 200 and its record
     * ended {@code outcome} at the survivor, moved there once, by the hang-up or by a takeover.
     */
    private static void assertByeAnsweredAndEndedAt(LeavingCaller caller, String outcome, Cluster.Node survivor) throws Exception {
        try (caller) {
            assertThat(caller.byeAnswer()).as("the BYE of %s sent through Kamailio after the kill", caller.callId).startsWith("SIP/2.0 200");
        }
        awaitTrue("the record of " + caller.callId + " ends", Duration.ofSeconds(10), () -> outcomeOf(caller.callId) != null);
        assertThat(outcomeOf(caller.callId) + " " + handlerOf(caller.callId)).isEqualTo(outcome + " " + survivor.name());
        assertThat(takeOvers(caller.callId)).as("%s moved to %s once", caller.callId, survivor.name()).isEqualTo(1);
    }

    /**
     * The caller talking to {@code agent} through the killed node hung up right after the kill:
     * Kamailio moved the BYE to the survivor, which answered it, hung up the agent's phone and ended
     * the call ANSWERED, moved to itself once; the agent is done with the call.
     */
    private void assertTalkingHungUpAtTheSurvivor(LeavingCaller caller, String agent, Cluster.Node killed, Cluster.Node survivor,
                                                  String cookie) throws Exception {
        assertByeAnsweredAndEndedAt(caller, "ANSWERED", survivor);
        String log = Files.readString(survivor.wildfly().serverLog());
        if (log.contains("caller " + caller.callId + " of " + killed.name() + " hung up here while talking to agent " + agent)) {
            // Before the cluster noticed the kill: the survivor hung up the agent's phone in its dialog with the killed node.
            awaitTrue(agent + "'s phone answers the survivor's BYE", Duration.ofSeconds(10), () -> Files.readString(survivor.wildfly().serverLog())
                    .contains("agent " + agent + "'s phone answered the BYE for its stranded caller's hang-up: 200"));
        } else {
            // The takeover's re-INVITE was first (this caller never answers it): the hang-up ends the call all the same.
            assertThat(log).as("%s ended the call of %s as a hang-up", survivor.name(), caller.callId)
                    .contains("caller " + caller.callId + " hung up while its takeover's re-INVITE was unanswered");
        }
        awaitTrue(agent + " is done with the call its caller hung up", Duration.ofSeconds(10),
                () -> !caller.callId.equals(agentState(agent, cookie).getString("callId", "")));
    }

    /**
     * The agent's phone hung up right after the kill, its BYE lost with the killed node: the
     * survivor's re-INVITE got 481 from the phone, so the call ended as the agent's hang-up at the
     * survivor (ANSWERED, moved once, ended by the agent), the caller answered its own re-INVITE and
     * then got the BYE, and the agent is done with the call.
     */
    private void assertAgentHungUpBeforeTheTakeover(LeavingCaller caller, java.util.concurrent.CompletableFuture<Boolean> byeAfterReInvite,
                                                    String agent, String agentLeg, RawAgentPhone phone, Cluster.Node survivor,
                                                    String cookie) throws Exception {
        boolean answered;
        try (caller) {
            answered = byeAfterReInvite.get(40, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (!answered) {
            Files.readAllLines(survivor.wildfly().serverLog()).stream().filter(line -> line.contains(caller.callId) || line.contains(agentLeg))
                    .limit(30).forEach(line -> System.out.println(survivor.name() + ": " + line));
            System.out.println("the phone refused the re-INVITE of " + agentLeg + ": " + phone.refused("INVITE", agentLeg));
        }
        assertThat(answered).as("the caller of %s answers the survivor's re-INVITE, then gets its BYE", caller.callId).isTrue();
        assertThat(phone.refused("INVITE", agentLeg)).as("%s's phone answered the survivor's re-INVITE 481", agent).isTrue();
        awaitTrue("the record of " + caller.callId + " ends", Duration.ofSeconds(10), () -> outcomeOf(caller.callId) != null);
        assertThat(outcomeOf(caller.callId) + " " + handlerOf(caller.callId)).isEqualTo("ANSWERED " + survivor.name());
        assertThat(takeOvers(caller.callId)).as("%s moved to %s once", caller.callId, survivor.name()).isEqualTo(1);
        try (Connection db = master(); PreparedStatement ended = db.prepareStatement(
                "SELECT detail FROM call_event WHERE call_id = ? AND type = 'CallEnded'")) {
            ended.setString(1, caller.callId);
            try (ResultSet row = ended.executeQuery()) {
                assertThat(row.next()).as("CallEnded of %s", caller.callId).isTrue();
                assertThat(row.getString(1)).as("who ended %s", caller.callId).contains("\"agent\"");
            }
        }
        assertThat(Files.readString(survivor.wildfly().serverLog()))
                .contains("the agent " + agent + " hung up before the takeover (481 to its re-INVITE)");
        awaitTrue(agent + " is done with the call it hung up", Duration.ofSeconds(10),
                () -> !caller.callId.equals(agentState(agent, cookie).getString("callId", "")));
    }

    /** How often the call moved to another node: its CallTakenOver events. */
    private static int takeOvers(String callId) throws SQLException {
        try (Connection db = master(); PreparedStatement moves = db.prepareStatement(
                "SELECT COUNT(*) FROM call_event WHERE call_id = ? AND type = 'CallTakenOver'")) {
            moves.setString(1, callId);
            try (ResultSet count = moves.executeQuery()) {
                return count.next() ? count.getInt(1) : 0;
            }
        }
    }

    private static String handlerOf(String callId) throws SQLException {
        return recordColumn(callId, "handled_by_node");
    }

    private static String outcomeOf(String callId) throws SQLException {
        return recordColumn(callId, "outcome");
    }

    private static String recordColumn(String callId, String column) throws SQLException {
        try (Connection db = master(); PreparedStatement query = db.prepareStatement("SELECT " + column + " FROM call_record WHERE call_id = ?")) {
            query.setString(1, callId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** A caller speaking raw SIP over UDP through Kamailio: answered, acknowledged, then it hangs up when told. */
    private static final class LeavingCaller implements AutoCloseable {

        private static final java.util.regex.Pattern RECORD_ROUTE = java.util.regex.Pattern.compile("(?im)^Record-Route:(.*)$");
        private static final java.util.regex.Pattern CONTACT = java.util.regex.Pattern.compile("(?im)^(?:Contact|m):[^<]*<([^>]+)>");
        private static final java.util.regex.Pattern TO = java.util.regex.Pattern.compile("(?im)^(?:To|t):(.*)$");

        private final SipTransport.Connection line;
        private final String callId;
        private final String to;
        private final String target;
        private final List<String> routes;

        private LeavingCaller(SipTransport.Connection line, String callId, String to, String target, List<String> routes) {
            this.line = line;
            this.callId = callId;
            this.to = to;
            this.target = target;
            this.routes = routes;
        }

        /** INVITE with an offer, the node's 200 (it answers on queue, or an agent answered), the ACK along the route set. */
        static LeavingCaller call(int kamailio, String number, String callId) throws Exception {
            SipTransport.Connection line = SipTransport.UDP.connect(new java.net.InetSocketAddress("127.0.0.1", kamailio));
            String sdp = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            line.send(("INVITE sip:" + number + "@127.0.0.1:" + kamailio + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + line.local() + ";branch=z9hG4bK-invite-" + callId + "\r\n"
                    + "From: <sip:+4930111222@127.0.0.1>;tag=caller-" + callId + "\r\nTo: <sip:" + number + "@127.0.0.1>\r\n"
                    + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@" + line.local() + ">\r\nMax-Forwards: 70\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp).getBytes(StandardCharsets.US_ASCII));
            String answer = line.finalResponse("z9hG4bK-invite-" + callId, Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no answer to the INVITE of " + callId));
            assertThat(answer).as("the INVITE of %s", callId).startsWith("SIP/2.0 200");
            List<String> routes = new ArrayList<>();
            java.util.regex.Matcher recorded = RECORD_ROUTE.matcher(answer);
            while (recorded.find()) {
                java.util.Arrays.stream(recorded.group(1).split(",")).map(String::strip).forEach(routes::add);
            }
            // The UAC's route set is the Record-Route in reverse (RFC 3261 12.1.2).
            java.util.Collections.reverse(routes);
            java.util.regex.Matcher contact = CONTACT.matcher(answer);
            java.util.regex.Matcher to = TO.matcher(answer);
            assertThat(contact.find() && to.find()).as("Contact and To of %s", answer).isTrue();
            LeavingCaller caller = new LeavingCaller(line, callId, to.group(1).strip(), contact.group(1), routes);
            caller.send("ACK", 1, "ack");
            return caller;
        }

        /** The BYE through Kamailio, sent once: Kamailio's transaction retransmits it onwards. */
        void hangUp() throws Exception {
            send("BYE", 2, "bye");
        }

        String byeAnswer() throws Exception {
            return line.finalResponse("z9hG4bK-bye-" + callId, Duration.ofSeconds(15)).orElse("no answer to the BYE");
        }

        /** Answers a re-INVITE in this dialog (the same session, the next version) with 200; whether one came within {@code wait}. */
        boolean answerReInvite(Duration wait) throws Exception {
            Instant until = Instant.now().plus(wait);
            while (Instant.now().isBefore(until)) {
                Optional<String> request = line.response(callId, status -> status == -1, Duration.between(Instant.now(), until));
                if (request.isEmpty()) {
                    return false;
                }
                if (SipAnswers.method(request.get()).orElse("").equals("INVITE")) {
                    String sdp = "v=0\r\no=caller 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                            + "m=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
                    line.send(SipAnswers.answer(request.get(), "200 OK", "", "Contact: <sip:caller@" + line.local() + ">\r\n"
                            + "Content-Type: application/sdp\r\n", sdp).getBytes(StandardCharsets.US_ASCII));
                    return true;
                }
            }
            return false;
        }

        /**
         * Answers a re-INVITE in this dialog (the same session, the next version) and then the BYE,
         * each with 200; whether the BYE came within {@code wait}.
         */
        boolean answerReInviteThenBye(Duration wait) throws Exception {
            Instant until = Instant.now().plus(wait);
            boolean reInvited = false;
            while (Instant.now().isBefore(until)) {
                Optional<String> request = line.response(callId, status -> status == -1, Duration.between(Instant.now(), until));
                if (request.isEmpty()) {
                    break;
                }
                String method = SipAnswers.method(request.get()).orElse("");
                if (method.equals("INVITE")) {
                    String sdp = "v=0\r\no=caller 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                            + "m=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
                    line.send(SipAnswers.answer(request.get(), "200 OK", "", "Contact: <sip:caller@" + line.local() + ">\r\n"
                            + "Content-Type: application/sdp\r\n", sdp).getBytes(StandardCharsets.US_ASCII));
                    reInvited = true;
                } else if (method.equals("BYE")) {
                    line.send(SipAnswers.answer(request.get(), "200 OK", "", "", "").getBytes(StandardCharsets.US_ASCII));
                    return reInvited;
                }
            }
            return false;
        }

        private void send(String method, int seq, String branch) throws Exception {
            StringBuilder request = new StringBuilder(method + " " + target + " SIP/2.0\r\n")
                    .append("Via: SIP/2.0/UDP ").append(line.local()).append(";branch=z9hG4bK-").append(branch).append('-').append(callId).append("\r\n");
            routes.forEach(route -> request.append("Route: ").append(route).append("\r\n"));
            request.append("From: <sip:+4930111222@127.0.0.1>;tag=caller-").append(callId).append("\r\nTo: ").append(to).append("\r\n")
                    .append("Call-ID: ").append(callId).append("\r\nCSeq: ").append(seq).append(' ').append(method)
                    .append("\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
            line.send(request.toString().getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void close() throws Exception {
            line.close();
        }
    }

    @Test
    @Order(7)
    void aKilledNodesCallsGoToTheOtherNodeWithAgentStatesTheQueueAndTheBrowserSessionIntact() throws Exception {
        Sipp sipp = readyAgents();
        // The browser is pinned to the node that keeps the statistics slices: its kill also shows the lease taken over.
        String cookie = sessionCookieOn(sliceLease().holder());
        Cluster.Node killedNode = cluster.nodes().stream().filter(node -> cookie.endsWith("=" + node.name())).findFirst().orElseThrow();
        Cluster.Node survivor = cluster.nodes().stream().filter(node -> node != killedNode).findFirst().orElseThrow();
        // A caller answered on queue whose agent's phone rings when its node dies (the agent never picks up):
        // first, as its group's two-minute ring time outlasts everything before the kill.
        String ringingAgent = extension(AGENTS + 2);
        String ringingNumber = ringingGroupNumber(ringingAgent);
        Registration ringingRegistered = answerChallenge(survivor, survivor, ringingAgent, "bench", RINGING_PHONE_PORT, "z9hG4bK-cl-ringing", 300);
        assertThat(ringingRegistered.answer()).as("%s's phone registers", ringingAgent).startsWith("SIP/2.0 200");
        RawAgentPhone ringingPhone = RawAgentPhone.ringingOn(RINGING_PHONE_PORT);
        setState(ringingAgent, "{\"state\":\"READY\"}", cookie);
        LeavingCaller ringingCaller = callerOn(killedNode, ringingNumber, "ringing");
        awaitTrue(ringingAgent + "'s phone rings for " + ringingCaller.callId, Duration.ofSeconds(15), () -> {
            JsonObject agent = agentState(ringingAgent, cookie);
            return agent.getString("state").equals("RINGING") && ringingCaller.callId.equals(agent.getString("callId", ""));
        });
        String ringingLeg = ringingPhone.lastCall().orElseThrow();
        // Agents talking on both nodes (Kamailio spreads calls by Call-ID), the others logged out,
        // and callers waiting on both nodes.
        sipp.start(talkingCallers(), 5993, List.of("-s", BenchTenant.SERVICE_NUMBER, "-mp", "16610",
                "-r", "10", "-m", "10", "-l", "10", "-d", "60000", "-timeout", "120s"));
        awaitTrue("ten agents talk", Duration.ofSeconds(20), () -> extensionsIn("ON_CALL").size() == 10);
        java.util.Map<String, String> talking = new java.util.HashMap<>();
        for (String extension : extensionsIn("ON_CALL")) {
            talking.put(extension, agentState(extension, cookie).getString("callId"));
        }
        // A caller talking to an agent on the node that is killed, who hangs up right after the kill.
        LeavingCaller talkingLeaving = callerTalkingOn(killedNode);
        String[] talkingLeavingAgent = new String[1];
        awaitTrue("the agent of " + talkingLeaving.callId + " talks", Duration.ofSeconds(10), () -> {
            for (String extension : extensionsIn("ON_CALL")) {
                if (talkingLeaving.callId.equals(agentState(extension, cookie).getString("callId", ""))) {
                    talkingLeavingAgent[0] = extension;
                    return true;
                }
            }
            return false;
        });
        List<String> loggedOut = extensionsIn("READY");
        for (String extension : loggedOut) {
            setState(extension, "{\"state\":\"LOGGED_OUT\"}", cookie);
        }
        // An agent whose phone hangs up right after the kill: its BYE goes to the dead node, so the
        // survivor's re-INVITE meets a phone without that call (481). The only agent ready now.
        String hangingUpAgent = extension(AGENTS + 1);
        Registration phoneRegistered = answerChallenge(survivor, survivor, hangingUpAgent, "bench", HANGING_UP_PHONE_PORT,
                "z9hG4bK-cl-hanging-up", 300);
        assertThat(phoneRegistered.answer()).as("%s's phone registers", hangingUpAgent).startsWith("SIP/2.0 200");
        RawAgentPhone hangingUpPhone = RawAgentPhone.on(HANGING_UP_PHONE_PORT);
        setState(hangingUpAgent, "{\"state\":\"READY\"}", cookie);
        LeavingCaller agentHangsUp = callerOn(killedNode, BenchTenant.SERVICE_NUMBER, "agent-hangs-up");
        awaitTrue(hangingUpAgent + " talks to " + agentHangsUp.callId, Duration.ofSeconds(10),
                () -> agentHangsUp.callId.equals(agentState(hangingUpAgent, cookie).getString("callId", "")));
        String hangingUpLeg = hangingUpPhone.lastCall().orElseThrow();
        sipp.start("caller.xml", 5992, List.of("-s", BenchTenant.SERVICE_NUMBER,
                "-r", "10", "-m", "10", "-l", "10", "-d", "300", "-timeout", "90s", "-trace_logs"));
        // Before the callers below: they wait 12 s for their takeover, this one takes seconds to place.
        LeavingCaller leaving = callerWaitingOn(killedNode);
        // And callers of a number that answers on queue: their dialogs are confirmed, so they can move.
        String answering = answeringOnQueue();
        // The leaving caller's tries were answered in the flow too: only lines after them count.
        long answeredBefore = occurrences(killedNode, "caller answered in the flow") + occurrences(survivor, "caller answered in the flow");
        Process movable = sipp.start("caller-taken-over.xml", 5994, List.of("-s", answering,
                "-r", "20", "-m", "20", "-l", "20", "-d", "8000", "-timeout", "120s", "-trace_logs"));
        awaitTrue("the twenty callers of " + answering + " are answered on queue", Duration.ofSeconds(20),
                () -> occurrences(killedNode, "caller answered in the flow") + occurrences(survivor, "caller answered in the flow")
                        >= answeredBefore + 20);
        awaitTrue("their twenty call records", Duration.ofSeconds(10), () -> waitingOn(killedNode.name(), answering)
                + waitingOn(survivor.name(), answering) == 20);
        long movableOnKilled = waitingOn(killedNode.name(), answering);
        assertThat(movableOnKilled).as("callers of %s waiting on %s", answering, killedNode.name()).isPositive();

        java.util.Map<String, String> talkedOnKilledNode = talkingOn(killedNode.name(), talking);
        // One of those callers is on hold when its node dies: it stays on hold at the survivor until resumed there.
        String heldCall = talkedOnKilledNode.values().iterator().next();
        HttpResponse<String> hold = callRequest("POST", heldCall, "/hold");
        assertThat(hold.statusCode()).as("hold of %s: %s", heldCall, hold.body()).isEqualTo(202);
        Instant heldAt = Instant.now();
        awaitTrue(heldCall + " is on hold", Duration.ofSeconds(10),
                () -> TestNodes.json(callRequest("GET", heldCall, "").body()).getBoolean("onHold", false));
        java.util.concurrent.CompletableFuture<Boolean> ringingReInvited = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return ringingCaller.answerReInvite(Duration.ofSeconds(30));
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });

        kill(killedNode.name());
        Instant killed = Instant.now();
        leaving.hangUp();
        talkingLeaving.hangUp();
        hangingUpPhone.hangUp(hangingUpLeg);
        // Its caller answers the survivor's re-INVITE at once, as a phone does (Kamailio gives it 2 s).
        java.util.concurrent.CompletableFuture<Boolean> byeAfterReInvite = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return agentHangsUp.answerReInviteThenBye(Duration.ofSeconds(30));
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        // Kamailio probes each node with OPTIONS every second; one unanswered probe marks it down.
        Thread.sleep(4000);
        for (String extension : loggedOut) {
            setState(extension, "{\"state\":\"READY\"}", cookie);
        }
        assertTalkingCallsTakenOver(talkedOnKilledNode, heldCall, Duration.between(heldAt, killed), killedNode, survivor, cookie);
        awaitTrue(survivor.name() + " takes the killed node's waiting callers out of the queue", Duration.ofSeconds(20),
                () -> Files.readString(survivor.wildfly().serverLog()).contains("left the queue: its node " + killedNode.name() + " left the cluster"));
        assertHungUpAtTheSurvivor(leaving, killedNode, survivor);
        assertTalkingHungUpAtTheSurvivor(talkingLeaving, talkingLeavingAgent[0], killedNode, survivor, cookie);
        assertAgentHungUpBeforeTheTakeover(agentHangsUp, byeAfterReInvite, hangingUpAgent, hangingUpLeg, hangingUpPhone, survivor, cookie);
        assertRingingCallerWaitsOnAtTheSurvivor(ringingCaller, ringingReInvited, ringingAgent, ringingLeg, ringingPhone, killedNode, survivor,
                cookie);
        Duration leftOfThirtySeconds = Duration.ofSeconds(30).minus(Duration.between(killed, Instant.now()));
        awaitTrue(survivor.name() + " takes the slice lease over", leftOfThirtySeconds.isNegative() ? Duration.ofSeconds(1) : leftOfThirtySeconds,
                () -> sliceLease().holder().equals(survivor.name()));
        System.out.printf("%s holds the slice lease %d ms after %s was killed%n", survivor.name(),
                Duration.between(killed, Instant.now()).toMillis(), killedNode.name());
        SliceLeaseRow takenOver = sliceLease();
        awaitTrue("the slices advance under " + survivor.name(), Duration.ofSeconds(40), () -> {
            SliceLeaseRow now = sliceLease();
            return now.holder().equals(survivor.name()) && now.passes() > takenOver.passes()
                    && now.callWatermark().isAfter(takenOver.callWatermark());
        });

        try (Connection db = master(); PreparedStatement lost = db.prepareStatement("SELECT COUNT(*) FROM call_record"
                + " WHERE handled_by_node = ? AND outcome = 'FAILED' AND ended_at IS NOT NULL AND answered_at IS NULL")) {
            lost.setString(1, killedNode.name());
            awaitTrue("the killed node's waiting callers' records end FAILED", Duration.ofSeconds(10), () -> {
                try (ResultSet count = lost.executeQuery()) {
                    return count.next() && count.getInt(1) > 0;
                }
            });
        }

        Sipp.Result calls = sipp.run("caller.xml", 5991, List.of("-s", BenchTenant.SERVICE_NUMBER,
                "-r", "5", "-m", "40", "-l", "40", "-d", "300", "-timeout", "60s", "-trace_logs"));
        assertThat(calls.exit()).as("every call after the dispatcher noticed succeeds: %s", sipp.errorLogs()).isZero();
        Set<String> completed = completedCallIds();
        assertThat(completed).hasSizeGreaterThanOrEqualTo(40);
        assertThat(awaitAnsweredRecords(completed, () -> callIds(master()))).containsAll(completed);

        // Agents still talking on the survivor's calls: their states came through the kill in the
        // replicated cache, read through the browser session that was pinned to the killed node.
        talking.keySet().removeAll(talkedOnKilledNode.keySet());
        assertThat(talking).as("agents talking on %s's calls", survivor.name()).isNotEmpty();
        for (var agentAndCall : talking.entrySet()) {
            JsonObject now = agentState(agentAndCall.getKey(), cookie);
            assertThat(now.getString("state")).as("%s still talks: %s", agentAndCall.getKey(), now).isEqualTo("ON_CALL");
            assertThat(now.getString("callId")).isEqualTo(agentAndCall.getValue());
        }
        assertThat(health(survivor, "/telephony/health").getJsonObject("checks").getJsonObject("cache")
                .getJsonArray("members").getValuesAs(jakarta.json.JsonString::getString)).containsExactly(survivor.name());

        for (Cluster.Node node : List.of(killedNode, survivor)) {
            Files.readAllLines(node.wildfly().serverLog()).stream()
                    .filter(line -> line.contains("taking over") || line.contains("taken over") || line.contains("caller dialog")
                            || line.contains("go on at a survivor") || line.contains("re-INVITE") || line.contains("hung up here"))
                    .limit(40).forEach(line -> System.out.println(node.name() + ": " + line));
        }
        // The answered-on-queue callers of the killed node went on at the survivor: re-INVITE, queue,
        // an agent; every one of the twenty completed its dialog (the BYE's 200) and none ended FAILED.
        assertThat(Sipp.await(movable, 90).exit()).as("callers answered on queue: %s", sipp.errorLogs()).isZero();
        List<String> movedOutcomes = outcomesOf(answering);
        System.out.printf("answered-on-queue callers: %d waited on %s; outcomes %s%n", movableOnKilled, killedNode.name(), movedOutcomes);
        assertThat(movedOutcomes).hasSize(20).doesNotContain("FAILED");
        try (Connection db = master(); PreparedStatement moved = db.prepareStatement("SELECT r.handled_by_node, r.outcome FROM call_record r"
                + " JOIN call_event e ON e.call_id = r.call_id AND e.type = 'CallTakenOver' WHERE r.service_number = ?")) {
            moved.setString(1, answering);
            List<String> movedCalls = new ArrayList<>();
            try (ResultSet rows = moved.executeQuery()) {
                while (rows.next()) {
                    movedCalls.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            assertThat(movedCalls).as("every caller that waited on %s was taken over by %s", killedNode.name(), survivor.name())
                    .hasSize((int) movableOnKilled).allSatisfy(row -> assertThat(row).startsWith(survivor.name() + " "));
            assertThat(movedCalls).as("taken-over callers connected to an agent on %s", survivor.name()).contains(survivor.name() + " ANSWERED");
        }
        // Ready again after its hang-up, the raw phone may have taken further calls; it leaves with this test.
        awaitTrue(hangingUpAgent + " is off its calls", Duration.ofSeconds(20), () -> !state(hangingUpAgent, "").equals("ON_CALL"));
        setState(hangingUpAgent, "{\"state\":\"LOGGED_OUT\"}", cookie);
        hangingUpPhone.close();
    }

    /**
     * The caller answered on queue whose agent's phone rang when its node was killed: the survivor
     * re-INVITEd it, cancelled the phone's ringing INVITE of the dead node, and the caller waits in
     * its queue there, moved once; the agent, freed, is offered it again by the survivor. Then the
     * caller hangs up: its record ends ABANDONED at the survivor.
     */
    private void assertRingingCallerWaitsOnAtTheSurvivor(LeavingCaller caller, java.util.concurrent.CompletableFuture<Boolean> reInvited,
                                                         String agent, String deadLeg, RawAgentPhone phone, Cluster.Node killed,
                                                         Cluster.Node survivor, String cookie) throws Exception {
        try {
            assertThat(reInvited.get(40, java.util.concurrent.TimeUnit.SECONDS)).as("the survivor re-INVITEd %s", caller.callId).isTrue();
            awaitTrue(agent + "'s phone gets the CANCEL of " + killed.name() + "'s INVITE", Duration.ofSeconds(10), () -> phone.cancelled(deadLeg));
            assertThat(Files.readString(survivor.wildfly().serverLog())).contains("rang for caller " + caller.callId + " through "
                    + killed.name() + ": CANCEL sent");
            awaitTrue(survivor.name() + " offers " + caller.callId + " to " + agent + " again", Duration.ofSeconds(20), () -> {
                JsonObject now = agentState(agent, cookie);
                return now.getString("state").equals("RINGING") && caller.callId.equals(now.getString("callId", ""))
                        && !phone.lastCall().orElse(deadLeg).equals(deadLeg);
            });
        } catch (AssertionError | java.util.concurrent.TimeoutException e) {
            System.out.printf("%s: record %s at %s, agent %s%n", caller.callId, outcomeOf(caller.callId), handlerOf(caller.callId),
                    agentState(agent, cookie));
            for (Cluster.Node node : List.of(killed, survivor)) {
                Files.readAllLines(node.wildfly().serverLog()).stream()
                        .filter(line -> line.contains(caller.callId) || line.contains(deadLeg) || line.contains(agent))
                        .limit(40).forEach(line -> System.out.println(node.name() + ": " + line));
            }
            throw e;
        }
        assertThat(handlerOf(caller.callId)).isEqualTo(survivor.name());
        assertThat(outcomeOf(caller.callId)).as("still waiting").isNull();
        assertThat(takeOvers(caller.callId)).as("%s moved to %s once", caller.callId, survivor.name()).isEqualTo(1);
        caller.hangUp();
        assertByeAnsweredAndEndedAt(caller, "ABANDONED", survivor);
        String secondLeg = phone.lastCall().orElseThrow();
        awaitTrue("the offer of the survivor is cancelled with the hang-up", Duration.ofSeconds(10), () -> phone.cancelled(secondLeg));
        awaitTrue(agent + " is free again", Duration.ofSeconds(10), () -> state(agent, cookie).equals("READY"));
        setState(agent, "{\"state\":\"LOGGED_OUT\"}", cookie);
        phone.close();
    }

    private String state(String extension, String cookie) throws Exception {
        return agentState(extension, cookie).getString("state");
    }

    private JsonObject agentState(String extension, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.httpsUrl() + "api/v1/agents/" + extension + "/state"))
                .header("Authorization", benchAdmin());
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", extension, response.body()).isEqualTo(200);
        return TestNodes.json(response.body());
    }

    private List<String> extensionsIn(String state) throws Exception {
        List<String> found = new ArrayList<>();
        for (int i = 1; i <= AGENTS; i++) {
            if (state(extension(i), "").equals(state)) {
                found.add(extension(i));
            }
        }
        return found;
    }

    /** The callers that talk to the agents: they answer a survivor's re-INVITE, then play audio and hang up 8 s later. */
    private Path talkingCallers() throws Exception {
        Path audio = RtpCapture.noise(21, 150).write(sippFolder.resolve("talking-caller.pcap"), 0);
        return Sipp.template("caller-talks-taken-over.xml", Map.of("@PCAP@", audio.toString(), "@TALK_MS@", "8000"), sippFolder);
    }

    /** Of {@code talking} (agent extension to call id), the calls {@code node} holds, as their records say. */
    private static java.util.Map<String, String> talkingOn(String node, java.util.Map<String, String> talking) throws Exception {
        java.util.Map<String, String> held = new java.util.HashMap<>();
        try (Connection db = master(); PreparedStatement query = db.prepareStatement(
                "SELECT handled_by_node FROM call_record WHERE call_id = ?")) {
            for (var agentAndCall : talking.entrySet()) {
                query.setString(1, agentAndCall.getValue());
                try (ResultSet row = query.executeQuery()) {
                    if (row.next() && node.equals(row.getString(1))) {
                        held.put(agentAndCall.getKey(), agentAndCall.getValue());
                    }
                }
            }
        }
        assertThat(held).as("agents talking on %s's calls (of %s)", node, talking).isNotEmpty();
        return held;
    }

    /**
     * The calls agents talked on through the killed node went on at the survivor: a CallTakenOver
     * event and the record moved to it while the agent stays ON_CALL on the same call; the caller
     * hangs up 8 s later, the record ends ANSWERED and the agent is free of the call; and after the
     * move both legs on the survivor carried audio both ways (the caller's into the bridge and the
     * agent phone's echo of it back). The call on hold went on on hold: its caller heard music from
     * the survivor, was resumed there, and its time on hold counts from the hold's start on the
     * killed node.
     */
    private void assertTalkingCallsTakenOver(java.util.Map<String, String> moved, String heldCall, Duration heldBeforeTheKill,
                                             Cluster.Node killedNode, Cluster.Node survivor, String cookie) throws Exception {
        Set<String> callIds = new HashSet<>(moved.values());
        try {
            awaitTrue("the survivor takes the calls agents talked on through " + killedNode.name() + " over", Duration.ofSeconds(30),
                    () -> Files.readAllLines(survivor.wildfly().serverLog()).stream()
                            .filter(line -> line.contains("talk on through " + survivor.name())).count() >= callIds.size() - 1
                            && Files.readString(survivor.wildfly().serverLog()).contains("held call taken over: the caller hears music on hold through "
                            + survivor.name()));
        } catch (AssertionError e) {
            Files.readAllLines(survivor.wildfly().serverLog()).stream()
                    .filter(line -> line.contains("taking over") || line.contains("takeover") || line.contains("taken over"))
                    .limit(40).forEach(line -> System.out.println(survivor.name() + ": " + line));
            throw e;
        }
        assertThat(TestNodes.json(callRequest("GET", heldCall, "").body()).getBoolean("onHold", false))
                .as("%s is still on hold after the takeover", heldCall).isTrue();
        HttpResponse<String> resume = callRequest("POST", heldCall, "/resume");
        assertThat(resume.statusCode()).as("resume of %s at %s: %s", heldCall, survivor.name(), resume.body()).isEqualTo(202);
        for (var agentAndCall : moved.entrySet()) {
            JsonObject now = agentState(agentAndCall.getKey(), cookie);
            assertThat(now.getString("state")).as("%s talks on after the takeover: %s", agentAndCall.getKey(), now).isEqualTo("ON_CALL");
            assertThat(now.getString("callId")).isEqualTo(agentAndCall.getValue());
        }
        List<String> ended = new ArrayList<>();
        awaitTrue("the taken-over calls end ANSWERED on " + survivor.name(), Duration.ofSeconds(20), () -> {
            ended.clear();
            try (Connection db = master(); PreparedStatement query = db.prepareStatement("SELECT r.call_id, r.handled_by_node,"
                    + " COALESCE(r.outcome, 'OPEN'), (SELECT COUNT(*) FROM call_event e WHERE e.call_id = r.call_id AND e.type = 'CallTakenOver')"
                    + " FROM call_record r WHERE r.call_id = ?")) {
                for (String callId : callIds) {
                    query.setString(1, callId);
                    try (ResultSet row = query.executeQuery()) {
                        if (row.next()) {
                            ended.add(row.getString(2) + " " + row.getString(3) + " takenOver=" + row.getInt(4));
                        }
                    }
                }
            }
            return ended.size() == callIds.size() && ended.stream().noneMatch(row -> row.contains(" OPEN "));
        });
        System.out.println("talking calls of " + killedNode.name() + " after the takeover: " + ended);
        assertThat(ended).as("records of the calls agents talked on through %s", killedNode.name())
                .allSatisfy(row -> assertThat(row).isEqualTo(survivor.name() + " ANSWERED takenOver=1"));
        for (var agentAndCall : moved.entrySet()) {
            awaitTrue(agentAndCall.getKey() + " is done with its taken-over call", Duration.ofSeconds(10), () -> {
                JsonObject now = agentState(agentAndCall.getKey(), cookie);
                return !(now.getString("state").equals("ON_CALL") && agentAndCall.getValue().equals(now.getString("callId", "")));
            });
        }
        java.util.regex.Pattern media = java.util.regex.Pattern.compile(
                "media of taken-over call (\\S+): caller received=(\\d+) sent=(\\d+), agent received=(\\d+) sent=(\\d+)");
        Map<String, long[]> figures = new HashMap<>();
        for (String line : Files.readAllLines(survivor.wildfly().serverLog())) {
            java.util.regex.Matcher found = media.matcher(line);
            if (found.find()) {
                figures.put(found.group(1), new long[] {Long.parseLong(found.group(2)), Long.parseLong(found.group(3)),
                        Long.parseLong(found.group(4)), Long.parseLong(found.group(5))});
            }
        }
        figures.forEach((callId, packets) -> System.out.println("RTP after the takeover of " + callId + " (caller received, sent;"
                + " agent received, sent): " + java.util.Arrays.toString(packets)));
        assertThat(figures.keySet()).as("media figures of the taken-over calls").containsAll(callIds);
        for (String callId : callIds) {
            // The caller plays 150 packets after the move; the agent's phone echoes what the bridge gives it.
            List<Long> packets = java.util.Arrays.stream(figures.get(callId)).boxed().toList();
            String what = "RTP of " + callId + " on " + survivor.name() + " after the takeover: caller received, sent; agent received, sent";
            if (callId.equals(heldCall)) {
                // Heard by its agent only after the resume, with music before it: its own leg's figures are the proof.
                assertThat(packets.get(0)).as(what + " %s", packets).isGreaterThanOrEqualTo(100L);
                assertThat(packets.get(1)).as(what + " %s: at least a second of music", packets).isGreaterThanOrEqualTo(50L);
            } else {
                assertThat(packets).as(what).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(100L));
            }
        }
        JsonObject held = TestNodes.json(callRequest("GET", heldCall, "").body());
        List<JsonObject> steps = held.getJsonArray("steps").getValuesAs(JsonObject.class);
        assertThat(steps.stream().map(step -> step.getString("kind")).toList()).as("steps of the held call %s", heldCall)
                .containsSubsequence("CallHeld", "CallTakenOver", "CallResumed", "CallEnded");
        double heldSeconds = steps.stream().filter(step -> step.getString("kind").equals("CallResumed")).findFirst().orElseThrow()
                .getJsonObject("data").getJsonNumber("heldSeconds").doubleValue();
        assertThat(heldSeconds).as("the hold counts from its start on %s", killedNode.name())
                .isGreaterThanOrEqualTo(heldBeforeTheKill.toMillis() / 1000.0);
    }

    /** A call request of the bench tenant's admin through haproxy: {@code GET} the call, or {@code POST} its {@code /hold} or {@code /resume}. */
    private HttpResponse<String> callRequest(String method, String callId, String action) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.httpsUrl() + "api/v1/calls/" + callId + action))
                .header("Authorization", benchAdmin()).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void setState(String extension, String body, String cookie) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.httpsUrl() + "api/v1/agents/" + extension + "/state"))
                .header("Authorization", benchAdmin()).header("Content-Type", "application/json").header("Cookie", cookie)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", extension, body, response.body()).isEqualTo(200);
    }

    /** Registers the bench tenant's agents through Kamailio, answers for all their phones, makes them READY. */
    private Sipp readyAgents() throws Exception {
        Sipp sipp = new Sipp(cluster.topology().frontends().sip(), sippFolder);
        Path agents = sippFolder.resolve("agents.csv");
        List<String> lines = new ArrayList<>(List.of("SEQUENTIAL"));
        IntStream.rangeClosed(1, AGENTS).mapToObj(ClusterFailoverIT::extension)
                .map(user -> user + ";[authentication username=" + user + " password=bench];" + AGENT_PHONES_PORT)
                .forEach(lines::add);
        Files.write(agents, lines);
        Sipp.Result registered = sipp.run("bench-register.xml", 5970, List.of("-inf", agents.toString(),
                "-m", Integer.toString(AGENTS), "-r", "50", "-timeout", "60s"));
        assertThat(registered.exit()).as("agent phones registered: %s", sipp.errorLogs()).isZero();
        // The phones echo what they hear, and answer a survivor's re-INVITE when their call's node is killed.
        sipp.start("agent-answer-taken-over.xml", AGENT_PHONES_PORT, List.of("-d", "0", "-timeout", "200s", "-rtp_echo", "-mp", "16600"));
        for (int i = 1; i <= AGENTS; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.httpsUrl() + "api/v1/agents/" + extension(i) + "/state"))
                    .header("Authorization", benchAdmin()).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"READY\"}")).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s READY: %s", extension(i), response.body()).isEqualTo(200);
        }
        return sipp;
    }

    private static String benchAdmin() {
        return basic("admin@bench", "bench-admin");
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String extension(int i) {
        return String.format("b%04d", i);
    }

    /** SIGKILL, as a crash: the pid the launcher recorded for that part. */
    private static void kill(String component) throws Exception {
        Properties record = new Properties();
        try (var reader = Files.newBufferedReader(home.resolve("cluster/run/cluster.properties"))) {
            record.load(reader);
        }
        long pid = Long.parseLong(record.getProperty("pid." + component));
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get();
    }

    private static String masterUrl() {
        return "jdbc:mariadb://127.0.0.1:" + cluster.topology().frontends().dbMaster() + "/verbund";
    }

    private static Connection master() throws SQLException {
        return DriverManager.getConnection(masterUrl() + "?sslMode=verify-full&serverSslCert=" + cluster.tlsDir().resolve("ca.pem"),
                "verbund", cluster.applicationPassword());
    }

    /** A new browser session through haproxy's web frontend, asked again until round robin lands on {@code node}. */
    private String sessionCookieOn(String node) throws Exception {
        for (int attempt = 0; attempt < 2 * cluster.nodes().size(); attempt++) {
            HttpResponse<String> pinned = http.send(HttpRequest.newBuilder(URI.create(cluster.httpsUrl() + "api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = pinned.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
            if (cookie.endsWith("=" + node)) {
                return cookie;
            }
        }
        throw new AssertionError("haproxy never pinned a new session to " + node);
    }

    /** The one row of {@code stats_worker_lease}, read on the master (where the worker writes it). */
    private record SliceLeaseRow(String holder, long passes, Instant callWatermark, boolean current) {
    }

    private static SliceLeaseRow sliceLease() throws SQLException {
        try (Connection db = master(); PreparedStatement query = db.prepareStatement("SELECT holder, passes, call_watermark,"
                + " lease_until > NOW(3) FROM stats_worker_lease WHERE name = 'slices'"); ResultSet row = query.executeQuery()) {
            assertThat(row.next()).as("the slice lease row").isTrue();
            return new SliceLeaseRow(String.valueOf(row.getString(1)), row.getLong(2), row.getTimestamp(3).toInstant(), row.getBoolean(4));
        }
    }

    private HttpResponse<String> callReport(Cluster.Node node) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.ports().http()
                        + "/stats/api/v1/tenants/bench/reports/calls?by=group&period=day"))
                .header("Authorization", benchAdmin())
                .timeout(Duration.ofSeconds(15)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code @@server_id} a day's calls-by-group report says it was read from, on {@code node}'s stats service. */
    private long reportServerId(Cluster.Node node) throws Exception {
        HttpResponse<String> report = callReport(node);
        assertThat(report.statusCode()).as("%s: %s", node.name(), report.body()).isEqualTo(200);
        return readFromServerId(report);
    }

    private static long readFromServerId(HttpResponse<String> report) {
        JsonObject readFrom = TestNodes.json(report.body()).getJsonObject("readFrom");
        assertThat(readFrom.getString("role")).isEqualTo("REPORTING");
        return readFrom.getJsonNumber("serverId").longValue();
    }

    private long realtimeServerId(Cluster.Node node) throws Exception {
        return health(node, "/stats/health").getJsonObject("checks").getJsonObject("datasources")
                .getJsonObject("realtime").getJsonNumber("serverId").longValue();
    }

    private JsonObject health(Cluster.Node node, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.ports().http() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return TestNodes.json(response.body());
    }

    /** Call-IDs of the caller runs' -trace_logs: the calls SIPp completed (200, ACK, BYE, 200). */
    private Set<String> completedCallIds() throws Exception {
        try (var files = Files.list(sippFolder)) {
            Set<String> ids = new HashSet<>();
            for (Path log : files.filter(path -> path.getFileName().toString().matches("caller_\\d+_logs\\.log")).toList()) {
                Files.readAllLines(log).stream().filter(line -> line.startsWith("completed "))
                        .map(line -> line.substring("completed ".length()).trim()).forEach(ids::add);
            }
            return ids;
        }
    }

    private static Set<String> callIds(Connection db) throws SQLException {
        try (db; PreparedStatement query = db.prepareStatement("SELECT r.call_id FROM call_record r JOIN tenant t ON t.id = r.tenant_id"
                + " WHERE t.tenant_key = 'bench' AND r.outcome = 'ANSWERED' AND r.ended_at IS NOT NULL");
             ResultSet rows = query.executeQuery()) {
            Set<String> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    /** Records are written in batches, and retried across the failover: wait up to 30 s for all. */
    private static Set<String> awaitAnsweredRecords(Set<String> expected, Callable<Set<String>> read) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        Set<String> ids = read.call();
        while (!ids.containsAll(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            ids = read.call();
        }
        Set<String> found = ids;
        Set<String> missing = expected.stream().filter(id -> !found.contains(id)).collect(Collectors.toSet());
        System.out.println("answered records: " + found.size() + ", missing for completed calls: " + missing);
        return found;
    }

    private static void awaitTrue(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what, last);
    }

    private record Launch(int exit, String output) {
    }

    private static Launch verbund(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.resolve("cluster").toString(), "--node", TestNodes.nodeDir().toString()));
        int exit = Verbund.run(print, print, all.toArray(String[]::new));
        String output = buffer.toString(StandardCharsets.UTF_8);
        System.out.println("./verbund " + String.join(" ", args) + " -> " + exit + "\n" + output);
        return new Launch(exit, output);
    }
}
