package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.topology.Topology;
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
        if (!layout.isRunning()) {
            verbund.err().println("No running Verbund ACD cluster in " + layout.root() + " (start one with ./verbund cluster).");
            return ExitCode.NOT_RUNNING.code();
        }
        Topology topology = layout.readTopology();
        Installation installation = locations.installation();
        new MasterFailback(topology, layout.server(topology.primaryMaster(), installation),
                layout.server(topology.backupMaster(), installation),
                new HaproxyAdmin(layout.haproxySocket()), verbund.out()).run();
        return ExitCode.OK.code();
    }
}
