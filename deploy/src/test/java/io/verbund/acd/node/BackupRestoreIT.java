package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.verbund.acd.launcher.DemoNode;
import io.verbund.acd.launcher.ExitCode;
import io.verbund.acd.launcher.Verbund;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./verbund backup} and {@code restore} end to end: recorded calls through SIPp, a backup of
 * the running demo, the home wiped (database, storage, secrets), a tampered backup refused, the
 * backup restored, and the node started again on it. Its own node: a restore needs the home
 * stopped, which a node shared with other classes cannot be.
 */
class BackupRestoreIT {

    private static final int PORT_OFFSET = 2700;
    private static final String HOTLINE = "+4930500100";
    private static final int PCMA = 8;
    private static final String RECORDING = "storage/demo/recordings/";

    @TempDir
    static Path homeFolder;

    @TempDir
    Path work;

    private static DemoNode node;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startNode() {
        node = TestNodes.startNode(homeFolder, PORT_OFFSET, Map.of());
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        Sipp.stopAll();
        TestNodes.stopNode(node);
    }

    @Test
    void aWipedDemoRestoredFromItsBackupHasTheSameCallRecordsAndRecordings() throws Exception {
        List<String> recordings = List.of(recordedCall(1, 5901, 16300), recordedCall(2, 5903, 16500));
        List<String> records = callRecords();
        Map<String, String> storage = checksums(node.home().storageRoot());
        byte[] firstRecording = Files.readAllBytes(node.home().storageRoot().resolve("demo/recordings").resolve(recordings.get(0)));
        assertThat(records).as("both calls ended, each with its recording").hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(record -> record.endsWith(recordings.get(0))).anyMatch(record -> record.endsWith(recordings.get(1)));

        Path backup = work.resolve("backup");
        Launcher backedUp = Launcher.run("backup", backup.toString());
        assertThat(backedUp.exit()).as(backedUp.toString()).isZero();
        assertThat(backedUp.out()).contains("Backing up the running demo").contains("database:").contains("storage:")
                .contains(storage.size() + " of " + storage.size() + " files");
        String manifest = Files.readString(backup.resolve("manifest.properties"));
        assertThat(manifest).contains("database.source=the demo's MariaDB").containsPattern("database.gtid=0-1-\\d+")
                .contains("database.tool=mariadb-dump from 11.4").contains("storage.files=" + storage.size());
        assertThat(backedUp.out() + manifest).as("no secret of the home in the output or the manifest")
                .doesNotContain(node.home().databasePassword());
        Launcher whileRunning = Launcher.run("restore", backup.toString());
        assertThat(whileRunning.exit()).as(whileRunning.toString()).isEqualTo(ExitCode.ALREADY_RUNNING.code());

        node.stop();
        Launcher stoppedBackup = Launcher.run("backup", work.resolve("backup-of-the-stopped-demo").toString());
        assertThat(stoppedBackup.exit()).as(stoppedBackup.toString()).isZero();
        assertThat(stoppedBackup.out()).contains("Backing up the stopped demo").contains(storage.size() + " stored files");
        node.home().wipe();
        Path tampered = backup.resolve(RECORDING).resolve(recordings.get(1));
        byte[] original = Files.readAllBytes(tampered);
        byte[] changed = original.clone();
        changed[changed.length - 1] ^= 1;
        Files.write(tampered, changed);
        Launcher refused = Launcher.run("restore", backup.toString());
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCode.FAILED.code());
        assertThat(refused.err()).contains(RECORDING + recordings.get(1) + " has SHA-256").contains("Nothing was changed");
        assertThat(node.home().storageRoot()).as("nothing restored from a tampered backup").doesNotExist();
        assertThat(node.home().databaseDir()).doesNotExist();
        Files.write(tampered, original);

        Launcher restored = Launcher.run("restore", backup.toString());
        assertThat(restored.exit()).as(restored.toString()).isZero();
        assertThat(restored.out()).contains("every file matches its SHA-256").contains(records.size() + " call records")
                .contains("storage: " + storage.size() + " files");
        assertThat(checksums(node.home().storageRoot())).as("every stored file back, byte for byte").isEqualTo(storage);

        node = TestNodes.startNode(homeFolder, PORT_OFFSET, Map.of());
        assertThat(callRecords()).as("the same call records, ids and recordings").isEqualTo(records);
        String callId = callIdOf(recordings.get(0));
        HttpResponse<byte[]> viaPortal = http.send(HttpRequest.newBuilder(URI.create(node.portalUrl()).resolve("api/v1/calls/" + callId + "/recording"))
                .header("Authorization", basic("supervisor@demo", "demo-supervisor")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(viaPortal.statusCode()).as("the restored node serves the restored recording").isEqualTo(200);
        assertThat(viaPortal.body()).isEqualTo(firstRecording);
    }

    /** One call to the recorded hotline, answered by {@code agent 1001}, both sides talking; its recording's file name once complete. */
    private String recordedCall(int seed, int agentPort, int mediaPort) throws Exception {
        Sipp sipp = new Sipp(node.ports().sip(), work);
        RtpCapture callerAudio = RtpCapture.noise(seed * 10L + 1, 100);
        RtpCapture agentAudio = RtpCapture.noise(seed * 10L + 2, 100);
        Path agentScenario = Sipp.template("agent-talks.xml", Map.of("@PCAP@", agentAudio.write(work.resolve("agent" + seed + ".pcap"), PCMA).toString()), work);
        Path callerScenario = Sipp.template("caller-talks.xml", Map.of("@PCAP@", callerAudio.write(work.resolve("caller" + seed + ".pcap"), PCMA).toString(),
                "@TALK_MS@", "2500"), work);
        sipp.registerAgent(1001, "demo-1001", agentPort);
        Process phone = sipp.start(agentScenario, agentPort, List.of("-m", "1", "-mp", Integer.toString(mediaPort + 100), "-timeout", "60s"));
        ApiClient admin = ApiClient.as(URI.create(node.portalUrl()), "admin@demo", "demo-admin");
        ApiClient.Answer ready = admin.put("api/v1/agents/1001/state", "{\"state\":\"READY\"}");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        long before = lastRecordId();

        Sipp.Result caller = sipp.run(callerScenario, agentPort + 1, List.of("-s", HOTLINE, "-m", "1", "-mp", Integer.toString(mediaPort), "-timeout", "60s"));

        assertThat(caller.exit()).as("caller: %s%n%s", caller.command(), sipp.errorLogs()).isZero();
        assertThat(Sipp.await(phone, 30).exit()).as("agent phone: %s", sipp.errorLogs()).isZero();
        String file = await().atMost(Duration.ofSeconds(20)).until(() -> recordingAfter(before), name -> name != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> complete(file));
        admin.put("api/v1/agents/1001/state", "{\"state\":\"LOGGED_OUT\"}");
        return file;
    }

    private boolean complete(String file) throws Exception {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(node.portalUrl()).resolve("/storage/api/v1/tenants/demo/files/recordings/" + file))
                .header("Authorization", basic("admin@demo", "demo-admin")).build(),
                HttpResponse.BodyHandlers.discarding());
        return answer.statusCode() == 200 && "true".equals(answer.headers().firstValue("X-File-Complete").orElse(""));
    }

    /** Every call record as id, call id, outcome and recording, in id order. */
    private static List<String> callRecords() throws Exception {
        List<String> records = new ArrayList<>();
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                "SELECT id, call_id, outcome, recording_file FROM call_record ORDER BY id"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                records.add(rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4));
            }
        }
        return records;
    }

    private static String recordingAfter(long id) throws Exception {
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                "SELECT recording_file FROM call_record WHERE id > ? AND outcome IS NOT NULL ORDER BY id LIMIT 1")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static String callIdOf(String recording) throws Exception {
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement(
                "SELECT call_id FROM call_record WHERE recording_file = ?")) {
            query.setString(1, recording);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a record names " + recording).isTrue();
                return rows.getString(1);
            }
        }
    }

    private static long lastRecordId() throws Exception {
        try (Connection db = node.database().connect(); PreparedStatement query = db.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM call_record");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Every file below {@code root} and its SHA-256. */
    private static Map<String, String> checksums(Path root) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sums.put(root.relativize(file).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return sums;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The launcher run in this JVM, as ./verbund runs it, with what it printed. */
    private record Launcher(int exit, String out, String err) {

        /** {@code ./verbund COMMAND --home <this test's home> --node <the built node> FOLDER}. */
        static Launcher run(String command, String folder) {
            String[] arguments = {command, "--home", homeFolder.toString(), "--node", TestNodes.nodeDir().toString(), folder};
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Verbund.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), arguments);
            Launcher launcher = new Launcher(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            System.out.println("./verbund " + String.join(" ", arguments) + " -> exit " + exit + "\n" + launcher.out + launcher.err);
            return launcher;
        }
    }
}
