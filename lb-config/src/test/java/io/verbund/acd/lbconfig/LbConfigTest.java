package io.verbund.acd.lbconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: exit codes, messages and what lands on disk. */
class LbConfigTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LbConfig.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path topology(String yaml) throws Exception {
        return Files.writeString(dir.resolve("topology.yaml"), yaml);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertThat(run("--help")).isZero();

        assertThat(out()).contains("generate", "check", "validate", "Exit codes:",
                "3   invalid topology", "4   cannot write", "5   a validator rejected");
    }

    @Test
    void aMissingOptionIsAUsageError() {
        assertThat(run("generate", "--topology", "x.yaml")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--out");
    }

    @Test
    void checkAcceptsTheLocalExample() throws Exception {
        assertThat(run("check", "--topology", topology(LocalTopology.yaml()).toString())).isZero();

        assertThat(out()).contains("cluster verbund-local is valid", "master1 primary");
    }

    @Test
    void checkReportsABadPortWithFileLineColumnAndField() throws Exception {
        String yaml = LocalTopology.with("port: 3313", "port: 70000");
        Path file = topology(yaml);

        assertThat(run("check", "--topology", file.toString())).isEqualTo(ExitCodes.INVALID_TOPOLOGY);

        assertThat(err()).contains(file + ":" + LocalTopology.positionOf(yaml, "70000")
                + ": databases[2].port: must be 1-65535, was 70000");
    }

    static Stream<Arguments> invalidTopologies() {
        return Stream.of(
                Arguments.of("a port out of range", "port: 3313", "port: 70000", "70000", "databases[2].port: must be 1-65535, was 70000"),
                Arguments.of("an unknown key", "  disk: /dev/vdb", "  disk: /dev/vdb\n  dsik: /dev/vdc", "dsik", "storage.dsik: unknown key"),
                Arguments.of("a duplicate name", "{name: node-b,", "{name: node-a,", "node-a, host: 127.0.0.1, portOffset: 200",
                        "nodes[1].name: duplicate name 'node-a'"),
                Arguments.of("a missing master", "{name: master2, role: master,", "{name: master2, role: replica, replicates: master1,",
                        "- {name: master1", "databases: must list exactly two masters (role: master), found 1"),
                Arguments.of("text for a number", "port: 3312", "port: abc", "abc", "databases[1].port: must be a whole number, was 'abc'"),
                Arguments.of("a scalar for a list", "roles: [web, telephony]}", "roles: web}", "web}", "nodes[0].roles: must be a list, was 'web'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTopologies")
    void checkRejectsAnInvalidTopologyNamingFileLineColumnAndField(String what, String from, String to, String at,
                                                                    String fieldAndProblem) throws Exception {
        String yaml = LocalTopology.with(from, to);
        Path file = topology(yaml);

        assertThat(run("check", "--topology", file.toString())).isEqualTo(ExitCodes.INVALID_TOPOLOGY);

        assertThat(err()).contains(file + ":" + LocalTopology.positionOf(yaml, at) + ": " + fieldAndProblem);
    }

    @Test
    void generateRejectsAnInvalidTopologyAndWritesNothing() throws Exception {
        Path file = topology(LocalTopology.with("dbMaster: 3306", "dbMaster: 3306\n  dbMasters: 3309"));
        Path target = dir.resolve("out");

        assertThat(run("generate", "--topology", file.toString(), "--out", target.toString())).isEqualTo(ExitCodes.INVALID_TOPOLOGY);

        assertThat(err()).contains("topology.yaml:8:3: frontends.dbMasters: unknown key");
        assertThat(target).doesNotExist();
    }

    @Test
    void checkReportsAMissingFileAsUsage() {
        assertThat(run("check", "--topology", dir.resolve("nope.yaml").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("cannot read the topology file");
    }

    @Test
    void generateWritesEveryFileAndValidateChecksThem() throws Exception {
        Path target = dir.resolve("out");

        Path certificate = TestCertificate.pem(dir.resolve("tls"));
        int generated = run("generate", "--topology", topology(LocalTopology.yaml()).toString(), "--out", target.toString(),
                "--run-dir", dir.resolve("run").toString(), "--data-dir", dir.resolve("data").toString(),
                "--tls-certificate", certificate.toString());

        assertThat(generated).as(err()).isZero();
        assertThat(out()).contains("haproxy/haproxy.cfg", "files in place");
        for (String file : new String[] {"haproxy/haproxy.cfg", "kamailio/kamailio.cfg", "kamailio/dispatcher.list",
                "kamailio/tls.cfg", "mariadb/master1.cnf", "mariadb/master2.cnf", "mariadb/replica1.cnf", "mariadb/replica2.cnf",
                "mariadb/replication-master1.sql", "mariadb/replication-replica2.sql", "pacemaker/cib.xml",
                "corosync/corosync.conf", "storage/drbd/verbund.res", "storage/samba/smb.conf",
                "wildfly/node-a.cli", "wildfly/node-b.cli", "secrets/replication.properties", "README.txt"}) {
            assertThat(target.resolve(file)).as(file).isRegularFile();
        }
        assertThat(Files.readString(target.resolve("haproxy/haproxy.cfg")))
                .contains("stats socket " + dir.resolve("run/haproxy.sock") + " mode 600 level admin")
                .contains("bind 127.0.0.1:8443 ssl crt " + certificate + " alpn h2,http/1.1");
        assertThat(Files.readString(target.resolve("mariadb/master1.cnf")))
                .contains("datadir = " + dir.resolve("data/master1/data"));
        assertThat(Files.readString(target.resolve("kamailio/kamailio.cfg")))
                .contains("modparam(\"dispatcher\", \"list_file\", \"" + target.resolve("kamailio/dispatcher.list") + "\")");

        out.reset();
        assertThat(run("validate", "--out", target.toString())).as(out() + err()).isZero();
        assertThat(out()).contains("OK           haproxy/haproxy.cfg", "NOT_CHECKED  wildfly/node-a.cli", "0 checks failed");
    }

    @Test
    void usesThePasswordFromTheGivenFileAndNeverPrintsIt() throws Exception {
        Path secret = Files.writeString(dir.resolve("replication.secret"), "S3cret-Replication-42\n");
        Path target = dir.resolve("out");

        assertThat(run("generate", "--topology", topology(LocalTopology.yaml()).toString(), "--out", target.toString(),
                "--replication-password-file", secret.toString())).as(err()).isZero();

        assertThat(Files.readString(target.resolve("mariadb/replication-replica1.sql")))
                .contains("MASTER_PASSWORD='S3cret-Replication-42'");
        assertThat(target.resolve("secrets/replication.properties")).doesNotExist();
        assertThat(out() + err()).doesNotContain("S3cret-Replication-42");
    }

    @Test
    void rejectsAnUnusablePasswordFileAsUsage() throws Exception {
        Path secret = Files.writeString(dir.resolve("replication.secret"), "it's\n");

        assertThat(run("generate", "--topology", topology(LocalTopology.yaml()).toString(), "--out", dir.resolve("out").toString(),
                "--replication-password-file", secret.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("8-32 printable ASCII").doesNotContain("it's");
    }

    @Test
    void cannotWriteBelowAFile() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file\n");

        assertThat(run("generate", "--topology", topology(LocalTopology.yaml()).toString(),
                "--out", blocker.resolve("out").toString())).isEqualTo(ExitCodes.CANNOT_WRITE_OUTPUT);
        assertThat(err()).contains("nothing was changed");
    }

    @Test
    void validateFailsWhenAValidatorRejectsAFile() throws Exception {
        Path target = dir.resolve("out");
        run("generate", "--topology", topology(LocalTopology.yaml()).toString(), "--out", target.toString());
        Path haproxy = target.resolve("haproxy/haproxy.cfg");
        Files.writeString(haproxy, Files.readString(haproxy).replace("mode tcp", "mode telepathy"));
        out.reset();

        assertThat(run("validate", "--out", target.toString())).isEqualTo(ExitCodes.VALIDATION_FAILED);

        assertThat(out()).contains("FAILED       haproxy/haproxy.cfg", "telepathy");
    }

    @Test
    void validateNeedsAnExistingDirectory() {
        assertThat(run("validate", "--out", dir.resolve("missing").toString())).isEqualTo(ExitCodes.USAGE);
    }
}
