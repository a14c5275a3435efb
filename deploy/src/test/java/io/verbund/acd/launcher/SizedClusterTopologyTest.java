package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.lbconfig.LbConfig;
import io.verbund.acd.lbconfig.topology.NodeRole;
import io.verbund.acd.lbconfig.topology.Topology;
import io.verbund.acd.lbconfig.topology.TopologyReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code ./verbund cluster --topology FILE} does with a file from {@code lb-config size} before it
 * starts anything: its own lb-config generation into the cluster home, the topology read back, and every
 * port the processes will take on this machine given once. No process is started.
 */
class SizedClusterTopologyTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream print = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private Path sized(String... load) {
        Path file = home.resolve("sized.yaml");
        String[] args = new String[load.length + 3];
        args[0] = "size";
        System.arraycopy(load, 0, args, 1, load.length);
        args[load.length + 1] = "--out";
        args[load.length + 2] = file.toString();
        assertThat(LbConfig.run(print, print, args)).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        return file;
    }

    private static String resource(String name) throws java.io.IOException {
        try (InputStream in = SizedClusterTopologyTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Topology generatedByTheLauncher(Path topologyFile) {
        Cluster cluster = new Cluster(new Installation(home, home, home, "test"), home.resolve("cluster"), topologyFile, print);
        return cluster.generate();
    }

    @Test
    void theConceptsTwoHundredAgentsAreGeneratedByTheLauncherWithEveryPortOnce() {
        Path file = sized("--agents", "200", "--concurrent-calls", "120", "--caps", "0.5", "--talk-time", "180", "--wait-time", "30",
                "--recorded", "100", "--retention", "90", "--supervisors", "10", "--wallboards", "4");

        Topology topology = generatedByTheLauncher(file);

        assertThat(topology.nodes()).hasSize(2);
        assertThat(home.resolve("cluster/topology.yaml")).hasSameTextualContentAs(file);
        assertThat(home.resolve("cluster/config/wildfly/node-b.cli")).isRegularFile();
        assertThat(home.resolve("cluster/config/kamailio/dispatcher.list")).content().contains("duid=node-a", "duid=node-b");
        assertThat(Cluster.portNeeds(topology)).extracting(NodePorts.Need::port).doesNotHaveDuplicates();
    }

    @Test
    void manyDedicatedNodesOnThisMachineTakeEachPortOnce() {
        Path file = sized("--agents", "5000", "--concurrent-calls", "3000", "--caps", "20", "--talk-time", "120", "--wait-time", "30",
                "--recorded", "10", "--retention", "30");

        Topology topology = generatedByTheLauncher(file);

        assertThat(topology.nodesWith(NodeRole.TELEPHONY)).hasSizeGreaterThan(2);
        assertThat(topology.nodesWith(NodeRole.WEB)).hasSizeGreaterThan(2);
        assertThat(topology.nodes()).hasSizeGreaterThan(24);
        assertThat(Cluster.portNeeds(topology)).extracting(NodePorts.Need::port).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/io/verbund/acd/lbconfig/local.yaml", "/cluster-it.yaml"})
    void theTopologiesTheClusterStartsFromTodayTakeEachPortOnce(String resource) throws Exception {
        Topology topology = new TopologyReader().read(resource(resource), resource);

        assertThat(Cluster.portNeeds(topology)).extracting(NodePorts.Need::port).doesNotHaveDuplicates();
    }

    @Test
    void aTopologyThatGivesOnePortToTwoPartsIsRefusedNamingBoth() throws Exception {
        String local = resource("/io/verbund/acd/lbconfig/local.yaml");
        // node-a's AJP port (8009 + 400) on the stats page's 8409: the reader does not know AJP, the launcher does.
        String yaml = local.replace("haproxyStats: 8404", "haproxyStats: 8409").replace("portOffset: 100", "portOffset: 400");
        Topology topology = new TopologyReader().read(yaml, "clash.yaml");

        assertThatThrownBy(() -> Cluster.portNeeds(topology)).isInstanceOf(LaunchFailure.class)
                .hasMessageContaining("port 8409 to both haproxy stats page and node-a AJP (WildFly)");
    }
}
