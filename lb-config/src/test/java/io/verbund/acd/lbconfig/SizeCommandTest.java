package io.verbund.acd.lbconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.lbconfig.topology.NodeRole;
import io.verbund.acd.lbconfig.topology.Topology;
import io.verbund.acd.lbconfig.topology.TopologyReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code lb-config size} in-process: the table, bad inputs, and its topology through generate and validate. */
class SizeCommandTest {

    /** The concept's 200 agents with local.yaml's 120 concurrent calls. */
    private static final String[] CONCEPT_EXAMPLE = {"size", "--agents", "200", "--concurrent-calls", "120", "--caps", "0.5",
            "--talk-time", "180", "--wait-time", "30", "--recorded", "100", "--retention", "90", "--supervisors", "10", "--wallboards", "4"};

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LbConfig.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsEachRoleWithItsCountAndReasonTheSizesAndTheFiguresWithTheirSources() {
        assertThat(run(CONCEPT_EXAMPLE)).as(err()).isZero();

        assertThat(out()).contains(
                "web + telephony       2  one node carries calls and portal together at 93 %",
                "load balancer         2  the Pacemaker pair",
                "database master       2  master-master pair, every write to the first: 5.5 writes/s",
                "database replica      2  realtime (14 supervisor and wallboard screens) and",
                "Database:    10.5 GB a year of retention",
                "Recordings:  1296 GB for 90 days (22500 recorded hours",
                "57.6 MB       bytes per recorded hour",
                "Other files: 512 GB (the concept's rule of thumb",
                "Storage:     1808 GB in all",
                "200 CAPS      call attempts a second per telephony node",
                "measured: docs/benchmarks.md, \"Call path: SIPp callers through the queue to agents\"",
                "35 %          capacity each node keeps when several share the load",
                "measured: docs/benchmarks.md, \"Scale-out: one node against two behind Kamailio\"",
                "concept's rule of thumb: concept, file storage: 512 GB");
        assertThat(out()).doesNotContain("Topology written");
    }

    @Test
    void helpListsTheSizeCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("size");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("negative agents", new String[] {"--agents", "-1"}, "--agents: must be 1-100000, was -1"),
                Arguments.of("a share over 100 %", new String[] {"--recorded", "150"}, "--recorded: must be a share of 0-100 %, was 150.0"),
                Arguments.of("a negative call rate", new String[] {"--caps", "-2"}, "--caps: must be 0-100000 calls a second, was -2.0"),
                Arguments.of("negative supervisors", new String[] {"--supervisors", "-4"}, "--supervisors: must be 0-10000000, was -4"),
                Arguments.of("text for a number", new String[] {"--talk-time", "long"}, "'--talk-time'"),
                Arguments.of("a bad first host", new String[] {"--first-host", "10.0.0.300"}, "--first-host: must be an IPv4 address"),
                Arguments.of("a bad cluster name", new String[] {"--cluster", "Big_One"}, "--cluster: must be a lower-case name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void aBadInputIsAUsageErrorNamingTheOption(String what, String[] bad, String message) {
        List<String> args = new ArrayList<>(List.of(CONCEPT_EXAMPLE));
        int at = args.indexOf(bad[0]);
        if (at >= 0) {
            args.set(at + 1, bad[1]);
        } else {
            args.addAll(List.of(bad));
        }

        assertThat(run(args.toArray(String[]::new))).isEqualTo(ExitCodes.USAGE);

        assertThat(err()).contains(message);
        assertThat(out()).doesNotContain("Sizing for");
    }

    @Test
    void aMissingInputIsAUsageErrorNamingTheOption() {
        List<String> args = new ArrayList<>(List.of(CONCEPT_EXAMPLE));
        int at = args.indexOf("--retention");
        args.remove(at + 1);
        args.remove(at);

        assertThat(run(args.toArray(String[]::new))).isEqualTo(ExitCodes.USAGE);

        assertThat(err()).contains("Missing required option: '--retention=DAYS'");
    }

    @Test
    void theWrittenTopologyIsReadGeneratedAndValidated() throws Exception {
        Path topologyFile = dir.resolve("sized.yaml");

        assertThat(run(with(CONCEPT_EXAMPLE, "--out", topologyFile.toString()))).as(err()).isZero();

        assertThat(out()).contains("Topology written to " + topologyFile + " (2 WildFly nodes)",
                "./verbund cluster --topology " + topologyFile);
        assertThat(Files.readString(topologyFile)).startsWith("# Sized by: lb-config size --agents 200 --concurrent-calls 120 --caps 0.5"
                + " --talk-time 180 --wait-time 30 --recorded 100 --retention 90 --web-sessions 200 --supervisors 10 --wallboards 4"
                + " --calls-per-day 5000 --cluster verbund\n");
        Topology topology = new TopologyReader().read(topologyFile);
        assertThat(topology.nodes()).extracting(node -> node.name() + "@" + node.host() + "+" + node.portOffset())
                .containsExactly("node-a@127.0.0.1+100", "node-b@127.0.0.1+200");
        assertThat(topology.nodesWith(NodeRole.TELEPHONY)).hasSize(2);
        assertThat(topology.nodesWith(NodeRole.WEB)).hasSize(2);
        assertThat(topology.sizing().agents()).isEqualTo(200);
        assertThat(topology.sizing().concurrentCalls()).isEqualTo(120);

        generatesAndValidates(topologyFile);
    }

    @Test
    void aLargerSizeOnItsOwnHostsIsGenerated() throws Exception {
        Path topologyFile = dir.resolve("sized.yaml");

        assertThat(run("size", "--agents", "2000", "--concurrent-calls", "1500", "--caps", "10", "--talk-time", "180", "--wait-time", "30",
                "--recorded", "20", "--retention", "365", "--supervisors", "60", "--wallboards", "20", "--first-host", "10.1.0.10",
                "--cluster", "verbund-large", "--out", topologyFile.toString())).as(err()).isZero();

        Topology topology = new TopologyReader().read(topologyFile);
        assertThat(topology.virtualIp()).isEqualTo("10.1.0.10");
        assertThat(topology.loadBalancers()).extracting(lb -> lb.host()).containsExactly("10.1.0.11", "10.1.0.12");
        assertThat(topology.nodesWith(NodeRole.TELEPHONY)).hasSize(17);
        assertThat(topology.nodesWith(NodeRole.WEB)).hasSize(18);
        assertThat(topology.nodes().get(16).host()).isEqualTo("10.1.0.33");
        assertThat(topology.nodes().get(34).host()).isEqualTo("10.1.0.51");
        assertThat(topology.nodes()).allMatch(node -> node.portOffset() == 0);
        assertThat(out()).doesNotContain("./verbund cluster");

        // Not validated here: corosync -t and Kamailio's trial start need the load balancer's own addresses.
        out.reset();
        assertThat(run("generate", "--topology", topologyFile.toString(), "--out", dir.resolve("out").toString(),
                "--run-dir", dir.resolve("run").toString(), "--data-dir", dir.resolve("data").toString())).as(out() + err()).isZero();
        assertThat(Files.readString(dir.resolve("out/kamailio/dispatcher.list"))).contains("sip:10.1.0.17:5060", "sip:10.1.0.33:5060")
                .doesNotContain("10.1.0.34");
    }

    @Test
    void manyNodesOnThisMachineKeepTheirPortsOffTheFrontendsAndAreValidated() throws Exception {
        Path topologyFile = dir.resolve("sized.yaml");

        // 50 web nodes' worth of sessions: offsets past 2400, where JGroups (7600 + offset) would take haproxy's peers port 10000.
        assertThat(run("size", "--agents", "20000", "--concurrent-calls", "10", "--caps", "1", "--talk-time", "5", "--wait-time", "5",
                "--recorded", "0", "--retention", "0", "--out", topologyFile.toString())).as(err()).isZero();

        Topology topology = new TopologyReader().read(topologyFile);
        assertThat(topology.nodes()).hasSizeGreaterThan(30);
        assertThat(topology.nodes()).noneMatch(node -> node.portOffset() == 2400);
        assertThat(topology.nodesWith(NodeRole.TELEPHONY)).hasSize(2);

        generatesAndValidates(topologyFile);
    }

    @Test
    void cannotWriteBelowAFile() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file\n");

        assertThat(run(with(CONCEPT_EXAMPLE, "--out", blocker.resolve("sized.yaml").toString()))).isEqualTo(ExitCodes.CANNOT_WRITE_OUTPUT);
        assertThat(err()).contains("cannot write the topology file");
    }

    private void generatesAndValidates(Path topologyFile) throws Exception {
        Path target = dir.resolve("out");
        Path certificate = TestCertificate.pem(dir.resolve("tls"));
        out.reset();
        int generated = run("generate", "--topology", topologyFile.toString(), "--out", target.toString(),
                "--run-dir", dir.resolve("run").toString(), "--data-dir", dir.resolve("data").toString(),
                "--tls-certificate", certificate.toString());
        assertThat(generated).as(out() + err()).isZero();

        out.reset();
        assertThat(run("validate", "--out", target.toString())).as(out() + err()).isZero();
        assertThat(out()).contains("OK           haproxy/haproxy.cfg", "OK           kamailio/kamailio.cfg", "0 checks failed");
    }
}
