package io.verbund.acd.lbconfig.sizing;

import io.verbund.acd.lbconfig.topology.NodeRole;
import java.util.List;
import java.util.Set;

/**
 * The topology file for a {@link SizingPlan}: local.yaml's frontends and database layout, the planned
 * WildFly nodes, and the demand as {@code sizing}. Its first lines say how it was sized, so the file can
 * be made again.
 */
public final class SizedTopology {

    private SizedTopology() {
    }

    /**
     * @param command the {@code lb-config size} command line that made the plan, for the file's header
     */
    public static String yaml(SizingPlan plan, String cluster, Machines machines, String command) {
        List<Set<NodeRole>> nodes = plan.nodeRoles();
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Sized by: ").append(command).append('\n');
        yaml.append("# ").append(plan.sharedNodes() ? nodes.size() + " nodes with both roles"
                : plan.telephonyNodes() + " telephony and " + plan.webNodes() + " web nodes").append(", N+1; the figures and")
                .append(" reasons are in that command's output.\n");
        yaml.append("cluster: ").append(cluster).append('\n');
        yaml.append("virtualIp: ").append(machines.virtualIp()).append('\n');
        yaml.append("""
                frontends:
                  http: 8080
                  https: 8443
                  sip: 5060
                  dbMaster: 3306
                  dbRealtime: 3307
                  dbReporting: 3308
                  haproxyStats: 8404
                databases:
                """);
        String[] names = {"master1", "master2", "replica1", "replica2"};
        for (int i = 0; i < names.length; i++) {
            yaml.append("  - {name: ").append(names[i]).append(", role: ").append(i < 2 ? "master" : "replica")
                    .append(", host: ").append(machines.database(i)).append(", port: ").append(machines.databasePort(i))
                    .append(", serverId: ").append(i + 1);
            if (i >= 2) {
                yaml.append(", replicates: ").append(names[i - 2]).append(", serves: ").append(i == 2 ? "realtime" : "reporting");
            }
            yaml.append("}\n");
        }
        yaml.append("nodes:\n");
        for (int i = 0; i < nodes.size(); i++) {
            yaml.append("  - {name: ").append(nodeName(i)).append(", host: ").append(machines.node(i))
                    .append(", portOffset: ").append(machines.nodePortOffset(i)).append(", roles: [")
                    .append(String.join(", ", nodes.get(i).stream().map(NodeRole::yamlName).toList())).append("]}\n");
        }
        yaml.append("loadBalancers:\n");
        for (int i = 0; i < plan.loadBalancers(); i++) {
            yaml.append("  - {name: lb").append(i + 1).append(", host: ").append(machines.loadBalancer(i)).append("}\n");
        }
        yaml.append("storage:\n")
                .append("  kind: drbd\n")
                .append("  nodes:\n")
                .append("    - {name: storage1, host: ").append(machines.storage(0, nodes.size())).append("}\n")
                .append("    - {name: storage2, host: ").append(machines.storage(1, nodes.size())).append("}\n")
                .append("  disk: /dev/vdb\n")
                .append("  device: /dev/drbd0\n")
                .append("  port: 7789\n")
                .append("  share: verbund\n")
                .append("  path: /srv/verbund\n");
        yaml.append("sizing:\n")
                .append("  agents: ").append(plan.demand().agents()).append('\n')
                .append("  concurrentCalls: ").append(Math.max(1, plan.peakCalls())).append('\n');
        return yaml.toString();
    }

    /** node-a ... node-z, node-aa ...: the names local.yaml uses, for any count. */
    static String nodeName(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            letters.insert(0, (char) ('a' + i % 26));
        }
        return "node-" + letters;
    }
}
