package io.verbund.acd.lbconfig.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.verbund.acd.lbconfig.LocalTopology;
import io.verbund.acd.lbconfig.output.GeneratedFile;
import io.verbund.acd.lbconfig.output.GenerationSettings;
import io.verbund.acd.lbconfig.output.ReplicationPassword;
import io.verbund.acd.lbconfig.topology.Topology;
import io.verbund.acd.lbconfig.validation.ToolCheck;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated haproxy.cfg run for real (master-worker mode, as Debian's unit runs it) against two
 * fake masters: master 1 fails, sessions go to master 2 and stay there after master 1 returns, also
 * across a reload (the old worker teaches the stick table to the new one through the local peer),
 * until an operator clears the table.
 */
class MasterFailoverTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private FakeMariaDb master1;
    private FakeMariaDb master2;
    private Process haproxy;

    @AfterEach
    void stopEverything() throws IOException {
        if (haproxy != null) {
            haproxy.destroy();
            try {
                if (!haproxy.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    haproxy.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (FakeMariaDb fake : new FakeMariaDb[] {master1, master2}) {
            if (fake != null) {
                fake.close();
            }
        }
    }

    @Test
    void failsOverToMaster2AndStaysThereAcrossAReloadUntilTheTableIsCleared() throws Exception {
        Path executable = ToolCheck.locate("haproxy")
                .orElseThrow(() -> new AssertionError("haproxy is not installed: apt-get install haproxy"));
        master1 = new FakeMariaDb("master1", FakeMariaDb.freePort()).start();
        master2 = new FakeMariaDb("master2", FakeMariaDb.freePort()).start();
        int dbMaster = FakeMariaDb.freePort();
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Path config = configFor(master1.port(), master2.port(), dbMaster, runDir);
        Path socket = runDir.resolve("haproxy.sock");

        haproxy = new ProcessBuilder(executable.toString(), "-W", "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        await("haproxy answers on its stats socket", () -> !command(socket, "show info").isEmpty());
        assertThat(eventually(() -> FakeMariaDb.whoAnswers(dbMaster), "master1")).isEqualTo("master1");

        master1.stop();
        assertThat(eventually(() -> FakeMariaDb.whoAnswers(dbMaster), "master2")).as(log()).isEqualTo("master2");

        master1 = new FakeMariaDb("master1", master1.port()).start();
        await("master1 is up again in haproxy's view", () -> isUp(socket, "master1"));
        assertThat(FakeMariaDb.whoAnswers(dbMaster)).as("no automatic failback").isEqualTo("master2");

        // The old process can hand its table over only once it has finished its own start-up resync
        // (about 5 s, haproxy's resync timeout): flags 0x3 in 'show peers'.
        await("the running haproxy finished its start-up resync", () -> resyncFinished(socket));
        String workerBefore = pidOf(socket);
        new ProcessBuilder("kill", "-USR2", Long.toString(haproxy.pid())).start().waitFor();
        await("a new haproxy worker after the reload", () -> {
            String pid = pidOf(socket);
            return !pid.isEmpty() && !pid.equals(workerBefore);
        });
        await("the new worker learned the table from the old one",
                () -> command(socket, "show table db_master").contains("server_key=master2"));
        assertThat(isUp(socket, "master1")).isTrue();
        assertThat(FakeMariaDb.whoAnswers(dbMaster)).as("still master2 after the reload").isEqualTo("master2");

        command(socket, "clear table db_master");
        assertThat(FakeMariaDb.whoAnswers(dbMaster)).as("manual failback").isEqualTo("master1");
    }

    private Path configFor(int master1Port, int master2Port, int dbMasterPort, Path runDir) throws Exception {
        String yaml = LocalTopology.yaml()
                .replace("port: 3311", "port: " + master1Port)
                .replace("port: 3312", "port: " + master2Port)
                .replace("port: 3313", "port: " + FakeMariaDb.freePort())
                .replace("port: 3314", "port: " + FakeMariaDb.freePort())
                .replace("http: 8080", "http: " + FakeMariaDb.freePort())
                .replace("https: 8443", "https: " + FakeMariaDb.freePort())
                .replace("dbMaster: 3306", "dbMaster: " + dbMasterPort)
                .replace("dbRealtime: 3307", "dbRealtime: " + FakeMariaDb.freePort())
                .replace("dbReporting: 3308", "dbReporting: " + FakeMariaDb.freePort())
                .replace("haproxyStats: 8404", "haproxyStats: " + FakeMariaDb.freePort() + "\n  haproxyPeers: " + FakeMariaDb.freePort())
                .replace("portOffset: 100", "portOffset: 51000")
                .replace("portOffset: 200", "portOffset: 51100");
        Topology topology = LocalTopology.parse(yaml);
        GenerationSettings settings = new GenerationSettings(dir.resolve("out"), runDir, dir.resolve("data"),
                ReplicationPassword.generatedFor(dir.resolve("out")), GenerationSettings.DEFAULT_TLS_DIR, io.verbund.acd.lbconfig.TestCertificate.pem(dir.resolve("tls")));
        GeneratedFile cfg = new HaproxyConfig().generate(topology, settings).get(0);
        // No syslog socket in a test machine: log to stderr so haproxy.log shows what happened.
        return Files.writeString(dir.resolve("haproxy.cfg"), cfg.content().replace("log /dev/log local0", "log stderr local0"));
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("haproxy.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static boolean isUp(Path socket, String server) {
        // 'show servers state' columns: ... srv_name srv_addr srv_op_state (2 = running) ...
        return command(socket, "show servers state db_master").lines()
                .map(line -> line.split(" "))
                .anyMatch(fields -> fields.length > 5 && fields[3].equals(server) && fields[5].equals("2"));
    }

    private static String pidOf(Path socket) {
        return command(socket, "show info").lines()
                .filter(line -> line.startsWith("Pid: "))
                .map(line -> line.substring(5).strip())
                .findFirst().orElse("");
    }

    private static boolean resyncFinished(Path socket) {
        java.util.regex.Matcher flags = java.util.regex.Pattern.compile("id=verbund .*?flags=0x([0-9a-f]+)")
                .matcher(command(socket, "show peers"));
        return flags.find() && (Integer.parseInt(flags.group(1), 16) & 0x3) == 0x3;
    }

    /** One command on haproxy's admin socket; "" if it does not answer. */
    private static String command(Path socket, String command) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            StringBuilder answer = new StringBuilder();
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                answer.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
            }
            return answer.toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static String eventually(Supplier<String> probe, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        String last = probe.get();
        while (!last.equals(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            last = probe.get();
        }
        return last;
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
