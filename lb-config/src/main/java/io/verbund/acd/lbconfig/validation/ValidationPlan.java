package io.verbund.acd.lbconfig.validation;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which checks apply to which generated file, by path inside the output directory. The single source
 * for {@code lb-config validate}, the README.txt of the output and the tests, so they cannot disagree.
 */
public final class ValidationPlan {

    /** Files matching {@code glob} get {@code checks}; with none, {@code why} says why not. */
    private record Rule(PathMatcher matcher, List<FileCheck> checks, String why) {
    }

    /** All verdicts for one file of the output. */
    public record FileReport(Path file, List<Verdict> verdicts) {

        public boolean failed() {
            return verdicts.stream().anyMatch(verdict -> verdict.status() == Verdict.Status.FAILED);
        }
    }

    public static final ToolCheck HAPROXY = ToolCheck.of("haproxy", "haproxy",
            file -> List.of("-c", "-f", file.toString()));
    public static final ToolCheck KAMAILIO = ToolCheck.of("kamailio", "kamailio",
            file -> List.of("-c", "-f", file.toString()));
    /** kamailio -c only parses; a real start also fixes up every route and loads the dispatcher list. */
    public static final FileCheck KAMAILIO_START = new KamailioStartCheck();
    /**
     * mariadbd reads the option file and exits 7 on an unknown option; a misspelt prefix of a real
     * option is only a note ("unique option prefix"), so that fails too.
     */
    public static final ToolCheck MARIADBD = ToolCheck.of("mariadbd", "mariadb-server-core",
            file -> List.of("--defaults-file=" + file, "--help", "--verbose")).forbidding("[ERROR]", "unique option prefix");
    public static final ToolCheck TESTPARM = ToolCheck.of("testparm", "samba-common-bin",
            file -> List.of("-s", file.toString())).forbidding("Unknown parameter", "Ignoring unknown parameter");
    public static final ToolCheck DRBD_DUMP = ToolCheck.of("drbdadm", "drbd-utils",
            file -> List.of("-c", file.toString(), "dump", "all"));
    public static final FileCheck DRBD_DRY_RUN = new DrbdDryRun();
    public static final ToolCheck CRM_VERIFY = ToolCheck.of("crm_verify", "pacemaker-cli-utils",
            file -> List.of("--xml-file", file.toString()));
    public static final FileCheck COROSYNC = new CorosyncDryRun();
    public static final FileCheck COROSYNC_KEYS = new CorosyncKeys();
    /** systemd-analyze exits 0 when it drops a bad setting with a warning ("..., ignoring"). */
    public static final ToolCheck SYSTEMD_ANALYZE = ToolCheck.of("systemd-analyze", "systemd",
            file -> List.of("verify", file.toString())).forbidding(", ignoring");

    private final List<Rule> rules;

    private ValidationPlan(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ValidationPlan standard() {
        return new ValidationPlan(List.of(
                rule("haproxy/haproxy.cfg", HAPROXY),
                rule("kamailio/kamailio.cfg", KAMAILIO, KAMAILIO_START),
                rule("kamailio/dispatcher.list", new DispatcherListCheck()),
                rule("kamailio/softphone-edge.cfg", KAMAILIO),
                unchecked("kamailio/tls.cfg", "read by kamailio.cfg's tls module, so checked by its start: a bad line or a"
                        + " missing or unreadable certificate or key stops Kamailio"),
                rule("pacemaker/cib.xml", CRM_VERIFY),
                rule("corosync/corosync.conf", COROSYNC, COROSYNC_KEYS),
                rule("storage/drbd/*.res", DRBD_DUMP, DRBD_DRY_RUN),
                rule("storage/samba/smb.conf", TESTPARM),
                rule("storage/mount/*.mount", SYSTEMD_ANALYZE),
                rule("mariadb/*.cnf", MARIADBD),
                unchecked("mariadb/*.sql", "needs a running MariaDB; apply it to the server it is named after"
                        + " (./verbund cluster runs it on real servers; tested by ClusterFailoverIT)"),
                unchecked("wildfly/*.cli", "needs a WildFly installation: jboss-cli.sh --file=FILE inside embed-server"
                        + " (./verbund cluster applies it so; tested by GeneratedNodeScriptIT and ClusterFailoverIT)"),
                unchecked("secrets/*", "a secret, nothing to validate"),
                unchecked("README.txt", "this list")));
    }

    private static Rule rule(String glob, FileCheck... checks) {
        return new Rule(FileSystems.getDefault().getPathMatcher("glob:" + glob), List.of(checks), "");
    }

    private static Rule unchecked(String glob, String why) {
        return new Rule(FileSystems.getDefault().getPathMatcher("glob:" + glob), List.of(), why);
    }

    /** The checks for a file, by its path relative to the output directory; empty if none apply. */
    public List<FileCheck> checksFor(Path relative) {
        return rule(relative).map(Rule::checks).orElse(List.of());
    }

    /** How a person validates the file: the commands, or why there is none. */
    public String howToValidate(Path relative, Path absolute) {
        Optional<Rule> rule = rule(relative);
        if (rule.isEmpty()) {
            return "no check known for this file";
        }
        if (rule.get().checks().isEmpty()) {
            return "not checked: " + rule.get().why();
        }
        return String.join("; ", rule.get().checks().stream().map(check -> check.describe(absolute)).toList());
    }

    /** Runs every applicable check on every file of {@code outDir}, in path order. */
    public List<FileReport> run(Path outDir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(outDir)) {
            files = walk.filter(Files::isRegularFile).map(outDir::relativize).sorted().toList();
        }
        List<FileReport> reports = new ArrayList<>();
        for (Path relative : files) {
            Optional<Rule> rule = rule(relative);
            List<Verdict> verdicts = new ArrayList<>();
            if (rule.isEmpty()) {
                verdicts.add(Verdict.notChecked("no check known for this file"));
            } else if (rule.get().checks().isEmpty()) {
                verdicts.add(Verdict.notChecked(rule.get().why()));
            } else {
                for (FileCheck check : rule.get().checks()) {
                    verdicts.add(check.check(outDir.resolve(relative)));
                }
            }
            reports.add(new FileReport(relative, verdicts));
        }
        return reports;
    }

    private Optional<Rule> rule(Path relative) {
        return rules.stream().filter(rule -> rule.matcher().matches(relative)).findFirst();
    }
}
