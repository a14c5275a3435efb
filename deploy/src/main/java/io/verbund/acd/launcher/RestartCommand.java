package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.topology.AcdNode;
import io.verbund.acd.lbconfig.topology.Database;
import io.verbund.acd.lbconfig.topology.Topology;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code verbund restart NAME}: starts one failed or stopped part of a running cluster again: a
 * database (which resumes replication from its GTID position; a restarted primary master does
 * not take writes back, that is {@code failback}'s job) or a WildFly node (which rejoins the cache
 * cluster and the dispatcher once healthy).
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Starts one part of a running cluster again after it failed or was stopped: a database or a node.")
final class RestartCommand implements Callable<Integer> {

    @Mixin
    Verbund.Locations locations = new Verbund.Locations();

    @Parameters(paramLabel = "NAME", description = "A database (master1, replica1, ...) or node (node-a, ...) of the topology.")
    String name;

    @ParentCommand
    Verbund verbund;

    @Override
    public Integer call() {
        PrintStream out = verbund.out();
        ClusterLayout layout = new ClusterLayout(locations.clusterHome());
        Optional<ClusterRecord> record = ClusterRecord.read(layout.record());
        if (!layout.isRunning() || record.isEmpty()) {
            verbund.err().println("No running Verbund ACD cluster in " + layout.root() + " (start one with ./verbund cluster).");
            return ExitCode.NOT_RUNNING.code();
        }
        if (record.get().pid(name).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)) {
            out.println(name + " is running (pid " + record.get().pid(name).orElseThrow() + "); nothing to do.");
            return ExitCode.OK.code();
        }
        Topology topology = layout.readTopology();
        Installation installation = locations.installation();
        Optional<Database> database = topology.databases().stream().filter(candidate -> candidate.name().equals(name)).findFirst();
        Optional<AcdNode> node = topology.nodes().stream().filter(candidate -> candidate.name().equals(name)).findFirst();
        Optional<Long> pid;
        if (database.isPresent()) {
            ClusterDatabase server = layout.server(database.get(), installation);
            out.println("Starting " + name + " on " + database.get().endpoint() + " ...");
            if (!database.get().isMaster() || !rebuiltFromPeer(layout, topology, installation, server, record.get(), out)) {
                server.start();
                server.setUpReplication();
            }
            pid = server.pid();
            out.println(name + " is up and replicates from " + database.get().replicates() + (database.get().equals(topology.primaryMaster())
                    ? ". Writes stay where they are; move them back with ./verbund failback once it has caught up." : "."));
        } else if (node.isPresent()) {
            NodePorts ports = new NodePorts(node.get().portOffset());
            WildFlyNode wildfly = new WildFlyNode(installation, layout.node(name), ports, name, Map.of());
            out.println("Starting " + name + " ...");
            DemoHome clusterHome = new DemoHome(layout.root());
            wildfly.startMember(layout.generated().resolve("wildfly/" + name + ".cli"), clusterHome.databasePassword(),
                    clusterHome.serviceSecret(), layout.cacheKey().password(), Cluster.memberProperties(clusterHome, false));
            pid = wildfly.pid();
            new ServiceHealth(ports).awaitUp(wildfly, name, Duration.ofMinutes(5), out);
        } else {
            verbund.err().println("No database or node named " + name + " in " + layout.topology() + ".");
            return ExitCode.USAGE.code();
        }
        ClusterRecord.read(layout.record()).orElse(record.get()).with(name, pid).write(layout.record());
        return ExitCode.OK.code();
    }

    /**
     * A failed master whose binlog holds commits its peer never received, or whose rebuild began and
     * did not end, is made anew from the peer with its replicas ({@link MasterRebuild}), and the
     * record gets their new processes.
     *
     * @return whether it was
     */
    private static boolean rebuiltFromPeer(ClusterLayout layout, Topology topology, Installation installation, ClusterDatabase master,
                                           ClusterRecord record, PrintStream out) {
        ClusterDatabase peer = layout.server(topology.database(master.topology().replicates()), installation);
        ClusterDatabase.UnreceivedCommits unreceived = master.unreceivedBy(peer);
        out.println("  " + unreceived);
        boolean pending = MasterRebuild.isPending(layout, master.name());
        if (pending) {
            out.println("  a rebuild of " + master.name() + " began and did not end; it starts over");
        }
        if (!pending && unreceived.count() == 0) {
            return false;
        }
        List<ClusterDatabase> replicas = topology.databases().stream()
                .filter(candidate -> !candidate.isMaster() && candidate.replicates().equals(master.name()))
                .map(replica -> layout.server(replica, installation)).toList();
        Map<String, Optional<Long>> started = new MasterRebuild(layout, installation, new HaproxyAdmin(layout.haproxySocket()),
                Clock.systemUTC(), out).rebuild(master, peer, replicas, record.pids());
        ClusterRecord updated = ClusterRecord.read(layout.record()).orElse(record);
        for (Map.Entry<String, Optional<Long>> entry : started.entrySet()) {
            updated = updated.with(entry.getKey(), entry.getValue());
        }
        updated.write(layout.record());
        return true;
    }
}
