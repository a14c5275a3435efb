package io.verbund.acd.lbconfig;

import io.verbund.acd.lbconfig.topology.NodeRole;
import io.verbund.acd.lbconfig.topology.Topology;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code lb-config check}: reads and validates the topology only; writes nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Reads and validates a topology file; writes nothing.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.INVALID_TOPOLOGY_HELP})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    TopologyOption topology = new TopologyOption();

    @ParentCommand
    LbConfig lbConfig;

    @Override
    public Integer call() {
        Topology read = topology.read();
        lbConfig.out().println(topology.file + ": cluster " + read.cluster() + " is valid: "
                + read.databases().size() + " databases (" + read.primaryMaster().name() + " primary), "
                + read.nodes().size() + " nodes (" + read.nodesWith(NodeRole.WEB).size() + " web, "
                + read.nodesWith(NodeRole.TELEPHONY).size() + " telephony), load balancers "
                + read.loadBalancers().get(0).name() + "/" + read.loadBalancers().get(1).name()
                + ", virtual IP " + read.virtualIp());
        return ExitCodes.OK;
    }
}
