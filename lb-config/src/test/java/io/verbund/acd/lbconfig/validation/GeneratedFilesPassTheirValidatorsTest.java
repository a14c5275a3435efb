package io.verbund.acd.lbconfig.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.verbund.acd.lbconfig.ClusterFiles;
import io.verbund.acd.lbconfig.LocalTopology;
import io.verbund.acd.lbconfig.TestCertificate;
import io.verbund.acd.lbconfig.output.GenerationSettings;
import io.verbund.acd.lbconfig.output.OutputDirectory;
import io.verbund.acd.lbconfig.output.ReplicationPassword;
import io.verbund.acd.lbconfig.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated file of the local example through the real tool that will read it, and a broken copy
 * of each through the same tool to prove the check can fail. A validator that is not installed fails
 * the test with the apt package to install; it never passes silently.
 */
class GeneratedFilesPassTheirValidatorsTest {

    @TempDir
    static Path root;
    static Path out;
    static Path mountOut;

    @BeforeAll
    static void generate() throws Exception {
        out = generate(LocalTopology.local(), root.resolve("local"));
        String yaml = LocalTopology.yaml();
        String mount = yaml.substring(0, yaml.indexOf("storage:"))
                + "storage:\n  kind: mount\n  source: //nas.example.org/verbund\n  path: /srv/verbund\n"
                + "sizing:\n  agents: 200\n  concurrentCalls: 120\n";
        mountOut = generate(LocalTopology.parse(mount), root.resolve("mount"));
    }

    private static Path generate(Topology topology, Path target) throws Exception {
        GenerationSettings settings = new GenerationSettings(target, root.resolve("run"), root.resolve("data"),
                ReplicationPassword.generatedFor(target), GenerationSettings.DEFAULT_TLS_DIR, TestCertificate.pem(root.resolve("tls")));
        new OutputDirectory(target).replaceWith(ClusterFiles.standard().generate(topology, settings), line -> { });
        return target;
    }

    private static Verdict run(FileCheck check, Path file) {
        Verdict verdict = check.check(file);
        if (verdict.status() == Verdict.Status.SKIPPED) {
            fail("The validator for " + file.getFileName() + " is missing (" + verdict.output() + "): " + verdict.check());
        }
        return verdict;
    }

    private static void assertPasses(FileCheck check, Path file) throws Exception {
        Verdict verdict = run(check, file);
        assertThat(verdict.status())
                .as("%s\n%s\n--- %s ---\n%s", verdict.check(), verdict.output(), file, Files.readString(file))
                .isEqualTo(Verdict.Status.OK);
    }

    /** A copy of {@code file} with {@code from} replaced, next to it (same name, so tools see the same kind of file). */
    private static Path broken(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Path copy = Files.createDirectories(root.resolve("broken-" + System.nanoTime())).resolve(file.getFileName());
        return Files.writeString(copy, text.replace(from, to));
    }

    private static void assertRejects(FileCheck check, Path brokenFile) {
        Verdict verdict = run(check, brokenFile);
        assertThat(verdict.status()).as("%s accepted a broken file:\n%s", verdict.check(), verdict.output())
                .isEqualTo(Verdict.Status.FAILED);
    }

    @Test
    void haproxyAcceptsTheConfig() throws Exception {
        assertPasses(ValidationPlan.HAPROXY, out.resolve("haproxy/haproxy.cfg"));
    }

    @Test
    void haproxyRejectsABrokenConfig() throws Exception {
        assertRejects(ValidationPlan.HAPROXY, broken(out.resolve("haproxy/haproxy.cfg"), "stick on int(1)", "stick on nonsense(1)"));
    }

    @Test
    void kamailioAcceptsTheConfig() throws Exception {
        assertPasses(ValidationPlan.KAMAILIO, out.resolve("kamailio/kamailio.cfg"));
    }

    @Test
    void kamailioRejectsABrokenConfig() throws Exception {
        assertRejects(ValidationPlan.KAMAILIO, broken(out.resolve("kamailio/kamailio.cfg"), "ds_mark_dst(\"ip\");", "ds_mark_dst(\"ip\""));
    }

    @Test
    void kamailioStartsWithTheConfigAndLoadsTheDispatcherList() throws Exception {
        assertPasses(ValidationPlan.KAMAILIO_START, out.resolve("kamailio/kamailio.cfg"));
    }

    @Test
    void aVariableOfAModuleNotLoadedPassesTheSyntaxCheckButNotTheStart() throws Exception {
        Path withTmxVariable = broken(out.resolve("kamailio/kamailio.cfg"), "failed (503, timeout or no 180) for $ci", "failed ($T_reply_code) for $ci");

        assertPasses(ValidationPlan.KAMAILIO, withTmxVariable);
        assertRejects(ValidationPlan.KAMAILIO_START, withTmxVariable);
    }

    @Test
    void kamailioDoesNotStartWithABrokenDispatcherList() throws Exception {
        Path dir = Files.createDirectories(root.resolve("bad-dispatcher"));
        Path list = Files.writeString(dir.resolve("dispatcher.list"), "1 this-is-not-a-sip-uri\n");
        Path config = Files.writeString(dir.resolve("kamailio.cfg"), Files.readString(out.resolve("kamailio/kamailio.cfg"))
                .replace(out.resolve("kamailio/dispatcher.list").toString(), list.toString()));

        assertRejects(ValidationPlan.KAMAILIO_START, config);
        assertRejects(new DispatcherListCheck(), list);
    }

    @Test
    void kamailioDoesNotStartWithoutItsTlsCertificate() throws Exception {
        Path dir = Files.createDirectories(root.resolve("no-certificate"));
        Path tls = Files.writeString(dir.resolve("tls.cfg"), Files.readString(out.resolve("kamailio/tls.cfg"))
                .replace(root.resolve("tls/certificate-and-key.pem").toString(), dir.resolve("missing.pem").toString()));
        Path config = Files.writeString(dir.resolve("kamailio.cfg"), Files.readString(out.resolve("kamailio/kamailio.cfg"))
                .replace(out.resolve("kamailio/tls.cfg").toString(), tls.toString()));

        assertThat(Files.readString(tls)).contains(dir.resolve("missing.pem").toString());
        assertRejects(ValidationPlan.KAMAILIO_START, config);
    }

    @Test
    void theDispatcherListHasTheFormatKamailioReads() throws Exception {
        assertPasses(new DispatcherListCheck(), out.resolve("kamailio/dispatcher.list"));
        assertRejects(new DispatcherListCheck(), broken(out.resolve("kamailio/dispatcher.list"), "sip:127.0.0.1:5160", "127.0.0.1 5160"));
    }

    @Test
    void mariadbdAcceptsEveryOptionFile() throws Exception {
        for (String server : new String[] {"master1", "master2", "replica1", "replica2"}) {
            assertPasses(ValidationPlan.MARIADBD, out.resolve("mariadb/" + server + ".cnf"));
        }
    }

    @Test
    void mariadbdRejectsAnUnknownOptionAndAMisspeltPrefix() throws Exception {
        assertRejects(ValidationPlan.MARIADBD, broken(out.resolve("mariadb/master1.cnf"), "log_slave_updates = ON", "log_slave_updatez = ON"));
        assertRejects(ValidationPlan.MARIADBD, broken(out.resolve("mariadb/master1.cnf"), "log_slave_updates = ON", "log_slave_update = ON"));
    }

    @Test
    void testparmAcceptsTheSambaConfig() throws Exception {
        assertPasses(ValidationPlan.TESTPARM, out.resolve("storage/samba/smb.conf"));
    }

    @Test
    void testparmRejectsAnUnknownParameter() throws Exception {
        assertRejects(ValidationPlan.TESTPARM, broken(out.resolve("storage/samba/smb.conf"), "smb encrypt = required", "smb encrpyt = required"));
    }

    @Test
    void drbdadmAcceptsTheResource() throws Exception {
        assertPasses(ValidationPlan.DRBD_DUMP, out.resolve("storage/drbd/verbund.res"));
    }

    @Test
    void drbdadmBringsTheResourceUpInADryRun() throws Exception {
        assertPasses(ValidationPlan.DRBD_DRY_RUN, out.resolve("storage/drbd/verbund.res"));
    }

    @Test
    void drbdadmRejectsABrokenResource() throws Exception {
        Path brokenFile = broken(out.resolve("storage/drbd/verbund.res"), "after-sb-0pri discard-zero-changes;", "after-sb-0pri discard-nothing;");
        assertRejects(ValidationPlan.DRBD_DUMP, brokenFile);
        assertRejects(ValidationPlan.DRBD_DRY_RUN, brokenFile);
    }

    @Test
    void crmVerifyAcceptsTheCib() throws Exception {
        assertPasses(ValidationPlan.CRM_VERIFY, out.resolve("pacemaker/cib.xml"));
    }

    @Test
    void crmVerifyRejectsABrokenCib() throws Exception {
        assertRejects(ValidationPlan.CRM_VERIFY, broken(out.resolve("pacemaker/cib.xml"), "<group id=", "<grup id="));
    }

    @Test
    void corosyncAcceptsTheConfigAndKnowsEveryKey() throws Exception {
        assertPasses(ValidationPlan.COROSYNC, out.resolve("corosync/corosync.conf"));
        assertPasses(ValidationPlan.COROSYNC_KEYS, out.resolve("corosync/corosync.conf"));
    }

    @Test
    void corosyncRejectsABadValue() throws Exception {
        assertRejects(ValidationPlan.COROSYNC, broken(out.resolve("corosync/corosync.conf"), "crypto_cipher: aes256", "crypto_cipher: rot13"));
    }

    @Test
    void aMisspeltKeyPassesCorosyncButNotTheKeyCheck() throws Exception {
        Path misspelt = broken(out.resolve("corosync/corosync.conf"), "two_node: 1", "two_nodes: 1");

        assertPasses(ValidationPlan.COROSYNC, misspelt);
        assertRejects(ValidationPlan.COROSYNC_KEYS, misspelt);
    }

    @Test
    void systemdAcceptsTheMountUnit() throws Exception {
        assertPasses(ValidationPlan.SYSTEMD_ANALYZE, mountOut.resolve("storage/mount/srv-verbund.mount"));
        assertThat(mountOut.resolve("storage/drbd")).doesNotExist();
        assertThat(mountOut.resolve("storage/samba")).doesNotExist();
    }

    @Test
    void systemdRejectsABrokenMountUnit() throws Exception {
        assertRejects(ValidationPlan.SYSTEMD_ANALYZE, broken(mountOut.resolve("storage/mount/srv-verbund.mount"), "Where=/srv/verbund", "Where=srv/verbund"));
    }

    @Test
    void systemdRefusesAMountUnitNotNamedAfterItsMountPoint() throws Exception {
        Path unit = mountOut.resolve("storage/mount/srv-verbund.mount");
        Path misnamed = Files.copy(unit, Files.createDirectories(root.resolve("misnamed")).resolve("verbund-storage.mount"));

        assertRejects(ValidationPlan.SYSTEMD_ANALYZE, misnamed);
    }

    @Test
    void thePlanChecksEveryGeneratedFileOrSaysWhyNot() throws Exception {
        for (ValidationPlan.FileReport report : ValidationPlan.standard().run(out)) {
            assertThat(report.failed()).as("%s: %s", report.file(), report.verdicts()).isFalse();
            assertThat(report.verdicts()).allSatisfy(verdict -> assertThat(verdict.output())
                    .as("%s has no rule", report.file()).isNotEqualTo("no check known for this file"));
        }
    }
}
