package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.topology.Database;
import io.verbund.acd.lbconfig.topology.InvalidTopology;
import io.verbund.acd.lbconfig.topology.Topology;
import io.verbund.acd.lbconfig.topology.TopologyReader;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code verbund failback}: writes back to the primary master after a failover, once it has caught up. */
@Command(name = "failback", mixinStandardHelpOptions = true,
        description = {"Moves the database writes back to the primary master after a failover: checks that it replicates",
                "and has applied everything the backup master wrote, then switches haproxy back. Changes nothing otherwise."})
final class FailbackCommand implements Callable<Integer> {

    @Mixin
    Verbund.Locations locations = new Verbund.Locations();

    @ParentCommand
    Verbund verbund;

    @Override
    public Integer call() {
        ClusterLayout layout = new ClusterLayout(locations.clusterHome());
        DemoHome home = new DemoHome(layout.root());
        if (!layout.isCluster() || ClusterRecord.read(layout.record()).isEmpty() || !home.isLocked()) {
            verbund.err().println("No running Verbund ACD cluster in " + layout.root() + " (start one with ./verbund cluster).");
            return ExitCode.NOT_RUNNING.code();
        }
        Topology topology;
        try {
            topology = new TopologyReader().read(layout.topology());
        } catch (IOException | InvalidTopology e) {
            throw new LaunchFailure(ExitCode.FAILED, "cannot read " + layout.topology() + ": " + e.getMessage(), e);
        }
        Installation installation = locations.installation();
        new MasterFailback(topology, database(topology.primaryMaster(), layout, home, installation),
                database(topology.backupMaster(), layout, home, installation),
                new HaproxyAdmin(layout.haproxySocket()), verbund.out()).run();
        return ExitCode.OK.code();
    }

    private static ClusterDatabase database(Database database, ClusterLayout layout, DemoHome home, Installation installation) {
        return new ClusterDatabase(database, installation, layout.generated(), layout.database(database.name()),
                home.databasePassword(), home.databaseAdminPassword());
    }
}
