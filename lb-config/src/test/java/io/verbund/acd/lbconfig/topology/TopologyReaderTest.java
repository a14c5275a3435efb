package io.verbund.acd.lbconfig.topology;

import static io.verbund.acd.lbconfig.LocalTopology.positionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.lbconfig.LocalTopology;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyReaderTest {

    private static InvalidTopology problemIn(String yaml) {
        try {
            new TopologyReader().read(yaml, "topology.yaml");
        } catch (InvalidTopology e) {
            return e;
        }
        throw new AssertionError("expected the topology to be rejected:\n" + yaml);
    }

    @Test
    void readsTheLocalExampleWithEveryRole() {
        Topology topology = LocalTopology.local();

        assertThat(topology.cluster()).isEqualTo("verbund-local");
        assertThat(topology.virtualIp()).isEqualTo("127.0.0.1");
        assertThat(topology.frontends()).isEqualTo(new Frontends(8080, 8443, 5060, 5061, 3306, 3307, 3308, 8404, 10000, 5066, 5065, 22222));
        assertThat(topology.primaryMaster().name()).isEqualTo("master1");
        assertThat(topology.primaryMaster().replicates()).isEqualTo("master2");
        assertThat(topology.backupMaster().replicates()).isEqualTo("master1");
        assertThat(topology.firstFor(Workload.REALTIME).name()).isEqualTo("replica1");
        assertThat(topology.fallbackFor(Workload.REALTIME)).extracting(Database::name).containsExactly("replica2");
        assertThat(topology.firstFor(Workload.REPORTING).name()).isEqualTo("replica2");
        assertThat(topology.fallbackFor(Workload.REPORTING)).as("reports never load the realtime replica").isEmpty();
        assertThat(topology.database("replica2").replicates()).isEqualTo("master2");
        assertThat(topology.nodes()).extracting(AcdNode::name).containsExactly("node-a", "node-b");
        AcdNode nodeA = topology.nodes().get(0);
        assertThat(nodeA.http()).isEqualTo(new Endpoint("127.0.0.1", 8180));
        assertThat(nodeA.sip()).isEqualTo(new Endpoint("127.0.0.1", 5160));
        assertThat(nodeA.management()).isEqualTo(new Endpoint("127.0.0.1", 10090));
        assertThat(nodeA.jgroups()).isEqualTo(new Endpoint("127.0.0.1", 7700));
        assertThat(nodeA.roles()).isEqualTo(Set.of(NodeRole.WEB, NodeRole.TELEPHONY));
        assertThat(topology.loadBalancers()).extracting(LoadBalancer::name).containsExactly("lb1", "lb2");
        assertThat(topology.storage()).isInstanceOf(DrbdStorage.class);
        DrbdStorage storage = (DrbdStorage) topology.storage();
        assertThat(storage.nodes()).extracting(StorageNode::host).containsExactly("10.0.0.21", "10.0.0.22");
        assertThat(storage.device()).isEqualTo("/dev/drbd0");
        assertThat(topology.sizing()).isEqualTo(new Sizing(200, 120));
    }

    @Test
    void readsTheSipSecuritySectionAndDefaultsWithoutIt() {
        Topology topology = LocalTopology.parse(LocalTopology.yaml()
                + "sipSecurity:\n  trunkSources: [192.0.2.0/24, 198.51.100.7]\n  floodRequests: 25\n");

        assertThat(topology.sipSecurity()).isEqualTo(new SipSecurity(java.util.List.of("192.0.2.0/24", "198.51.100.7"), 25));
        assertThat(LocalTopology.local().sipSecurity()).isEqualTo(SipSecurity.defaults());
        assertThat(SipSecurity.defaults().trunkSources()).isEmpty();
    }

    @Test
    void rejectsATrunkSourceThatIsNoAddressOrSubnet() {
        String yaml = LocalTopology.yaml() + "sipSecurity:\n  trunkSources: [carrier.example.com]\n";

        assertThat(problemIn(yaml).getMessage()).startsWith("topology.yaml:" + positionOf(yaml, "carrier.example.com")
                + ": sipSecurity.trunkSources[0]: must be an IPv4 address or subnet");
    }

    @Test
    void theBundledExampleIsTheSameAsTheTestCopy() throws Exception {
        try (var bundled = TopologyReader.class.getResourceAsStream("/io/verbund/acd/lbconfig/local.yaml")) {
            assertThat(new String(bundled.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(LocalTopology.yaml());
        }
    }

    @Test
    void rejectsAPortOutOfRangeNamingFileLineColumnAndField() {
        String yaml = LocalTopology.with("port: 3313", "port: 70000");

        InvalidTopology problem = problemIn(yaml);

        assertThat(problem.getMessage())
                .isEqualTo("topology.yaml:" + positionOf(yaml, "70000") + ": databases[2].port: must be 1-65535, was 70000");
        assertThat(problem.field()).isEqualTo("databases[2].port");
        assertThat(problem.line()).isEqualTo(14);
    }

    @Test
    void rejectsAnUnknownKeyAtTheKey() {
        String yaml = LocalTopology.with("  disk: /dev/vdb", "  disk: /dev/vdb\n  dsik: /dev/vdc");

        InvalidTopology problem = problemIn(yaml);

        assertThat(problem.getMessage())
                .startsWith("topology.yaml:" + positionOf(yaml, "dsik") + ": storage.dsik: unknown key")
                .contains("expected one of: device, disk, kind, nodes, path, port, share");
    }

    @Test
    void rejectsAKeyThatOnlyReplicasHaveOnAMaster() {
        String yaml = LocalTopology.with("port: 3311, serverId: 1}", "port: 3311, serverId: 1, replicates: master2}");

        InvalidTopology problem = problemIn(yaml);

        assertThat(problem.field()).isEqualTo("databases[0].replicates");
        assertThat(problem.getMessage()).contains(positionOf(yaml, "replicates: master2")).contains("masters replicate each other");
    }

    @Test
    void rejectsADuplicateName() {
        String yaml = LocalTopology.with("{name: node-b,", "{name: node-a,");

        InvalidTopology problem = problemIn(yaml);

        assertThat(problem.getMessage()).isEqualTo("topology.yaml:" + positionOf(yaml, "node-a, host: 127.0.0.1, portOffset: 200")
                + ": nodes[1].name: duplicate name 'node-a' (also nodes[0])");
    }

    @Test
    void rejectsADuplicateKey() {
        String yaml = LocalTopology.with("  http: 8080", "  http: 8080\n  http: 8081");

        assertThat(problemIn(yaml).getMessage())
                .isEqualTo("topology.yaml:" + positionOf(yaml, "http: 8081") + ": frontends.http: duplicate key");
    }

    @Test
    void requiresExactlyTwoMasters() {
        String yaml = LocalTopology.with("{name: master2, role: master,", "{name: master2, role: replica, replicates: master1,");

        InvalidTopology problem = problemIn(yaml);

        assertThat(problem.field()).isEqualTo("databases");
        assertThat(problem.problem()).isEqualTo("must list exactly two masters (role: master), found 1");
        assertThat(problem.getMessage()).startsWith("topology.yaml:" + positionOf(yaml, "- {name: master1") + ":");
    }

    @Test
    void rejectsTextWhereANumberBelongs() {
        String yaml = LocalTopology.with("port: 3312", "port: abc");

        assertThat(problemIn(yaml).getMessage())
                .isEqualTo("topology.yaml:" + positionOf(yaml, "abc") + ": databases[1].port: must be a whole number, was 'abc'");
    }

    @Test
    void rejectsAQuotedNumberAsText() {
        String yaml = LocalTopology.with("haproxyStats: 8404", "haproxyStats: \"8404\"");

        assertThat(problemIn(yaml).getMessage()).contains(": frontends.haproxyStats: must be a whole number, was '8404'");
    }

    @Test
    void rejectsAScalarWhereAListBelongs() {
        String yaml = LocalTopology.with("portOffset: 100, roles: [web, telephony]", "portOffset: 100, roles: web");

        assertThat(problemIn(yaml).getMessage())
                .isEqualTo("topology.yaml:" + positionOf(yaml, "web}") + ": nodes[0].roles: must be a list, was 'web'");
    }

    @Test
    void rejectsAListWhereAMappingBelongs() {
        String yaml = LocalTopology.with("sizing:\n  agents: 200\n  concurrentCalls: 120", "sizing: [200, 120]");

        assertThat(problemIn(yaml).getMessage()).contains(": sizing: must be a mapping (key: value), was a list");
    }

    @Test
    void rejectsAnUnknownRole() {
        String yaml = LocalTopology.with("roles: [web, telephony]}", "roles: [web, fax]}");

        assertThat(problemIn(yaml).getMessage())
                .isEqualTo("topology.yaml:" + positionOf(yaml, "fax") + ": nodes[0].roles[1]: must be one of web, telephony, was 'fax'");
    }

    @Test
    void rejectsAMissingField() {
        String yaml = LocalTopology.with("  concurrentCalls: 120\n", "");

        InvalidTopology problem = problemIn(yaml);

        assertThat(problem.field()).isEqualTo("sizing.concurrentCalls");
        assertThat(problem.problem()).isEqualTo("missing (required)");
        assertThat(problem.getMessage()).startsWith("topology.yaml:" + positionOf(yaml, "agents: 200") + ":");
    }

    @Test
    void rejectsTwoServicesOnOneAddress() {
        String yaml = LocalTopology.with("port: 3314", "port: 3313");

        assertThat(problemIn(yaml).getMessage()).isEqualTo("topology.yaml:" + positionOf(yaml, "3313, serverId: 4")
                + ": databases[3].port: 127.0.0.1:3313 (databases[3] (replica2)) is already used by databases[2] (replica1)");
    }

    @Test
    void sipOverTlsIsTheSipPortPlusOneUnlessSetAndClaimsItsPort() {
        assertThat(LocalTopology.parse(LocalTopology.with("sip: 5060", "sip: 5070")).frontends().sipTls()).isEqualTo(5071);
        assertThat(LocalTopology.parse(LocalTopology.with("sip: 5060", "sip: 5060\n  sipTls: 5091")).frontends().sipTls()).isEqualTo(5091);
        String clash = LocalTopology.with("sip: 5060", "sip: 5060\n  sipTls: 8443");

        assertThat(problemIn(clash).getMessage()).contains(": frontends.sipTls: 127.0.0.1:8443 (frontends.sipTls) is already used by frontends.https");
    }

    @Test
    void rejectsANodeWhosePortsCollideWithAFrontend() {
        String yaml = LocalTopology.with("portOffset: 100", "portOffset: 0");

        assertThat(problemIn(yaml).getMessage()).contains(": nodes[0].portOffset: 127.0.0.1:8080 (nodes[0] (node-a) HTTP) is already used by frontends.http");
    }

    @Test
    void requiresTheTwoReplicasToServeDifferentWorkloads() {
        String yaml = LocalTopology.with("serves: reporting", "serves: realtime");

        assertThat(problemIn(yaml).getMessage()).isEqualTo("topology.yaml:" + positionOf(yaml, "realtime}\nnodes")
                + ": databases[3].serves: both replicas serve realtime; the other one must serve reporting");
    }

    @Test
    void requiresAReplicaToReplicateAMaster() {
        String yaml = LocalTopology.with("replicates: master2", "replicates: replica1");

        assertThat(problemIn(yaml).getMessage()).contains(": databases[3].replicates: must name one of the masters (master1, master2), was 'replica1'");
    }

    @Test
    void aSingleReplicaServesBothWorkloads() {
        String yaml = LocalTopology.with(
                "  - {name: replica2, role: replica, host: 127.0.0.1, port: 3314, serverId: 4, replicates: master2, serves: reporting}\n", "")
                .replace(", serves: realtime}", "}");

        Topology topology = LocalTopology.parse(yaml);

        assertThat(topology.firstFor(Workload.REALTIME).name()).isEqualTo("replica1");
        assertThat(topology.firstFor(Workload.REPORTING).name()).isEqualTo("replica1");
        assertThat(topology.fallbackFor(Workload.REPORTING)).isEmpty();
    }

    @Test
    void requiresAWebAndATelephonyNode() {
        String yaml = LocalTopology.yaml().replace("roles: [web, telephony]", "roles: [web]");

        InvalidTopology problem = problemIn(yaml);

        assertThat(problem.field()).isEqualTo("nodes");
        assertThat(problem.problem()).isEqualTo("at least one node needs the role telephony");
    }

    @Test
    void requiresTwoLoadBalancers() {
        String yaml = LocalTopology.with("  - {name: lb2, host: 127.0.0.1}\n", "");

        assertThat(problemIn(yaml).getMessage())
                .contains(": loadBalancers: must list exactly two load balancers (the Pacemaker pair), found 1");
    }

    @Test
    void readsAMountedStorageSystemShare() {
        String yaml = LocalTopology.yaml().substring(0, LocalTopology.yaml().indexOf("storage:"))
                + "storage:\n  kind: mount\n  source: //nas.example.org/verbund\n  path: /srv/verbund\nsizing:\n  agents: 10\n  concurrentCalls: 5\n";

        Topology topology = LocalTopology.parse(yaml);

        assertThat(topology.storage()).isEqualTo(
                new MountStorage("//nas.example.org/verbund", "/srv/verbund", MountStorage.DEFAULT_CREDENTIALS));
    }

    @Test
    void rejectsDrbdKeysOnAMount() {
        String yaml = LocalTopology.with("kind: drbd", "kind: mount");

        assertThat(problemIn(yaml).getMessage()).contains(": storage.nodes: unknown key (kind mount takes source, path and credentials)");
    }

    @Test
    void rejectsAHostName() {
        String yaml = LocalTopology.with("{name: lb1, host: 127.0.0.1}", "{name: lb1, host: lb1.example.org}");

        assertThat(problemIn(yaml).getMessage()).contains(": loadBalancers[0].host: must be an IPv4 address");
    }

    @Test
    void reportsBrokenYamlWithItsPosition() {
        String yaml = LocalTopology.with("  http: 8080", "  http: [8080");

        InvalidTopology problem = problemIn(yaml);

        assertThat(problem.getMessage()).startsWith("topology.yaml:").contains(": not valid YAML: ");
        assertThat(problem.field()).isEmpty();
        assertThat(problem.line()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> new TopologyReader().read("# nothing\n", "topology.yaml"))
                .isInstanceOf(InvalidTopology.class)
                .hasMessage("topology.yaml:1:1: the file is empty");
    }
}
